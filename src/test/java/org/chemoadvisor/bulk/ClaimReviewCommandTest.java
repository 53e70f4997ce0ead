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
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chemoadvisor.bulk.generate.ClaimGenerator;
import org.chemoadvisor.rulepack.load.RulePackLoader;
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
    void claimsWithoutAnIdAreReviewedCountedAndListed(@TempDir Path out) throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        // Two Claims with no id (FHIR does not require one), each with an error finding.
        int status = ClaimReviewCommand.run(new String[] {"src/test/resources/bulk/without-ids", "--out",
                out.toString()}, new PrintStream(printed, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("2 claims, 2 with errors, 0 unreadable lines");
        assertThat(csv(out.resolve("findings.csv"))).extracting(r -> r.get("claim_identifier") + " " + r.get("rule_id"))
                .contains("C0-1 CHEMO-06", "C0-2 CHEMO-06");
        assertThat(Files.readString(out.resolve("report.html"))).contains("Claim  (C0-1)", "Claim  (C0-2)");
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

    /**
     * One claim's date cannot be read as a FHIR dateTime, so the Bundle of each other claim of its
     * patient cannot be assembled: claims read without HAPI are reported exactly as HAPI's path
     * reports them, and every other answer is the same too.
     */
    @Test
    void claimsReadWithoutHapiAreAnsweredAsHapisPathAnswersThem(@TempDir Path dir) throws IOException {
        Path fast = dir.resolve("fast");
        new ClaimGenerator(RulePackLoader.loadBundled().muscles(), 3, 0.3).write(fast, 200, false);
        List<String> claims = new ArrayList<>(Files.readAllLines(fast.resolve("Claim.ndjson")));
        Map<String, Integer> claimsOfPatient = new HashMap<>();
        claims.forEach(claim -> claimsOfPatient.merge(patientOf(claim), 1, Integer::sum));
        int bent = 0;
        while (claimsOfPatient.get(patientOf(claims.get(bent))) < 2) {
            bent++;
        }
        ObjectNode unreadable = (ObjectNode) JSON.readTree(claims.get(bent));
        unreadable.withObject("/item/0").put("servicedDate", "2024-13-01");
        claims.set(bent, JSON.writeValueAsString(unreadable));
        Files.write(fast.resolve("Claim.ndjson"), claims);
        Path hapi = dir.resolve("hapi");
        Files.createDirectories(hapi);
        for (String file : List.of("Procedure.ndjson", "Coverage.ndjson", "Patient.ndjson")) {
            Files.copy(fast.resolve(file), hapi.resolve(file));
        }
        List<String> withLanguage = new ArrayList<>();
        for (String claim : claims) {
            // An element the common shape leaves out: every claim goes through HAPI's parser.
            withLanguage.add(JSON.writeValueAsString(((ObjectNode) JSON.readTree(claim)).put("language", "en")));
        }
        Files.write(hapi.resolve("Claim.ndjson"), withLanguage);

        for (Path in : List.of(fast, hapi)) {
            ClaimReviewCommand.run(new String[] {in.toString(), "--out", in.resolve("out").toString()},
                    new PrintStream(OutputStream.nullOutputStream()), System.err);
        }

        List<String> problems = csv(fast.resolve("out/problems.csv")).stream()
                .map(r -> r.get("line") + " " + r.get("problem")).toList();
        assertThat(problems).first().isEqualTo((bent + 1) + " not a FHIR R4 resource");
        assertThat(problems.subList(1, problems.size())).as("the patient's other claims").isNotEmpty()
                .allMatch(problem -> problem.endsWith("could not be checked: DataFormatException"));
        assertThat(problems).isEqualTo(csv(hapi.resolve("out/problems.csv")).stream()
                .map(r -> r.get("line") + " " + r.get("problem")).toList());
        for (String output : List.of("outcomes.ndjson", "findings.csv")) {
            assertThat(new TreeSet<>(Files.readAllLines(fast.resolve("out").resolve(output)))).as(output)
                    .isEqualTo(new TreeSet<>(Files.readAllLines(hapi.resolve("out").resolve(output))));
        }
    }

    private static String patientOf(String claim) {
        return PatientKey.of(claim);
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
