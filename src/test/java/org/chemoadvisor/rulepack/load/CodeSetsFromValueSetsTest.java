package org.chemoadvisor.rulepack.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.chemoadvisor.rulepack.CodeSets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The terminology code sets are whatever the ValueSets say: a change to a ValueSet file changes
 * the loaded set, and a ValueSet the service cannot read exactly stops loading, naming the file.
 */
class CodeSetsFromValueSetsTest {

    private static final Path PROJECT_VALUE_SETS = Path.of("fhir-resources");

    @TempDir
    Path copy;

    @BeforeEach
    void copyTheProjectValueSets() throws IOException {
        try (Stream<Path> files = Files.list(PROJECT_VALUE_SETS)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("ValueSet-")).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void bundledToxinSetIsTheValueSetsConcepts() {
        CodeSets sets = RulePackLoader.loadBundled().codeSets();

        assertThat(sets.codes(CodeSets.TOXIN)).containsExactlyInAnyOrder("J0585", "J0586", "J0587", "J0588", "J0589");
        assertThat(sets.citation(CodeSets.TOXIN).url())
                .isEqualTo("http://chemoadvisor.org/fhir/ValueSet/botulinum-toxins");
        assertThat(sets.citation(CodeSets.TOXIN).version()).isEqualTo("2026.1");
    }

    @Test
    void conceptAddedToAValueSetJoinsTheCodeSet() throws IOException {
        edit("ValueSet-botulinum-toxins.json", json -> json.replace(
                "\"concept\": [", "\"concept\": [\n          {\n            \"code\": \"J9999\"\n          },"));

        assertThat(loadFromCopy().codeSets().codes(CodeSets.TOXIN)).contains("J9999", "J0585");
    }

    @Test
    void conceptRemovedFromAValueSetLeavesTheCodeSet() throws IOException {
        edit("ValueSet-chemodenervation-guidance.json", json -> json.replace(
                "{\n            \"code\": \"95873\",\n            \"display\": \"guidance by electrical stimulation\"\n"
                        + "          },", ""));

        assertThat(loadFromCopy().codeSets().codes(CodeSets.GUIDANCE)).containsExactly("95874");
    }

    @Test
    void toxinNamedInTheMedicationTableMustStayInTheToxinValueSet() throws IOException {
        edit("ValueSet-botulinum-toxins.json", json -> json.replace(
                "\"code\": \"J0589\",", "\"code\": \"J0599\","));

        assertThatThrownBy(this::loadFromCopy)
                .isInstanceOf(RulePackLoadException.class)
                .hasMessageContaining("toxin-medications.csv: daxibotulinumtoxinA -> J0589: the J-code is not in the"
                        + " toxin code set");
    }

    @Test
    void isAFilterAddedToADiagnosisValueSetAddsItsCategoryWithoutTheDot() throws IOException {
        edit("ValueSet-chemodenervation-supporting-diagnoses.json", json -> json.replaceFirst(
                "\"value\": \"G80\"", "\"value\": \"G25.3\""));

        CodeSets sets = loadFromCopy().codeSets();

        assertThat(sets.codes(CodeSets.SUPPORTING_DIAGNOSIS)).contains("G253").doesNotContain("G80");
        assertThat(sets.containsPrefixOf(CodeSets.SUPPORTING_DIAGNOSIS, "G253")).isTrue();
        assertThat(sets.containsPrefixOf(CodeSets.SUPPORTING_DIAGNOSIS, "G801")).isFalse();
    }

    @Test
    void versionOfTheValueSetIsWhatFindingsCite() throws IOException {
        edit("ValueSet-chemodenervation-guidance.json", json -> json.replace("\"version\": \"2026.1\"",
                "\"version\": \"2027.2\""));

        assertThat(loadFromCopy().codeSets().citation(CodeSets.GUIDANCE).version()).isEqualTo("2027.2");
    }

    @Test
    void unsupportedFilterStopsLoadingNamingTheFile() throws IOException {
        edit("ValueSet-chemodenervation-supporting-diagnoses.json", json -> json.replaceFirst(
                "\"op\": \"is-a\"", "\"op\": \"regex\""));

        assertThatThrownBy(this::loadFromCopy)
                .isInstanceOf(RulePackLoadException.class)
                .hasMessageContaining("ValueSet-chemodenervation-supporting-diagnoses.json")
                .hasMessageContaining("only 'concept is-a <category>'");
    }

    @Test
    void missingValueSetStopsLoadingNamingTheFile() throws IOException {
        Files.delete(copy.resolve("ValueSet-muscle-spasm-diagnoses.json"));

        assertThatThrownBy(this::loadFromCopy)
                .isInstanceOf(RulePackLoadException.class)
                .hasMessageContaining("ValueSet-muscle-spasm-diagnoses.json: cannot be read");
    }

    @Test
    void fileThatIsNotJsonStopsLoadingNamingTheFile() throws IOException {
        edit("ValueSet-botulinum-toxins.json", json -> json.substring(0, json.length() / 2));

        assertThatThrownBy(this::loadFromCopy)
                .isInstanceOf(RulePackLoadException.class)
                .hasMessageContaining("ValueSet-botulinum-toxins.json: is not a FHIR R4 JSON resource");
    }

    @Test
    void resourceOtherThanAValueSetStopsLoading() throws IOException {
        edit("ValueSet-botulinum-toxins.json", json -> "{\"resourceType\": \"Patient\", \"id\": \"p\"}");

        assertThatThrownBy(this::loadFromCopy)
                .hasMessageContaining("ValueSet-botulinum-toxins.json: is a Patient, not a ValueSet");
    }

    @Test
    void startUpWithTheBundledValueSetsHasEveryNamedSet() {
        new ApplicationContextRunner().withUserConfiguration(RulePackConfiguration.class).run(context -> {
            CodeSets sets = context.getBean(org.chemoadvisor.rulepack.RulePack.class).codeSets();
            assertThat(sets.codes(CodeSets.CHEMODENERVATION)).contains("64612", "64642", "64647");
            assertThat(sets.codes(CodeSets.MUSCLE_SPASM_DIAGNOSIS)).containsExactly("M62838");
        });
    }

    private org.chemoadvisor.rulepack.RulePack loadFromCopy() {
        return RulePackLoader.load(RulePackProperties.bundled(), file -> TableSource.file(copy.resolve(file)));
    }

    private void edit(String file, Function<String, String> change) throws IOException {
        Path path = copy.resolve(file);
        String before = Files.readString(path, StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertThat(after).as("the edit changed " + file).isNotEqualTo(before);
        Files.writeString(path, after, StandardCharsets.UTF_8);
    }
}
