package org.chemoadvisor.spark;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chemoadvisor.bulk.PatientLinesReview;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;

/**
 * One patient's lines of the export, reviewed together as the one-machine command joins them
 * ({@link PatientLinesReview}, shared with it): the claim files' lines are the claims (and each other's
 * history), the other files' lines are what they reference. The rule pack and HAPI's context are
 * loaded once per executor JVM (they are what is costly, and both are thread-safe).
 */
final class PatientReview {

    /**
     * A line with its file and its position in the input ({@code order} increases with the line within a
     * file): the command reads a patient's lines in input order, and the review puts them in that order again.
     */
    record Line(String text, String file, long order) {

        /** Bulk Data names files by resource type ({@code Claim.ndjson}, {@code Claim-2.ndjson.gz}). */
        boolean fromClaimFile() {
            String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
            return name.startsWith("claim") || name.startsWith("bundle");
        }
    }

    private static final class Shared {
        static final FhirContext FHIR = FhirContext.forR4Cached();
        static final RulePack PACK = RulePackLoader.loadBundled();
        static final Map<PolicyProfile, PatientLinesReview> REVIEWS = new ConcurrentHashMap<>();
    }

    private PatientReview() {
    }

    /** @param lines one patient's lines, in any order */
    static List<ReviewedLine> review(List<Line> lines, PolicyProfile profile) {
        List<Line> sorted = new ArrayList<>(lines);
        // Input order as the command reads it: the files by name (as a directory lists them), each line by line.
        sorted.sort(Comparator.comparing(Line::file).thenComparingLong(Line::order));
        List<String> supporting = new ArrayList<>();
        List<String> claims = new ArrayList<>();
        for (Line line : sorted) {
            (line.fromClaimFile() ? claims : supporting).add(line.text());
        }
        List<ReviewedLine> reviewed = new ArrayList<>(claims.size());
        PatientLinesReview review = Shared.REVIEWS.computeIfAbsent(profile,
                p -> new PatientLinesReview(Shared.FHIR, Shared.PACK, p));
        review.review(supporting, claims, problem -> reviewed.add(ReviewedLine.problem(problem)))
                .forEach(claim -> reviewed.add(ReviewedLine.of(claim)));
        return reviewed;
    }
}
