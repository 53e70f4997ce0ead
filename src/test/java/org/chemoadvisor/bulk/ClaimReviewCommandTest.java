package org.chemoadvisor.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate-claims over a small Bulk Data export: the same findings as $validate, joined resources, bad lines reported. */
class ClaimReviewCommandTest {

    static final Path EXPORT = Path.of("src/test/resources/bulk/export");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anExportIsReviewedIntoOutcomesFindingsProblemsAndAReport(@TempDir Path out) throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = ClaimReviewCommand.run(new String[] {EXPORT.toString(), "--out", out.toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).as("a claim has an error finding").isEqualTo(1);
        Map<String, JsonNode> outcomes = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve("outcomes.ndjson"))) {
            JsonNode outcome = JSON.readTree(line);
            outcomes.put(outcome.path("id").asText(), outcome);
        }
        assertThat(outcomes).containsOnlyKeys("clean-1", "modifier-50-1", "reinjected-1");
        assertThat(ruleIds(outcomes.get("clean-1"))).isEmpty();
        assertThat(ruleIds(outcomes.get("modifier-50-1"))).containsExactly("CHEMO-06");
        assertThat(outcomes.get("modifier-50-1").at("/extension/0/valueIdentifier/value").asText()).isEqualTo("CLM-0002");
        assertThat(ruleIds(outcomes.get("reinjected-1"))).as("the patient's earlier Procedure from Procedure.ndjson")
                .containsExactly("CHEMO-41");

        List<CSVRecord> findings = csv(out.resolve("findings.csv"));
        assertThat(findings).extracting(r -> r.get("claim_id") + " " + r.get("rule_id") + " " + r.get("severity"))
                .containsExactlyInAnyOrder("modifier-50-1 CHEMO-06 error", "reinjected-1 CHEMO-41 warning");
        CSVRecord modifier = findings.stream().filter(r -> r.get("rule_id").equals("CHEMO-06")).findFirst().orElseThrow();
        assertThat(modifier.get("date_of_service")).isEqualTo("2024-09-10");
        assertThat(modifier.get("element")).contains("item[1].modifier[0]");
        assertThat(modifier.get("table_and_version")).contains("2024-07");
        assertThat(modifier.get("finding_and_fix")).contains("Remove");

        assertThat(csv(out.resolve("problems.csv"))).extracting(r -> r.get("line") + " " + r.get("problem"))
                .containsExactly("3 not a FHIR R4 resource",
                        "5 Patient is neither a Claim nor a collection Bundle with one Claim");
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains("<svg", "CHEMO-06", "modifier-50-1", "2024-09").doesNotContain("http://", "https://");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("3 claims, 1 with errors, 2 unreadable lines");
    }

    @Test
    void gzippedClaimsAndACleanRunExitZero(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("Claim-1.ndjson.gz");
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(input))) {
            gzip.write(Files.readAllLines(EXPORT.resolve("Claim.ndjson")).get(0).getBytes(StandardCharsets.UTF_8));
        }

        int status = ClaimReviewCommand.run(new String[] {input.toString(), "--out", dir.resolve("out").toString(),
                "--profile", "commercial"}, new PrintStream(OutputStream.nullOutputStream()), System.err);

        assertThat(status).isZero();
        assertThat(Files.readAllLines(dir.resolve("out/outcomes.ndjson"))).hasSize(1);
    }

    @Test
    void aPatientsOtherClaimsAreTheRecordAReinjectionIsCheckedAgainst(@TempDir Path dir) throws IOException {
        JsonNode clean = JSON.readTree(Files.readAllLines(EXPORT.resolve("Claim.ndjson")).get(0));
        List<String> lines = new ArrayList<>();
        for (String[] claim : new String[][] {{"earlier", "2024-08-01"}, {"later", "2024-09-10"}, {"other", "2024-08-20"}}) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = clean.deepCopy();
            copy.put("id", claim[0]);
            copy.putObject("patient").put("reference", claim[0].equals("other") ? "Patient/p-2" : "Patient/p-1");
            copy.putObject("billablePeriod").put("start", claim[1]).put("end", claim[1]);
            copy.path("item").forEach(item -> ((com.fasterxml.jackson.databind.node.ObjectNode) item)
                    .put("servicedDate", claim[1]));
            lines.add(JSON.writeValueAsString(copy));
        }
        Files.write(dir.resolve("Claim.ndjson"), lines);

        ClaimReviewCommand.run(new String[] {dir.resolve("Claim.ndjson").toString(), "--out", dir.resolve("out").toString()},
                new PrintStream(OutputStream.nullOutputStream()), System.err);

        Map<String, TreeSet<String>> rules = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("out/outcomes.ndjson"))) {
            JsonNode outcome = JSON.readTree(line);
            rules.put(outcome.path("id").asText(), ruleIds(outcome));
        }
        assertThat(rules.get("later")).containsExactly("CHEMO-41");
        assertThat(rules.get("earlier")).as("nothing before it").isEmpty();
        assertThat(rules.get("other")).as("another patient").isEmpty();
    }

    @Test
    void withoutInputsOrOutputItSaysHowToCallIt() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int status = ClaimReviewCommand.run(new String[] {"--profile", "other"}, System.out,
                new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar <jar> validate-claims");
    }

    static TreeSet<String> ruleIds(JsonNode outcome) {
        TreeSet<String> ids = new TreeSet<>();
        outcome.path("issue").forEach(issue -> issue.at("/details/coding").forEach(coding -> {
            if (coding.path("code").asText().startsWith("CHEMO-")) {
                ids.add(coding.path("code").asText());
            }
        }));
        return ids;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file))) {
            return new ArrayList<>(parser.getRecords());
        }
    }
}
