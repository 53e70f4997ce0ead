package org.chemoadvisor.bulk.generate;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimGeneratorTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void theSameSeedWritesTheSameExport(@TempDir Path dir) throws IOException {
        generate(dir.resolve("a"), 500, 42);
        generate(dir.resolve("b"), 500, 42);

        for (String file : List.of("Patient.ndjson", "Coverage.ndjson", "Procedure.ndjson", "Claim.ndjson",
                "expected-rule-ids.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file)))
                    .as(file).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
    }

    @Test
    void anotherSeedWritesOtherClaims(@TempDir Path dir) throws IOException {
        generate(dir.resolve("a"), 200, 1);
        generate(dir.resolve("b"), 200, 2);

        assertThat(Files.readString(dir.resolve("a/Claim.ndjson"))).isNotEqualTo(Files.readString(
                dir.resolve("b/Claim.ndjson")));
    }

    @Test
    void everyMistakeIsMadeAndMostVisitsAreCodedCorrectly(@TempDir Path dir) throws IOException {
        generate(dir, 3000, 7);

        List<String[]> rows = Files.readAllLines(dir.resolve("expected-rule-ids.csv")).stream().skip(1)
                .map(row -> row.split(",", -1)).toList();
        Set<String> mistakes = rows.stream().map(row -> row[1]).filter(m -> !m.isEmpty()).collect(Collectors.toSet());
        long clean = rows.stream().filter(row -> row[1].isEmpty()).count();

        assertThat(rows).hasSize(3000);
        assertThat(mistakes).containsExactlyInAnyOrderElementsOf(Arrays.stream(Mistake.values()).map(Enum::name)
                .toList());
        assertThat(clean).isBetween(1950L, 2250L);
        assertThat(rows).allSatisfy(row -> assertThat(row[1].isEmpty()).isEqualTo(row[2].isEmpty()));
    }

    @Test
    void claimsReferenceThePatientsCoverageAndDocumentationInTheExport(@TempDir Path dir) throws IOException {
        generate(dir, 400, 3);

        Set<String> exported = new HashSet<>();
        for (String type : List.of("Patient", "Coverage", "Procedure")) {
            Files.readAllLines(dir.resolve(type + ".ndjson")).forEach(line -> exported.add(reference(line)));
        }
        List<Claim> claims = Files.readAllLines(dir.resolve("Claim.ndjson")).stream()
                .map(line -> FHIR.newJsonParser().parseResource(Claim.class, line)).toList();

        assertThat(claims).hasSize(400).allSatisfy(claim -> {
            assertThat(exported).contains(claim.getPatient().getReference(),
                    claim.getInsuranceFirstRep().getCoverage().getReference());
            claim.getProcedure().forEach(p -> assertThat(exported).contains(p.getProcedureReference().getReference()));
        });
        assertThat(claims).anySatisfy(claim -> assertThat(claim.getProcedure()).isNotEmpty());
    }

    @Test
    void gzipWritesCompressedNdjson(@TempDir Path dir) throws IOException {
        assertThat(GenerateClaimsCommand.run(new String[] {"--claims", "50", "--out", dir.toString(), "--gzip"},
                QUIET, QUIET)).isZero();

        try (var in = new GZIPInputStream(Files.newInputStream(dir.resolve("Claim.ndjson.gz")))) {
            assertThat(new String(in.readAllBytes()).lines()).hasSize(50);
        }
    }

    @Test
    void aMissingCountOrOutputIsAUsageError(@TempDir Path dir) {
        assertThat(GenerateClaimsCommand.run(new String[] {"--out", dir.toString()}, QUIET, QUIET)).isEqualTo(2);
        assertThat(GenerateClaimsCommand.run(new String[] {"--claims", "ten", "--out", dir.toString()}, QUIET, QUIET))
                .isEqualTo(2);
        assertThat(GenerateClaimsCommand.run(new String[] {"--claims", "5"}, QUIET, QUIET)).isEqualTo(2);
    }

    private static String reference(String line) {
        Resource resource = (Resource) FHIR.newJsonParser().parseResource(line);
        return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }

    static void generate(Path dir, long claims, long seed) throws IOException {
        new ClaimGenerator(RulePackLoader.loadBundled().muscles(), seed, 0.3).write(dir, claims, false);
    }
}
