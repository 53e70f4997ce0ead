package org.chemoadvisor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chemoadvisor.facts.PolicyProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on local[*] over the service's bulk test export: the same findings as the bulk command
 * and Claim/$validate, written partitioned by month as NDJSON and Parquet, with the summary.
 */
class SparkClaimReviewTest {

    /**
     * The service's own bulk test export, the one ClaimReviewCommandTest reviews: Claim.ndjson (three claims,
     * a bad line, a stray Patient) with the Procedure, Coverage and Patient files its claims reference.
     */
    private static final Path EXPORT = Path.of("../src/test/resources/bulk/export");

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("review-test", 2);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void claimsAreReviewedAndWrittenByMonthOfService(@TempDir Path out) throws IOException {
        SparkClaimReview.Summary summary = SparkClaimReview.run(spark, List.of(EXPORT.toString()), out.toString(),
                PolicyProfile.MEDICARE);

        // What the one-machine command finds in the same export (ClaimReviewCommandTest).
        assertThat(summary.claims()).isEqualTo(3);
        assertThat(summary.claimsWithErrors()).isEqualTo(1);
        assertThat(summary.problems()).isEqualTo(2);
        assertThat(summary.findingsByRule()).as("CHEMO-41 from the patient's Procedure in Procedure.ndjson")
                .isEqualTo(Map.of("CHEMO-06", 1L, "CHEMO-41", 1L));

        assertThat(out.resolve("outcomes/month=2024-09")).isDirectory();
        List<String> outcomes;
        try (Stream<Path> files = Files.walk(out.resolve("outcomes"))) {
            outcomes = files.filter(f -> f.getFileName().toString().startsWith("part-"))
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
        assertThat(outcomes).hasSize(3).allMatch(line -> line.startsWith("{\"resourceType\":\"OperationOutcome\""));
        assertThat(outcomes).anyMatch(line -> line.contains("\"id\":\"modifier-50-1\"") && line.contains("CHEMO-06"));

        List<Row> parquet = spark.read().parquet(out.resolve("findings-parquet").toString()).collectAsList();
        assertThat(parquet).hasSize(2);
        Row finding = parquet.stream().filter(r -> r.<String>getAs("rule_id").equals("CHEMO-06")).findFirst()
                .orElseThrow();
        assertThat(finding.<String>getAs("rule_id")).isEqualTo("CHEMO-06");
        assertThat(finding.<String>getAs("claim_id")).isEqualTo("modifier-50-1");
        assertThat(finding.<String>getAs("month")).isEqualTo("2024-09");
        assertThat(finding.<String>getAs("table_and_version")).contains("2024-07");
        assertThat(spark.read().json(out.resolve("summary").toString()).count()).isEqualTo(2);
        assertThat(spark.read().json(out.resolve("findings").toString()).count()).isEqualTo(2);
    }

    @Test
    void theJobNeverLoadsSpring() {
        assertThat(Stream.of("org.springframework.context.ApplicationContext", "org.springframework.core.io.Resource")
                .filter(SparkClaimReviewTest::loadable)).as("Spring classes on the job's classpath").isEmpty();
    }

    private static boolean loadable(String name) {
        try {
            Class.forName(name, false, SparkClaimReviewTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
