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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.chemoadvisor.bulk.generate.ClaimGenerator;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated export reviewed by the command: every clean claim gets no finding and every claim
 * with a mistake gets exactly the rule that mistake breaks, including the mistakes only the patient's
 * other claims reveal (re-injection too soon, a visit in a global period).
 */
class GeneratedClaimsReviewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyGeneratedClaimGetsExactlyTheRuleItsMistakeBreaks(@TempDir Path dir) throws IOException {
        new ClaimGenerator(RulePackLoader.loadBundled().muscles(), 20261203, 0.3).write(dir.resolve("in"), 3000,
                true);

        int status = ClaimReviewCommand.run(new String[] {dir.resolve("in").toString(), "--out",
                dir.resolve("out").toString()}, new PrintStream(OutputStream.nullOutputStream()), System.err);

        Map<String, Set<String>> found = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("out/outcomes.ndjson"))) {
            JsonNode outcome = JSON.readTree(line);
            found.put(outcome.path("id").asText(), ClaimReviewCommandTest.ruleIds(outcome));
        }
        assertThat(status).isEqualTo(1);
        assertThat(found).hasSize(3000).isEqualTo(ClaimGenerator.expectedRuleIds(dir.resolve("in")));
        assertThat(found.values().stream().flatMap(Set::stream)).contains("CHEMO-40", "CHEMO-41", "CHEMO-05");
    }

    @Test
    void anInputSplitByPatientGivesTheSameOutcomesAsOneRead(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in");
        new ClaimGenerator(RulePackLoader.loadBundled().muscles(), 5, 0.3).write(in, 1500, false);
        Files.writeString(in.resolve("Claim-2.ndjson"), "{\"resourceType\": \"Claim\", \"id\": \"cut-off\n");
        Files.writeString(in.resolve("Organization.ndjson"), "{\"resourceType\": \"Organization\", \"id\": \"clinic\"}\n"
                + "not json\n");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

        ClaimReviewCommand.review(List.of(in), dir.resolve("whole"), null, false, quiet, Long.MAX_VALUE);
        ClaimReviewCommand.review(List.of(in), dir.resolve("split"), null, false, new PrintStream(printed),
                64 << 10);

        assertThat(sortedLines(dir.resolve("split/outcomes.ndjson"))).hasSize(1500)
                .isEqualTo(sortedLines(dir.resolve("whole/outcomes.ndjson")));
        assertThat(sortedLines(dir.resolve("split/findings.csv")))
                .isEqualTo(sortedLines(dir.resolve("whole/findings.csv")));
        assertThat(Files.readAllLines(dir.resolve("split/problems.csv")))
                .containsExactly("file,line,problem", in.resolve("Claim-2.ndjson") + ",1,not a FHIR R4 resource");
        assertThat(dir.resolve("split").resolve(ClaimReviewCommand.WORK_DIR)).doesNotExist();
        assertThat(printed.toString().lines().filter(l -> l.contains("Organization.ndjson:2: not a FHIR R4 resource")))
                .as("an unreadable supporting line is reported once, not once per part").hasSize(1);
    }

    @Test
    void aGzippedInputSplitByPatientIsCopiedIntoItsPartsWithTheSameOutcomes(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("plain");
        new ClaimGenerator(RulePackLoader.loadBundled().muscles(), 7, 0.3).write(plain, 800, false);
        Path mixed = dir.resolve("mixed");
        Files.createDirectories(mixed);
        // Claims gzipped (copied into the parts), Procedures plain (found again by offset), one line not ASCII.
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(mixed.resolve("Claim.ndjson.gz")))) {
            Files.copy(plain.resolve("Claim.ndjson"), gzip);
            gzip.write("{\"resourceType\": \"Claim\", \"id\": \"naïve\"\n".getBytes(StandardCharsets.UTF_8));
        }
        for (String file : List.of("Procedure.ndjson", "Coverage.ndjson", "Patient.ndjson")) {
            Files.copy(plain.resolve(file), mixed.resolve(file));
        }
        int claims = Files.readAllLines(plain.resolve("Claim.ndjson")).size();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

        ClaimReviewCommand.review(List.of(plain), dir.resolve("whole"), null, false, quiet, Long.MAX_VALUE);
        ClaimReviewCommand.review(List.of(mixed), dir.resolve("split"), null, false, quiet, 32 << 10);

        assertThat(sortedLines(dir.resolve("split/outcomes.ndjson"))).hasSize(800)
                .isEqualTo(sortedLines(dir.resolve("whole/outcomes.ndjson")));
        assertThat(sortedLines(dir.resolve("split/findings.csv")))
                .isEqualTo(sortedLines(dir.resolve("whole/findings.csv")));
        assertThat(Files.readAllLines(dir.resolve("split/problems.csv"), StandardCharsets.UTF_8)).containsExactly(
                "file,line,problem", mixed.resolve("Claim.ndjson.gz") + "," + (claims + 1) + ",not a FHIR R4 resource");
    }

    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }
}
