package org.chemoadvisor.bulk;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.chemoadvisor.claim.ClaimCheck;
import org.chemoadvisor.claim.ClaimValidationRequest;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.RuleCatalog;
import org.chemoadvisor.rules.RuleEngine;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * A rules-only review of lines held in memory, one patient's lines of an export (as the Spark job groups
 * them), read the way the command reads a part ({@link PartReview}): supporting lines of the common shape
 * by {@link SupportingResourceReader}, claim lines of the common shape by {@link ExportClaimReader} and
 * checked as facts; any other line parsed by HAPI and checked through {@link ClaimCheck}, as
 * {@code Claim/$validate} reads it. Each claim is checked against its patient's record in the lines given.
 * Plain Java and thread-safe, for executors where neither Spring nor a web server runs.
 */
public final class PatientLinesReview {

    private final CodeSets codeSets;
    private final ClaimCheck check;
    private final ExportClaimCheck fast;
    private final PolicyProfile profile;
    private final ThreadLocal<IParser> parsers;

    public PatientLinesReview(FhirContext fhir, RulePack pack, PolicyProfile profile) {
        this.codeSets = pack.codeSets();
        this.check = new ClaimCheck(fhir, pack);
        this.fast = new ExportClaimCheck(new RuleEngine(RuleCatalog.inPrecedenceOrder(), pack), pack, profile);
        this.profile = profile;
        this.parsers = ThreadLocal.withInitial(fhir::newJsonParser);
    }

    /**
     * @param supportingLines the Procedure, Coverage and Patient lines, in input order
     * @param claimLines      the Claim (or Bundle) lines, in input order
     * @param problems        told why a line was not reviewed, a sentence per line
     * @return the claims reviewed, in the order of their lines
     */
    public List<ReviewedClaim> review(Iterable<String> supportingLines, List<String> claimLines,
            Consumer<String> problems) {
        IParser parser = parsers.get();
        SupportingResources supporting = new SupportingResources();
        for (String line : supportingLines) {
            try {
                Resource built = SupportingResourceReader.read(line);
                supporting.add(built != null ? built : (Resource) parser.parseResource(line));
            } catch (RuntimeException e) {
                problems.accept(ClaimLineReview.NOT_A_RESOURCE);
            }
        }
        List<ExportClaim> read = new ArrayList<>(claimLines.size());
        OtherClaims otherClaims = new OtherClaims();
        for (String line : claimLines) {
            ExportClaim claim = ExportClaimReader.read(line);
            read.add(claim);
            if (claim != null) {
                otherClaims.add(claim, codeSets);
            } else {
                otherClaims.add(line, codeSets);
            }
        }
        List<ReviewedClaim> reviewed = new ArrayList<>(claimLines.size());
        for (int i = 0; i < claimLines.size(); i++) {
            ClaimLineReview.Result result = read.get(i) != null
                    ? ClaimLineReview.checkRead(read.get(i), fast, supporting, otherClaims)
                    : ClaimLineReview.checkWithHapi(claimLines.get(i), parser,
                            resource -> review(resource, supporting, otherClaims));
            ReviewedClaim claim = reviewedOrReported(result, problems);
            if (claim != null) {
                reviewed.add(claim);
            }
        }
        return reviewed;
    }

    private static ReviewedClaim reviewedOrReported(ClaimLineReview.Result result, Consumer<String> problems) {
        if (result.problem() != null) {
            problems.accept(result.problem());
        }
        return result.claim();
    }

    /** A Claim, or a collection Bundle holding one, with the patient's record, to what {@code $validate} answers. */
    private OperationOutcome review(Resource resource, SupportingResources supporting, OtherClaims otherClaims) {
        Bundle bundle = ClaimBundles.withRecord(resource, supporting, otherClaims);
        int entry = ClaimBundles.claimEntry(bundle);
        Claim claim = (Claim) bundle.getEntry().get(entry).getResource();
        return check.check(new ClaimValidationRequest(claim, false, null, bundle, entry), profile);
    }
}
