package org.chemoadvisor.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.chemoadvisor.bulk.ReportedFinding;
import org.chemoadvisor.bulk.ReviewReport;
import org.chemoadvisor.bulk.ReviewSummary;

/**
 * The job's report.html, the command's page ({@link ReviewReport}) drawn from the job's review: totals,
 * findings by rule and by month of service, and the claims with findings it lists in full (errors
 * first, then by claim id), gathered on the driver.
 */
final class SparkReviewReport {

    private SparkReviewReport() {
    }

    /**
     * @param reviewed the cached review, a row per claim or problem
     * @param findings a row per finding
     * @param findingsByRule the findings counted by rule (the job counts them for its summary anyway)
     */
    static ReviewSummary summary(Dataset<Row> reviewed, Dataset<Row> findings, Map<String, Long> findingsByRule) {
        // Claims by the absence of a problem, not by their id: a Claim need not have one.
        Row totals = reviewed.agg(functions.count(functions.when(col("problem").isNull(), true)),
                functions.count(functions.when(col("error"), true)), functions.count(col("problem")),
                functions.count(functions.when(functions.size(col("findings")).gt(0), true))).first();
        Dataset<Row> claimsWithFindings = reviewed.filter(col("problem").isNull()
                .and(functions.size(col("findings")).gt(0)));
        List<ReviewSummary.Listed> listed = new ArrayList<>();
        for (Row claim : claimsWithFindings.orderBy(col("error").desc(), col("claim_id"))
                .limit(ReviewReport.CLAIMS_LISTED)
                .select("claim_id", "claim_identifier", "date_of_service", "error", "findings").collectAsList()) {
            List<ReportedFinding> reported = new ArrayList<>();
            for (Row f : claim.<Row>getList(4)) {
                reported.add(new ReportedFinding(f.getString(0), f.getString(1), f.getString(2), f.getString(3),
                        f.getString(4)));
            }
            listed.add(new ReviewSummary.Listed(claim.getString(0), claim.getString(1), claim.getString(2),
                    claim.getBoolean(3), reported));
        }
        return new ReviewSummary(totals.getLong(0), totals.getLong(1), totals.getLong(2),
                findingsByRule, byMonth(findings), listed, totals.getLong(3) - listed.size());
    }

    private static Map<String, Long> byMonth(Dataset<Row> findings) {
        Map<String, Long> counts = new TreeMap<>();
        findings.groupBy("month").count().collectAsList().forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        return counts;
    }

    /** Writes the page where Spark writes (local, HDFS, S3 through Hadoop's file systems). */
    static void write(SparkSession spark, String file, String html) {
        Path path = new Path(file);
        try {
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (FSDataOutputStream out = fs.create(path, true)) {
                out.write(html.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
