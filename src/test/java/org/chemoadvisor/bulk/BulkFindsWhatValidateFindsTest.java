package org.chemoadvisor.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every example Claim and Bundle of fhir-resources/examples, reviewed in bulk as one NDJSON file per
 * profile, yields exactly the rule IDs expected-rule-ids.csv lists for it, which is what
 * ClaimValidateExamplesTest checks over HTTP: the bulk review and $validate find the same.
 */
class BulkFindsWhatValidateFindsTest {

    private static final Path EXAMPLES = Path.of("fhir-resources/examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"medicare", "commercial"})
    void everyExampleOfTheProfileGetsItsExpectedRuleIds(String profile, @TempDir Path dir) throws IOException {
        Map<String, Set<String>> expected = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (String row : Files.readAllLines(EXAMPLES.resolve("expected-rule-ids.csv")).subList(1, Files.readAllLines(
                EXAMPLES.resolve("expected-rule-ids.csv")).size())) {
            String[] cells = row.split(",", -1);
            if (row.isBlank() || !cells[1].equals(profile)) {
                continue;
            }
            JsonNode resource = JSON.readTree(Files.readString(EXAMPLES.resolve(cells[0])));
            expected.put(claimId(resource), new TreeSet<>(Arrays.stream(cells[2].split(";")).map(String::trim)
                    .filter(id -> !id.isEmpty()).toList()));
            lines.add(JSON.writeValueAsString(resource));
        }
        Path input = dir.resolve("Claim.ndjson");
        Files.write(input, lines);

        ClaimReviewCommand.run(new String[] {input.toString(), "--out", dir.resolve("out").toString(), "--profile",
                profile}, new PrintStream(OutputStream.nullOutputStream()), System.err);

        Map<String, Set<String>> found = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("out/outcomes.ndjson"))) {
            JsonNode outcome = JSON.readTree(line);
            found.put(outcome.path("id").asText(), ClaimReviewCommandTest.ruleIds(outcome));
        }
        assertThat(expected).isNotEmpty();
        assertThat(found).isEqualTo(expected);
    }

    private static String claimId(JsonNode resource) {
        if (resource.path("resourceType").asText().equals("Claim")) {
            return resource.path("id").asText();
        }
        for (JsonNode entry : resource.path("entry")) {
            if (entry.at("/resource/resourceType").asText().equals("Claim")) {
                return entry.at("/resource/id").asText();
            }
        }
        throw new IllegalArgumentException("no Claim");
    }
}
