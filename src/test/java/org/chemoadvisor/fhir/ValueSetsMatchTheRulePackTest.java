package org.chemoadvisor.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.chemo.Chemo31NoSupportingDiagnosis;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The code sets the service loads (from the ValueSets packaged in the jar) hold exactly the codes
 * of the ValueSets in the project's fhir-resources/, and cite them: what the service checks is
 * what it publishes. ICD-10-CM categories are is-a filters with dots; the code sets hold the same
 * prefixes without dots.
 */
class ValueSetsMatchTheRulePackTest {

    private static final Path ROOT = Path.of("fhir-resources");
    private static final String BASE = "http://chemoadvisor.org/fhir/ValueSet/";
    private final CodeSets codeSets = RulePackLoader.loadBundled().codeSets();

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "chemodenervation-procedures, " + CodeSets.CHEMODENERVATION,
        "chemodenervation-guidance, " + CodeSets.GUIDANCE,
        "botulinum-toxins, " + CodeSets.TOXIN,
        "chemodenervation-supporting-diagnoses, " + CodeSets.SUPPORTING_DIAGNOSIS,
        "chemodenervation-supporting-diagnoses-neck, supporting-diagnosis-neck",
        "chemodenervation-supporting-diagnoses-face, supporting-diagnosis-face",
        "chemodenervation-supporting-diagnoses-migraine, supporting-diagnosis-migraine",
        "chemodenervation-supporting-diagnoses-with-spasm, " + CodeSets.SUPPORTING_DIAGNOSIS_WITH_SPASM,
        "muscle-spasm-diagnoses, " + CodeSets.MUSCLE_SPASM_DIAGNOSIS,
        "chemodenervation-limbs-and-trunk, " + CodeSets.LIMB_AND_TRUNK,
        "chemodenervation-guidance-included, " + CodeSets.GUIDANCE_INCLUDED,
        "needle-emg, " + CodeSets.NEEDLE_EMG,
        "office-evaluation-management, " + CodeSets.EVALUATION_MANAGEMENT,
        "facility-places-of-service, " + CodeSets.FACILITY_POS,
        "office-place-of-service, " + CodeSets.OFFICE_POS})
    void valueSetHoldsExactlyTheCodesOfItsCodeSet(String id, String codeSet) throws IOException {
        ValueSet valueSet = read(id);

        assertThat(valueSet.getUrl()).isEqualTo(BASE + id);
        assertThat(codes(valueSet)).containsExactlyInAnyOrderElementsOf(codeSets.codes(codeSet));
        assertThat(codeSets.citation(codeSet).url()).isEqualTo(valueSet.getUrl());
        assertThat(codeSets.citation(codeSet).version()).isEqualTo(valueSet.getVersion());
    }

    @Test
    void chemo31LinksToThePublishedSupportingDiagnosisValueSet() throws IOException {
        assertThat(read("chemodenervation-supporting-diagnoses").getUrl())
                .isEqualTo(Chemo31NoSupportingDiagnosis.VALUE_SET);
    }

    private static ValueSet read(String id) throws IOException {
        String json = Files.readString(ROOT.resolve("ValueSet-" + id + ".json"), StandardCharsets.UTF_8);
        return FhirContext.forR4Cached().newJsonParser().parseResource(ValueSet.class, json);
    }

    private static Set<String> codes(ValueSet valueSet) {
        Set<String> codes = new HashSet<>();
        for (ConceptSetComponent include : valueSet.getCompose().getInclude()) {
            include.getConcept().forEach(c -> codes.add(c.getCode().replace(".", "")));
            include.getFilter().forEach(f -> {
                assertThat(f.getOp()).isEqualTo(ValueSet.FilterOperator.ISA);
                codes.add(f.getValue().replace(".", ""));
            });
        }
        return codes;
    }
}
