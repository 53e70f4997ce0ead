package org.chemoadvisor.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.chemoadvisor.bulk.generate.ClaimGenerator;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claim read without HAPI ({@link ExportClaimReader}, {@link ExportClaimCheck}, {@link OutcomeJson})
 * gets the very outcome, byte for byte, and the very findings.csv rows that the HAPI path gives it
 * (HAPI's parser, the Bundle {@link ClaimBundles} assembles, the Claim adapter, HAPI's encoder): for
 * every generated claim, every example Claim, and claims bent out of the common shape, which either
 * go through HAPI or still agree.
 */
class ExportClaimEquivalenceTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RulePack pack;
    private static ClaimReviewer reviewer;
    private static ExportClaimCheck check;

    @TempDir
    static Path dir;
    private static Path generated;

    @BeforeAll
    static void generate() throws IOException {
        pack = RulePackLoader.loadBundled();
        reviewer = new ClaimReviewer(FHIR, pack, false, "medicare");
        check = reviewer.exportCheck();
        generated = dir.resolve("in");
        new ClaimGenerator(pack.muscles(), 29, 0.35).write(generated, 3000, false);
    }

    @Test
    void everyGeneratedClaimIsReadWithoutHapiAndGetsTheSameOutcome() throws IOException {
        Compared compared = compare(Files.readAllLines(generated.resolve("Claim.ndjson")), generated);

        assertThat(compared.total).isEqualTo(3000);
        assertThat(compared.fast).as("claims of the common shape").isEqualTo(compared.total);
        assertThat(compared.withFindings).as("the generated mistakes are found").isGreaterThan(500);
    }

    @Test
    void exampleClaimsAgreeWhicheverWayTheyAreRead() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("fhir-resources/examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode resource = JSON.readTree(file.toFile());
                if (resource.path("resourceType").asText().equals("Claim")) {
                    lines.add(JSON.writeValueAsString(resource));
                    lines.add(JSON.writeValueAsString(asExported((ObjectNode) resource)));
                }
            }
        }

        Compared compared = compare(lines, generated);

        assertThat(compared.total).isGreaterThan(50);
        assertThat(compared.fast).as("examples as an export would write them").isGreaterThan(20);
    }

    /** An example as a server's export writes it: no narrative, contained Coverage or display-only patient. */
    private static ObjectNode asExported(ObjectNode claim) {
        claim.remove(List.of("text", "contained"));
        claim.withObject("/patient").removeAll().put("reference", "Patient/example");
        if (claim.has("insurance")) {
            claim.withArray("insurance").forEach(insurance -> ((ObjectNode) insurance).remove("coverage"));
        }
        return claim;
    }

    @Test
    void claimsBentOutOfTheCommonShapeGoThroughHapiOrStillAgree() throws IOException {
        List<String> originals = Files.readAllLines(generated.resolve("Claim.ndjson")).subList(0, 400);
        List<Consumer<ObjectNode>> bends = List.of(
                c -> c.withObject("/item/0/productOrService/coding/0").put("code", " 64644"),
                c -> c.withObject("/item/0/productOrService/coding/0").put("code", "64644 "),
                c -> c.withObject("/item/0").put("servicedDate", "2024-03-05T10:00:00Z"),
                c -> c.withObject("/item/0/quantity").put("value", 1.5),
                c -> c.withObject("/item/0/quantity").put("value", 2.0),
                c -> c.withObject("/item/0/quantity").put("value", 0),
                c -> c.withObject("/item/0/bodySite").put("text", "left arm"),
                c -> c.withObject("/item/0/modifier/0/coding/0").put("code", "50"),
                c -> c.withObject("/item/0/modifier/0/coding/0").put("code", "rt"),
                c -> c.withObject("/item/0/productOrService/coding/0").put("system", "urn:other"),
                c -> c.withArray("item").addObject().put("sequence", 9).withObject("/productOrService")
                        .put("text", "supply"),
                c -> c.remove("billablePeriod"),
                c -> c.withObject("/billablePeriod").put("start", "2024-02"),
                c -> c.put("id", "a_b"),
                c -> c.withArray("extension").addObject().put("url", "urn:x").put("valueString", "y"),
                c -> c.withObject("/identifier/0").put("value", " CLM 1 "),
                c -> c.withObject("/identifier/0").remove("system"),
                c -> c.remove("identifier"),
                c -> c.withObject("/procedure/0/procedureReference").put("reference",
                        "https://elsewhere.example/fhir/Procedure/x"),
                c -> c.withObject("/procedure/0").put("date", "2023-01-01"),
                c -> c.withObject("/procedure/0").put("sequence", 7),
                c -> c.withObject("/diagnosis/0/diagnosisCodeableConcept/coding/0").put("code", "g24.1"),
                c -> c.withObject("/diagnosis/0").put("sequence", 4),
                c -> c.withObject("/item/0").withArray("diagnosisSequence").add(9),
                c -> c.withObject("/item/0/locationCodeableConcept/coding/0").put("code", "22"),
                c -> c.withObject("/patient").put("reference", "Patient/someone-else"),
                c -> c.withObject("/type/coding/0").put("code", "institutional"),
                c -> c.withObject("/insurance/0/coverage").put("reference", "Coverage/none"),
                c -> c.putNull("status"),
                c -> c.withObject("/item/0").put("sequence", "1"),
                c -> c.withObject("/item/0/quantity").put("value", 3_000_000_000L),
                c -> c.putArray("diagnosis"),
                c -> c.withObject("/item/0/productOrService").putArray("coding"));
        List<String> bent = new ArrayList<>();
        Random random = new Random(5);
        for (String original : originals) {
            ObjectNode claim = (ObjectNode) JSON.readTree(original);
            try {
                bends.get(random.nextInt(bends.size())).accept(claim);
            } catch (RuntimeException e) {
                // The bend does not fit this claim (an element it lacks): the claim stays as generated.
            }
            bent.add(JSON.writeValueAsString(claim));
        }

        Compared compared = compare(bent, generated);

        assertThat(compared.total).isEqualTo(400);
        assertThat(compared.fast).as("some bent claims are still of the common shape").isBetween(100, 399);
    }

    @Test
    void aLineThatIsNotOneJsonObjectWithDistinctKeysIsLeftToHapi() throws IOException {
        String line = Files.readAllLines(generated.resolve("Claim.ndjson")).get(0);
        assertThat(ExportClaimReader.read(line)).isNotNull();

        assertThat(ExportClaimReader.read(line + " {}")).as("trailing content").isNull();
        assertThat(ExportClaimReader.read("{\"id\":\"x\"," + line.substring(1))).as("a key twice").isNull();
        assertThat(ExportClaimReader.read(line.substring(0, line.length() - 1))).as("cut short").isNull();
        assertThat(ExportClaimReader.read("[" + line + "]")).as("not an object").isNull();
        // Jackson's byte parser would skip a byte-order mark its text parser (and HAPI's) refuses.
        assertThat(ExportClaimReader.read("\uFEFF" + line)).as("a byte-order mark").isNull();
        assertThat(ExportClaimReader.read(("\uFEFF" + line).getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(ExportClaimReader.read((" \t" + line).getBytes(StandardCharsets.UTF_8))).isNotNull()
                .isEqualTo(ExportClaimReader.read(" \t" + line));
        assertThat(ExportClaimReader.read(("{\"id\":\"x\"," + line.substring(1)).getBytes(StandardCharsets.UTF_8)))
                .as("a key twice, in bytes").isNull();
        assertThat(line).contains("\"diagnosis\":[{\"sequence\":1,", "\"code\":\"95874\"", "\"status\":\"active\",");
        assertThat(ExportClaimReader.read(line.replaceFirst("\"sequence\":1,", "\"sequence\":1,\"sequence\":1,")))
                .as("a key twice in a diagnosis").isNull();
        assertThat(ExportClaimReader.read(line.replaceFirst("\"code\":\"(\\d+)\"", "\"code\":\"$1\",\"code\":\"$1\"")))
                .as("a key twice in a coding").isNull();
        assertThat(ExportClaimReader.read(line.replace("\"status\":\"active\",", "\"status\":\"active\",\"x\":{},")))
                .as("an unknown key").isNull();
    }

    private static final class Compared {
        int total;
        int fast;
        int withFindings;
    }

    /** Each line through both paths, against the supporting files and all claims of {@code export}. */
    private static Compared compare(List<String> lines, Path export) throws IOException {
        PatientPartitions.Part whole = PatientPartitions.of(new NdjsonInputs(List.of(export)), dir.resolve("work"),
                Long.MAX_VALUE, new AtomicLong()).parts().get(0);
        SupportingResources supporting = SupportingResources.read(FHIR, whole, problem -> { });
        OtherClaims hapiIndex = OtherClaims.read(whole, pack.codeSets());
        OtherClaims fastIndex = new OtherClaims();
        whole.claimLines(line -> {
            ExportClaim read = ExportClaimReader.read(line.text());
            if (read != null) {
                fastIndex.add(read, pack.codeSets());
            } else {
                fastIndex.add(line.text(), pack.codeSets());
            }
        }, new AtomicLong());
        IParser parser = FHIR.newJsonParser();
        Compared compared = new Compared();
        for (String line : lines) {
            Resource resource = (Resource) parser.parseResource(line);
            OperationOutcome outcome = reviewer.review(resource, supporting, hapiIndex);
            ReviewedClaim expected = ReviewedClaim.of((Claim) resource, outcome, parser);
            compared.total++;
            compared.withFindings += expected.findings().isEmpty() ? 0 : 1;
            // The review reads the line's bytes; what the text gives is what the bytes give.
            ExportClaim claim = ExportClaimReader.read(line.getBytes(StandardCharsets.UTF_8));
            assertThat(claim).as(line).isEqualTo(ExportClaimReader.read(line));
            if (claim == null) {
                continue;
            }
            var findings = check.check(claim, supporting, fastIndex);
            if (findings == null) {
                continue;
            }
            assertThat(ReviewedClaim.of(claim, findings)).as(line).isEqualTo(expected);
            compared.fast++;
        }
        return compared;
    }
}
