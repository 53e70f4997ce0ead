package org.chemoadvisor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chemoadvisor.bulk.generate.ClaimGenerator;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job and the one-machine command over the same export write the same thing for every claim: the
 * same OperationOutcome text (which BulkOutcomesEqualValidateTest holds to what Claim/$validate answers)
 * and the same findings rows, whichever order the shuffle hands a patient's lines over in; and the same
 * report totals and charts.
 */
class SparkWritesWhatTheCommandWritesTest {

    private static final String[] FINDING_COLUMNS = {"claim_id", "claim_identifier", "date_of_service", "rule_id",
        "severity", "element", "finding_and_fix", "table_and_version"};

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("review-equals-command", 3);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void everyGeneratedClaimGetsTheCommandsOutcomeAndFindings(@TempDir Path dir) throws IOException {
        // Gzipped, patients with several claims, every rule's mistake: the look-back rules need the other claims.
        new ClaimGenerator(RulePackLoader.loadBundled().muscles(), 20261208, 0.4).write(dir.resolve("in"), 3000,
                true);

        int status = command(dir.resolve("in"), dir.resolve("command"));
        SparkClaimReview.Summary summary = SparkClaimReview.run(spark, List.of(dir.resolve("in").toString()),
                dir.resolve("spark").toString(), PolicyProfile.MEDICARE);

        List<String> outcomes = commandOutcomes(dir.resolve("command"));
        assertThat(outcomes).hasSize(3000);
        assertThat(status).as("some claims have errors").isEqualTo(1);
        assertThat(summary.claims()).isEqualTo(3000);
        assertThat(sparkOutcomes(dir.resolve("spark"))).containsExactlyInAnyOrderElementsOf(outcomes);
        List<List<String>> findings = commandFindings(dir.resolve("command"));
        assertThat(findings).as("findings on the generated claims").hasSizeGreaterThan(1000)
                .anyMatch(row -> row.get(3).equals("CHEMO-41")).anyMatch(row -> row.get(3).equals("CHEMO-40"));
        assertThat(sparkFindings(dir.resolve("spark"))).containsExactlyInAnyOrderElementsOf(findings);
        assertThat(spark.read().parquet(dir.resolve("spark/outcomes-parquet").toString()).count()).isEqualTo(3000);
        // The totals and the charts by rule and by month; the claims listed are the first 500 each one met.
        assertThat(report(dir.resolve("spark"), "<h2>Claims with findings</h2>"))
                .isEqualTo(report(dir.resolve("command"), "<h2>Claims with findings</h2>"));
    }

    @Test
    void anExportWithBadLinesGetsTheCommandsOutcomesAndProblemCount(@TempDir Path dir) throws IOException {
        // The service's bulk test export: three claims, a line that is not JSON, a stray Patient in the Claim file.
        Path export = Path.of("../src/test/resources/bulk/export");

        command(export, dir.resolve("command"));
        SparkClaimReview.Summary summary = SparkClaimReview.run(spark, List.of(export.toString()),
                dir.resolve("spark").toString(), PolicyProfile.MEDICARE);

        assertThat(sparkOutcomes(dir.resolve("spark")))
                .containsExactlyInAnyOrderElementsOf(commandOutcomes(dir.resolve("command")));
        assertThat(sparkFindings(dir.resolve("spark")))
                .containsExactlyInAnyOrderElementsOf(commandFindings(dir.resolve("command")));
        try (Reader problems = Files.newBufferedReader(dir.resolve("command/problems.csv"))) {
            assertThat(summary.problems()).isEqualTo(CSVFormat.DEFAULT.builder().setSkipHeaderRecord(true)
                    .setHeader().get().parse(problems).getRecords().size()).isEqualTo(2);
        }
        // Under 500 claims with findings, both list them all, errors first.
        assertThat(report(dir.resolve("spark"), "</body>")).contains("Claim modifier-50-1")
                .isEqualTo(report(dir.resolve("command"), "</body>"));
    }

    @Test
    void claimsWithoutAnIdAreCountedAndListedAsTheCommandDoes(@TempDir Path dir) throws IOException {
        // Two Claims with no id (FHIR does not require one), each with an error finding.
        Path export = Path.of("../src/test/resources/bulk/without-ids");

        command(export, dir.resolve("command"));
        SparkClaimReview.Summary summary = SparkClaimReview.run(spark, List.of(export.toString()),
                dir.resolve("spark").toString(), PolicyProfile.MEDICARE);

        assertThat(summary.claims()).isEqualTo(2);
        assertThat(summary.claimsWithErrors()).isEqualTo(2);
        assertThat(sparkOutcomes(dir.resolve("spark")))
                .containsExactlyInAnyOrderElementsOf(commandOutcomes(dir.resolve("command")));
        assertThat(report(dir.resolve("spark"), "</body>")).isEqualTo(report(dir.resolve("command"), "</body>"));
    }

    /** report.html from its totals (after the inputs and the time taken, which differ) up to {@code end}. */
    private static String report(Path out, String end) throws IOException {
        String html = Files.readString(out.resolve("report.html"));
        int from = html.indexOf("<div class=\"totals\">");
        assertThat(from).as("the totals in " + out).isPositive();
        return html.substring(from, html.indexOf(end, from));
    }

    /**
     * The command as a user runs it, from the service's jar (built by the service's {@code mvn install}, which
     * the job's build needs anyway): it reads its policy through Spring's resource loader, which must not be on
     * the job's classpath.
     */
    private static int command(Path in, Path out) throws IOException {
        Path jar;
        try (Stream<Path> jars = Files.list(Path.of("../target"))) {
            jar = jars.filter(f -> f.getFileName().toString().matches("chemo-coding-advisor-.*-SNAPSHOT\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("build the service first: mvn install"));
        }
        Path log = out.resolveSibling(out.getFileName() + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString(), "validate-claims", in.toString(), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int status = process.waitFor();
            assertThat(status).as(Files.readString(log)).isIn(0, 1);
            return status;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static List<String> commandOutcomes(Path out) throws IOException {
        return Files.readAllLines(out.resolve("outcomes.ndjson"));
    }

    private static List<String> sparkOutcomes(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out.resolve("outcomes"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static List<List<String>> commandFindings(Path out) throws IOException {
        try (Reader csv = Files.newBufferedReader(out.resolve("findings.csv"))) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(csv)) {
                List<String> row = new ArrayList<>();
                for (String column : FINDING_COLUMNS) {
                    row.add(record.get(column));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The Parquet rows in findings.csv's columns; CSV writes a null as an empty field. */
    private static List<List<String>> sparkFindings(Path out) {
        List<List<String>> rows = new ArrayList<>();
        for (Row finding : spark.read().parquet(out.resolve("findings-parquet").toString()).collectAsList()) {
            List<String> row = new ArrayList<>();
            for (String column : FINDING_COLUMNS) {
                String value = finding.getAs(column);
                row.add(value == null ? "" : value);
            }
            rows.add(row);
        }
        return rows;
    }
}
