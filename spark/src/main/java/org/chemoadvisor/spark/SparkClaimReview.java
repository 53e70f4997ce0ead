package org.chemoadvisor.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chemoadvisor.bulk.ReviewedClaim;
import org.chemoadvisor.facts.PolicyProfile;
import scala.Tuple2;

/**
 * The bulk claim review as a Spark job:
 * {@code spark-submit --class org.chemoadvisor.spark.SparkClaimReview chemo-claim-review-spark.jar INPUT... --out DIR
 * [--profile medicare|commercial]}. INPUT is any path Spark reads (local, HDFS, S3 through Hadoop's file
 * systems; globs; .gz): NDJSON as Bulk Data exports it, Claim (or Bundle) files with the Procedure, Coverage and
 * Patient files they reference, grouped by patient so that each claim meets its patient's Procedures, Coverage
 * and other claims, as the one-machine command joins them. Writes,
 * partitioned by month of service: {@code outcomes/} (one OperationOutcome a line, as {@code Claim/$validate}
 * answers it without structural validation), {@code findings/} as NDJSON and {@code findings-parquet/}; and
 * {@code summary/} (findings per rule and severity) and {@code problems/} (lines that are not claims).
 */
public final class SparkClaimReview {

    private static final StructType OUTCOMES = new StructType().add("month", DataTypes.StringType)
            .add("claim_id", DataTypes.StringType).add("error", DataTypes.BooleanType)
            .add("outcome", DataTypes.StringType);
    private static final StructType FINDINGS = new StructType().add("claim_id", DataTypes.StringType)
            .add("claim_identifier", DataTypes.StringType).add("date_of_service", DataTypes.StringType)
            .add("month", DataTypes.StringType)
            .add("rule_id", DataTypes.StringType).add("severity", DataTypes.StringType)
            .add("element", DataTypes.StringType).add("finding_and_fix", DataTypes.StringType)
            .add("table_and_version", DataTypes.StringType);

    /** The run's totals, also written to {@code summary/}. */
    public record Summary(long claims, long claimsWithErrors, long problems, Map<String, Long> findingsByRule) {
    }

    private SparkClaimReview() {
    }

    public static void main(String[] args) {
        List<String> inputs = new ArrayList<>();
        String out = null;
        String profile = "medicare";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = args[++i];
                case "--profile" -> profile = args[++i];
                default -> inputs.add(args[i]);
            }
        }
        if (inputs.isEmpty() || out == null) {
            System.err.println("Usage: spark-submit --class " + SparkClaimReview.class.getName()
                    + " <jar> INPUT... --out DIR [--profile medicare|commercial]");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("chemodenervation claim review").getOrCreate();
        Summary summary = run(spark, inputs, out, PolicyProfile.valueOf(profile.toUpperCase(java.util.Locale.ROOT)));
        System.out.println(summary);
        spark.stop();
    }

    public static Summary run(SparkSession spark, List<String> inputs, String out, PolicyProfile profile) {
        // Each line with the name of its file (Claim*/Bundle* files hold the claims, the others what they reference)
        // and its place in it. NDJSON files only, as the command takes them: an export directory also holds its
        // manifest and the like.
        JavaRDD<PatientReview.Line> lines = spark.read().option("pathGlobFilter", "*.{ndjson,ndjson.gz,jsonl}")
                .text(inputs.toArray(String[]::new))
                .withColumn("file", functions.input_file_name())
                .withColumn("order", functions.monotonically_increasing_id()).javaRDD()
                .filter(row -> !row.getString(0).isBlank())
                .map(row -> new PatientReview.Line(row.getString(0), row.getString(1), row.getLong(2)));
        JavaRDD<ReviewedLine> reviewed = lines.mapToPair(line -> new Tuple2<>(PatientKeys.of(line.text()), line))
                .groupByKey()
                .flatMap(patient -> PatientReview.review(patient._2(), profile).iterator())
                .cache();
        JavaRDD<ReviewedClaim> claims = reviewed.filter(r -> r.claim() != null).map(ReviewedLine::claim);
        Dataset<Row> outcomes = spark.createDataFrame(
                claims.map(c -> RowFactory.create(c.month(), c.id(), c.error(), c.encoded())), OUTCOMES);
        Dataset<Row> findings = spark.createDataFrame(claims.flatMap(c -> c.findings().stream()
                .map(f -> RowFactory.create(c.id(), c.identifier(), c.dateOfService(), c.month(), f.ruleId(),
                        f.severity(), f.element(), f.text(), f.source())).iterator()), FINDINGS);

        outcomes.select("month", "outcome").write().mode(SaveMode.Overwrite).partitionBy("month").text(out + "/outcomes");
        findings.write().mode(SaveMode.Overwrite).partitionBy("month").json(out + "/findings");
        findings.write().mode(SaveMode.Overwrite).partitionBy("month").parquet(out + "/findings-parquet");
        Dataset<Row> byRule = findings.groupBy("rule_id", "severity").count().orderBy("rule_id", "severity");
        byRule.coalesce(1).write().mode(SaveMode.Overwrite).json(out + "/summary");
        spark.createDataFrame(reviewed.filter(r -> r.problem() != null).map(r -> RowFactory.create(r.problem())),
                new StructType().add("problem", DataTypes.StringType))
                .coalesce(1).write().mode(SaveMode.Overwrite).json(out + "/problems");

        Map<String, Long> perRule = new TreeMap<>();
        for (Row row : byRule.collectAsList()) {
            perRule.merge(row.getString(0), row.getLong(2), Long::sum);
        }
        Summary summary = new Summary(claims.count(), claims.filter(ReviewedClaim::error).count(),
                reviewed.filter(r -> r.problem() != null).count(), perRule);
        reviewed.unpersist();
        return summary;
    }
}
