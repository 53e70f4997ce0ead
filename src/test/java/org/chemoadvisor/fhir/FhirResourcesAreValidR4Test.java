package org.chemoadvisor.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in fhir-resources/ (knowledge and examples alike) is valid FHIR R4. */
class FhirResourcesAreValidR4Test {

    private static final Path ROOT = Path.of("fhir-resources");
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final StructuralValidator VALIDATOR = new StructuralValidator(FHIR);

    static Stream<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void theWalkFindsTheKnowledgeAndTheExamples() throws IOException {
        List<String> names = files().map(p -> ROOT.relativize(p).toString()).toList();
        assertThat(names).contains("CodeSystem-coding-rules.json",
                "ValueSet-chemodenervation-supporting-diagnoses.json",
                Path.of("examples", "claim-clean-64644-64645-95874.json").toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void fileHasNoErrorLevelValidationMessage(Path file) throws IOException {
        IBaseResource resource = FHIR.newJsonParser().parseResource(Files.readString(file, StandardCharsets.UTF_8));

        List<SingleValidationMessage> errors = VALIDATOR.validate(resource).stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();

        assertThat(errors).as(() -> errors.stream()
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList().toString()).isEmpty();
    }
}
