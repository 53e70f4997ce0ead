package org.chemoadvisor.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.chemoadvisor.bulk.ReviewReport;
import org.chemoadvisor.bulk.ReviewSummary;
import org.chemoadvisor.facts.PolicyProfile;

/**
 * The bulk claim review as a Spark job:
 * {@code spark-submit --class org.chemoadvisor.spark.SparkClaimReview chemo-claim-review-spark.jar INPUT... --out DIR
 * [--profile medicare|commercial]}. INPUT is any path Spark reads (local, HDFS, S3 through Hadoop's file
 * systems; globs; .gz): NDJSON as Bulk Data exports it, Claim (or Bundle) files with the Procedure, Coverage and
 * Patient files they reference, grouped by patient so that each claim meets its patient's Procedures, Coverage
 * and other claims, as the one-machine command joins them. Writes, partitioned by month of service:
 * {@code outcomes/} (one OperationOutcome a line, as {@code Claim/$validate} answers it without structural
 * validation) and {@code outcomes-parquet/}, {@code findings/} as NDJSON and {@code findings-parquet/}; and
 * {@code summary/} (findings per rule and severity), {@code problems/} (lines that are not claims) and
 * {@code report.html} (the command's page).
 */
public final class SparkClaimReview {

    private static final UserDefinedFunction PATIENT = functions.udf((UDF1<String, String>) PatientKeys::of,
            DataTypes.StringType);

    /** The run's totals; {@code summary/} has the findings per rule and severity, {@code report.html} all of it. */
    public record Summary(long claims, long claimsWithErrors, long problems, Map<String, Long> findingsByRule) {
    }

    private SparkClaimReview() {
    }

    /** What the command line asks for. */
    record Arguments(List<String> inputs, String out, PolicyProfile profile) {

        /** @throws IllegalArgumentException saying what is wrong with {@code args} */
        static Arguments parse(String[] args) {
            List<String> inputs = new ArrayList<>();
            String out = null;
            PolicyProfile profile = PolicyProfile.MEDICARE;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> out = value(args, ++i, "--out");
                    case "--profile" -> profile = profile(value(args, ++i, "--profile"));
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        inputs.add(args[i]);
                    }
                }
            }
            if (inputs.isEmpty() || out == null) {
                throw new IllegalArgumentException(inputs.isEmpty() ? "no INPUT" : "no --out DIR");
            }
            return new Arguments(List.copyOf(inputs), out, profile);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static PolicyProfile profile(String name) {
            for (PolicyProfile profile : PolicyProfile.values()) {
                if (profile.id().equalsIgnoreCase(name)) {
                    return profile;
                }
            }
            throw new IllegalArgumentException("unknown profile " + name);
        }
    }

    public static void main(String[] args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\nUsage: spark-submit --class " + SparkClaimReview.class.getName()
                    + " <jar> INPUT... --out DIR [--profile medicare|commercial]");
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("chemodenervation claim review").getOrCreate();
        Summary summary = run(spark, arguments.inputs(), arguments.out(), arguments.profile());
        System.out.println(summary);
        spark.stop();
    }

    public static Summary run(SparkSession spark, List<String> inputs, String out, PolicyProfile profile) {
        long started = System.nanoTime();
        // Reviewed once: every output below reads the review from Spark's columnar cache (spilled to disk when it
        // does not fit), not from the review done again.
        Dataset<Row> reviewed = review(spark, inputs, profile).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> claims = reviewed.filter(col("problem").isNull());
        claims.select("month", "outcome").write().mode(SaveMode.Overwrite).partitionBy("month")
                .text(out + "/outcomes");
        claims.select("month", "claim_id", "claim_identifier", "date_of_service", "error", "outcome").write()
                .mode(SaveMode.Overwrite).partitionBy("month").parquet(out + "/outcomes-parquet");
        Dataset<Row> findings = claims.select(col("claim_id"), col("claim_identifier"), col("date_of_service"),
                col("month"), functions.explode(col("findings")).as("f"))
                .select(col("claim_id"), col("claim_identifier"), col("date_of_service"), col("month"),
                        col("f.rule_id"), col("f.severity"), col("f.element"), col("f.finding_and_fix"),
                        col("f.table_and_version"));
        findings.write().mode(SaveMode.Overwrite).partitionBy("month").json(out + "/findings");
        findings.write().mode(SaveMode.Overwrite).partitionBy("month").parquet(out + "/findings-parquet");
        List<Row> byRule = findings.groupBy("rule_id", "severity").count().orderBy("rule_id", "severity")
                .collectAsList();
        spark.createDataFrame(byRule, new StructType().add("rule_id", DataTypes.StringType)
                .add("severity", DataTypes.StringType).add("count", DataTypes.LongType))
                .coalesce(1).write().mode(SaveMode.Overwrite).json(out + "/summary");
        reviewed.filter(col("problem").isNotNull()).select("problem").coalesce(1).write().mode(SaveMode.Overwrite)
                .json(out + "/problems");

        Map<String, Long> perRule = new TreeMap<>();
        for (Row row : byRule) {
            perRule.merge(row.getString(0), row.getLong(2), Long::sum);
        }
        ReviewSummary summary = SparkReviewReport.summary(reviewed, findings, perRule);
        SparkReviewReport.write(spark, out + "/report.html",
                ReviewReport.html(summary, inputs, (System.nanoTime() - started) / 1_000_000));
        reviewed.unpersist();
        return new Summary(summary.claims(), summary.claimsWithErrors(), summary.unreadable(), perRule);
    }

    /** Every line read, grouped by patient and reviewed: a row of {@link PatientReview#ROW} per claim or problem. */
    private static Dataset<Row> review(SparkSession spark, List<String> inputs, PolicyProfile profile) {
        // Each line with its patient, the name of its file (Claim*/Bundle* files hold the claims, the others what
        // they reference) and its place in it. NDJSON files only, as the command takes them: an export directory
        // also holds its manifest and the like. Spark's own rows all the way: no Java serialization in the shuffle.
        Dataset<Row> text = spark.read().option("pathGlobFilter", "*.{ndjson,ndjson.gz,jsonl}")
                .text(inputs.toArray(String[]::new));
        // As many review tasks as the input has splits. Spark's default (spark.sql.shuffle.partitions, 200) would
        // stay as it is through the cache, and each task writes a file per month of service: thousands of
        // small files, and most of the run spent committing them.
        int partitions = Math.max(1, text.javaRDD().getNumPartitions());
        Dataset<Row> lines = text
                .filter((FilterFunction<Row>) row -> !row.getString(0).isBlank())
                .select(PATIENT.apply(col("value")).as("patient"), col("value"),
                        functions.input_file_name().as("file"), functions.monotonically_increasing_id().as("order"));
        // A patient's lines meet in one partition, in input order; each partition is reviewed a patient at a time.
        return lines.repartition(partitions, col("patient")).sortWithinPartitions("patient", "file", "order")
                .mapPartitions((MapPartitionsFunction<Row, Row>) sorted -> new PatientGroups<>(sorted,
                        patient -> PatientReview.review(patient, profile)), Encoders.row(PatientReview.ROW));
    }
}
