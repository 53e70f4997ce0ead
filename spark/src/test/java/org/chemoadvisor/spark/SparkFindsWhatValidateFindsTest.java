package org.chemoadvisor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chemoadvisor.bulk.generate.ClaimGenerator;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every example Claim and Bundle of the service (fhir-resources/examples), reviewed by the job, gets
 * exactly the rule IDs expected-rule-ids.csv lists for it: the list the service's $validate
 * (ClaimValidateExamplesTest) and its bulk command (BulkFindsWhatValidateFindsTest) are held to.
 */
class SparkFindsWhatValidateFindsTest {

    private static final Path EXAMPLES = Path.of("../fhir-resources/examples");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("review-equality", 2);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void everyExampleOfTheProfileGetsItsExpectedRuleIds(PolicyProfile profile, @TempDir Path dir) throws IOException {
        Map<String, Set<String>> expected = new HashMap<>();
        List<String> lines = new ArrayList<>();
        List<String> rows = Files.readAllLines(EXAMPLES.resolve("expected-rule-ids.csv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            if (row.isBlank() || !cells[1].equalsIgnoreCase(profile.name())) {
                continue;
            }
            JsonNode resource = JSON.readTree(Files.readString(EXAMPLES.resolve(cells[0])));
            expected.put(claimId(resource), new TreeSet<>(Arrays.stream(cells[2].split(";")).map(String::trim)
                    .filter(id -> !id.isEmpty()).toList()));
            lines.add(JSON.writeValueAsString(resource));
        }
        Path input = dir.resolve("Claim.ndjson");
        Files.write(input, lines);

        SparkClaimReview.run(spark, List.of(input.toString()), dir.resolve("out").toString(), profile);

        Map<String, Set<String>> found = new HashMap<>();
        expected.keySet().forEach(id -> found.put(id, new TreeSet<>()));
        for (Row finding : spark.read().parquet(dir.resolve("out/findings-parquet").toString()).collectAsList()) {
            found.computeIfAbsent(finding.getAs("claim_id"), k -> new TreeSet<>()).add(finding.getAs("rule_id"));
        }
        assertThat(expected).isNotEmpty();
        assertThat(found).isEqualTo(expected);
    }

    /**
     * The generated export (Bulk Data layout, patients with several claims): every claim gets the rule
     * IDs the generator expects, which GeneratedClaimsReviewTest holds the command to and
     * BulkOutcomesEqualValidateTest shows $validate answers.
     */
    @Test
    void everyGeneratedClaimGetsTheRuleItsMistakeBreaks(@TempDir Path dir) throws IOException {
        new ClaimGenerator(RulePackLoader.loadBundled().muscles(), 20261203, 0.3).write(dir.resolve("in"), 2000,
                true);

        SparkClaimReview.Summary summary = SparkClaimReview.run(spark, List.of(dir.resolve("in").toString()),
                dir.resolve("out").toString(), PolicyProfile.MEDICARE);

        Map<String, Set<String>> expected = ClaimGenerator.expectedRuleIds(dir.resolve("in"));
        Map<String, Set<String>> found = new HashMap<>();
        expected.keySet().forEach(id -> found.put(id, new TreeSet<>()));
        for (Row finding : spark.read().parquet(dir.resolve("out/findings-parquet").toString()).collectAsList()) {
            found.computeIfAbsent(finding.getAs("claim_id"), k -> new TreeSet<>()).add(finding.getAs("rule_id"));
        }
        assertThat(summary.claims()).isEqualTo(2000);
        assertThat(summary.problems()).as("expected-rule-ids.csv beside the NDJSON files is not input").isZero();
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
