package org.chemoadvisor.spark;

import ca.uhn.fhir.parser.IParser;
import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.bulk.ClaimBundles;
import org.chemoadvisor.bulk.OtherClaims;
import org.chemoadvisor.bulk.SupportingResources;
import org.chemoadvisor.facts.PolicyProfile;
import org.hl7.fhir.r4.model.Resource;

/**
 * One patient's lines of the export, reviewed together as the one-machine command joins them: the
 * claim files' lines are the claims (and each other's history), the other files' lines are what they
 * reference ({@link ClaimBundles}).
 */
final class PatientReview {

    /** A line and whether it came from a Claim or Bundle file (by the file's name, as Bulk Data names them). */
    record Line(String text, boolean fromClaimFile) implements java.io.Serializable {
    }

    private PatientReview() {
    }

    static List<ReviewedClaim> review(Iterable<Line> lines, PolicyProfile profile) {
        IParser parser = ClaimLineReviewer.parser();
        SupportingResources supporting = new SupportingResources();
        List<String> claimLines = new ArrayList<>();
        List<ReviewedClaim> reviewed = new ArrayList<>();
        for (Line line : lines) {
            if (line.fromClaimFile()) {
                claimLines.add(line.text());
                continue;
            }
            try {
                supporting.add((Resource) parser.parseResource(line.text()));
            } catch (RuntimeException e) {
                reviewed.add(ReviewedClaim.problem("not a FHIR R4 resource"));
            }
        }
        OtherClaims otherClaims = OtherClaims.of(claimLines, ClaimLineReviewer.codeSets());
        for (String line : claimLines) {
            reviewed.add(ClaimLineReviewer.review(line, profile,
                    resource -> ClaimBundles.withRecord(resource, supporting, otherClaims)));
        }
        return reviewed;
    }
}
