package org.chemoadvisor.spark;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chemoadvisor.bulk.PatientLinesReview;
import org.chemoadvisor.bulk.ReviewedClaim;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One patient's lines of the export, reviewed together as the one-machine command joins them
 * ({@link PatientLinesReview}, shared with it): the claim files' lines are the claims (and each other's
 * history), the other files' lines are what they reference. The rule pack and HAPI's context are
 * loaded once per executor JVM (they are what is costly, and both are thread-safe).
 */
final class PatientReview {

    private static final StructType FINDING = new StructType().add("rule_id", DataTypes.StringType)
            .add("severity", DataTypes.StringType).add("element", DataTypes.StringType)
            .add("finding_and_fix", DataTypes.StringType).add("table_and_version", DataTypes.StringType);
    /** A line reviewed: a claim (problem null) or a line that is not one (only problem set). */
    static final StructType ROW = new StructType().add("problem", DataTypes.StringType)
            .add("month", DataTypes.StringType).add("claim_id", DataTypes.StringType)
            .add("claim_identifier", DataTypes.StringType).add("date_of_service", DataTypes.StringType)
            .add("error", DataTypes.BooleanType).add("outcome", DataTypes.StringType)
            .add("findings", DataTypes.createArrayType(FINDING));

    /**
     * A line with its file and its position in the input ({@code order} increases with the line within a
     * file): the command reads a patient's lines in input order, and the job sorts them back into it.
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

    /** @param lines one patient's lines, in input order (by file, then line): a row of {@link #ROW} each claim or problem */
    static List<Row> review(List<Line> lines, PolicyProfile profile) {
        List<String> supporting = new ArrayList<>();
        List<String> claims = new ArrayList<>();
        for (Line line : lines) {
            (line.fromClaimFile() ? claims : supporting).add(line.text());
        }
        List<Row> reviewed = new ArrayList<>(claims.size());
        PatientLinesReview review = Shared.REVIEWS.computeIfAbsent(profile,
                p -> new PatientLinesReview(Shared.FHIR, Shared.PACK, p));
        review.review(supporting, claims, problem -> reviewed.add(RowFactory.create(problem, null, null, null, null,
                null, null, CollectionConverters.asScala(List.<Row>of()).toSeq())))
                .forEach(claim -> reviewed.add(row(claim)));
        return reviewed;
    }

    private static Row row(ReviewedClaim claim) {
        List<Row> findings = new ArrayList<>(claim.findings().size());
        claim.findings().forEach(f -> findings.add(RowFactory.create(f.ruleId(), f.severity(), f.element(), f.text(),
                f.source())));
        return RowFactory.create(null, claim.month(), claim.id(), claim.identifier(), claim.dateOfService(),
                claim.error(), claim.encoded(), CollectionConverters.asScala(findings).toSeq());
    }
}
