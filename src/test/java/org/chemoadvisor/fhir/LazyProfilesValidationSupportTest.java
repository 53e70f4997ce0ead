package org.chemoadvisor.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Listing only the base types and resources to the worker context leaves the validator's messages as
 * they are with every core definition listed: for every example and test FHIR file, for resource types
 * other than the Claim's, for core extensions and for a declared core profile (both served by URL).
 */
class LazyProfilesValidationSupportTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String VITAL_SIGNS = "http://hl7.org/fhir/StructureDefinition/vitalsigns";
    private static final StructuralValidator FULL_LIST =
            new StructuralValidator(FHIR, new DefaultProfileValidationSupport(FHIR), 1, 50, Runnable::run);
    private static final StructuralValidator LAZY = new StructuralValidator(FHIR, 1, 50, Runnable::run);

    static Stream<Path> fhirFiles() throws IOException {
        return Stream.of(Path.of("fhir-resources", "examples"), Path.of("src", "test", "resources", "structural"),
                        Path.of("src", "test", "resources", "claim"))
                .flatMap(LazyProfilesValidationSupportTest::jsonFiles);
    }

    @ParameterizedTest
    @MethodSource("fhirFiles")
    void messagesAreThoseOfTheFullList(Path file) {
        IBaseResource resource = parse(file);
        assertThat(comparable(LAZY.validateAll(resource))).isEqualTo(comparable(FULL_LIST.validateAll(resource)));
    }

    @Test
    void resourcesOutsideTheClaimAndTheirCoreExtensionsAreStillChecked() {
        List<SingleValidationMessage> messages =
                LAZY.validateAll(parse(Path.of("src/test/resources/structural/bundle-outside-claim-types.json")));
        assertThat(messages).anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                && m.getMessage().contains("Immunization.vaccineCode"));
        assertThat(messages).anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                && m.getMessage().contains("patient-birthPlace"));
    }

    @Test
    void onlySpecializationsAreListedButProfilesAreServedByUrl() {
        LazyProfilesValidationSupport support = new LazyProfilesValidationSupport(FHIR);
        List<StructureDefinition> listed = support.fetchAllStructureDefinitions();

        assertThat(listed).isNotEmpty().allMatch(
                sd -> sd.getDerivation() == StructureDefinition.TypeDerivationRule.SPECIALIZATION);
        assertThat(listed).extracting(StructureDefinition::getType)
                .contains("Claim", "Bundle", "Patient", "Immunization", "string", "CodeableConcept", "Extension");
        assertThat(listed).extracting(StructureDefinition::getUrl).doesNotContain(VITAL_SIGNS);
        assertThat(support.fetchStructureDefinition(VITAL_SIGNS)).isNotNull();
    }

    private static Stream<Path> jsonFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IBaseResource parse(Path file) {
        try {
            return FHIR.newJsonParser().parseResource(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> comparable(List<SingleValidationMessage> messages) {
        return messages.stream()
                .map(m -> m.getSeverity() + " | " + m.getLocationString() + " | " + m.getLocationLine() + ":"
                        + m.getLocationCol() + " | " + m.getMessageId() + " | " + m.getMessage())
                .toList();
    }
}
