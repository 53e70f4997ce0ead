package org.chemoadvisor.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Listing only the base types and resources to the worker context, and keeping the other core definitions
 * compressed, leaves the validator's messages as they are with HAPI's own support: for every example and
 * test FHIR file, for resource types other than the Claim's, for core extensions and for a declared core
 * profile (both served by URL). What is served by URL is what HAPI's support serves, but for the base types
 * and resources kept parsed, which come without what the validator never reads of them.
 */
class LazyProfilesValidationSupportTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String VITAL_SIGNS = "http://hl7.org/fhir/StructureDefinition/vitalsigns";
    private static final StructuralValidator FULL_LIST =
            new StructuralValidator(FHIR, new DefaultProfileValidationSupport(FHIR), 1, 50, Runnable::run);
    private static final LazyProfilesValidationSupport SUPPORT = compacted();
    private static final StructuralValidator LAZY = new StructuralValidator(FHIR, SUPPORT, 1, 50, Runnable::run);
    private static final DefaultProfileValidationSupport HAPI = new DefaultProfileValidationSupport(FHIR);

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
        List<StructureDefinition> listed = SUPPORT.fetchAllStructureDefinitions();

        assertThat(listed).isNotEmpty().allMatch(
                sd -> sd.getDerivation() == StructureDefinition.TypeDerivationRule.SPECIALIZATION);
        assertThat(listed).extracting(StructureDefinition::getType)
                .contains("Claim", "Bundle", "Patient", "Immunization", "string", "CodeableConcept", "Extension");
        assertThat(listed).extracting(StructureDefinition::getUrl).doesNotContain(VITAL_SIGNS);
        assertThat(SUPPORT.fetchStructureDefinition(VITAL_SIGNS)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {VITAL_SIGNS, "http://hl7.org/fhir/StructureDefinition/patient-birthPlace",
        "http://hl7.org/fhir/StructureDefinition/NoSuchType"})
    void profilesAndExtensionsByUrlAreHapis(String url) {
        assertSameResource(SUPPORT.fetchStructureDefinition(url), HAPI.fetchStructureDefinition(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hl7.org/fhir/StructureDefinition/Claim", "Claim", "StructureDefinition/Claim",
        "http://hl7.org/fhir/StructureDefinition/String", "http://hl7.org/fhir/StructureDefinition/Extension"})
    void baseDefinitionsByUrlAreHapisWithoutTheirDifferentialAndElementDocumentation(String url) {
        StructureDefinition hapis = (StructureDefinition) HAPI.fetchStructureDefinition(url);
        StructureDefinition expected = hapis.copy();
        expected.setDifferential(null);
        expected.setMapping(null);
        for (ElementDefinition element : expected.getSnapshot().getElement()) {
            element.setMapping(null);
            element.setComment(null);
            element.setRequirements(null);
            element.setAlias(null);
        }
        StructureDefinition ours = (StructureDefinition) SUPPORT.fetchStructureDefinition(url);

        assertThat(FHIR.newJsonParser().encodeResourceToString(ours))
                .isEqualTo(FHIR.newJsonParser().encodeResourceToString(expected));
        assertThat(ours.getSnapshot().getElement()).hasSameSizeAs(hapis.getSnapshot().getElement());
        assertThat(ours.getUserData("package")).isEqualTo(hapis.getUserData("package"));
    }

    @Test
    void everyListedBaseDefinitionKeepsHapisSnapshotRules() {
        for (StructureDefinition ours : SUPPORT.<StructureDefinition>fetchAllStructureDefinitions()) {
            StructureDefinition hapis = (StructureDefinition) HAPI.fetchStructureDefinition(ours.getUrl());
            assertThat(ours.hasDifferential()).as(ours.getUrl()).isFalse();
            assertThat(rules(ours)).as(ours.getUrl()).isEqualTo(rules(hapis));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hl7.org/fhir/ValueSet/claim-use", "http://hl7.org/fhir/ValueSet/claim-use|4.0.1",
        "http://hl7.org/fhir/ValueSet/claim-use|9.9", "http://terminology.hl7.org/ValueSet/v3-ActCode",
        "http://hl7.org/fhir/ValueSet/no-such-set"})
    void valueSetsByUrlAreHapis(String url) {
        assertSameResource(SUPPORT.fetchValueSet(url), HAPI.fetchValueSet(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hl7.org/fhir/claim-use", "http://terminology.hl7.org/CodeSystem/v3-ActCode",
        "http://terminology.hl7.org/CodeSystem/v2-0203", "https://hapifhir.io/fhir/CodeSystem/hapi-fhir-storage-response-code",
        "http://hl7.org/fhir/sid/icd-10-cm", "http://dicom.nema.org/resources/ontology/DCM",
        "http://dicom.nema.org/resources/ontology/DCM|01", "http://dicom.nema.org/resources/ontology/DCM|02"})
    void codeSystemsByUrlAreHapis(String url) {
        assertSameResource(SUPPORT.fetchCodeSystem(url), HAPI.fetchCodeSystem(url));
    }

    @Test
    void outsideHl7AVersionedUrlMustNameTheVersionHeld() {
        String dicom = "http://dicom.nema.org/resources/ontology/DCM";

        assertThat(SUPPORT.fetchCodeSystem(dicom + "|01")).isNotNull();
        assertThat(SUPPORT.fetchCodeSystem(dicom + "|02")).isNull();
        assertThat(SUPPORT.fetchCodeSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode|0.0.1")).isNotNull();
    }

    @Test
    void aFetchedDefinitionIsAFreshCopy() {
        IBaseResource first = SUPPORT.fetchValueSet("http://hl7.org/fhir/ValueSet/claim-use");
        IBaseResource second = SUPPORT.fetchValueSet("http://hl7.org/fhir/ValueSet/claim-use");

        assertThat(second).isNotSameAs(first);
        assertThat(FHIR.newJsonParser().encodeResourceToString(second))
                .isEqualTo(FHIR.newJsonParser().encodeResourceToString(first));
    }

    @Test
    void warmingUpCompactsTheDefinitionsAfterwardsAndMessagesStayHapis() {
        LazyProfilesValidationSupport support = new LazyProfilesValidationSupport(FHIR);
        StructuralValidator validator = new StructuralValidator(FHIR, support, 1, 50, Runnable::run);
        IBaseResource claim = parse(Path.of("fhir-resources/examples/claim-clean-64644-64645-95874.json"));
        assertThat(support.isCompact()).isFalse();

        validator.warmUp(claim);
        validator.awaitWarmUp();
        validator.compaction().join();

        assertThat(support.isCompact()).isTrue();
        assertThat(comparable(validator.validateAll(claim))).isEqualTo(comparable(FULL_LIST.validateAll(claim)));
    }

    @Test
    void beforeCompactingDefinitionsAreServedAsParsed() {
        LazyProfilesValidationSupport parsed = new LazyProfilesValidationSupport(FHIR);

        assertThat(parsed.isCompact()).isFalse();
        assertSameResource(parsed.fetchValueSet("http://hl7.org/fhir/ValueSet/claim-use"),
                HAPI.fetchValueSet("http://hl7.org/fhir/ValueSet/claim-use"));
        assertSameResource(parsed.fetchStructureDefinition(VITAL_SIGNS), HAPI.fetchStructureDefinition(VITAL_SIGNS));
    }

    private static LazyProfilesValidationSupport compacted() {
        LazyProfilesValidationSupport support = new LazyProfilesValidationSupport(FHIR);
        support.compact();
        return support;
    }

    /** What the validator checks an element by: its path, cardinality, types, invariants and binding. */
    private static List<String> rules(StructureDefinition definition) {
        IParser json = FHIR.newJsonParser();
        return definition.getSnapshot().getElement().stream()
                .map(e -> String.join(" ", e.getPath(), e.getMin() + ".." + e.getMax(),
                        e.getType().stream().map(json::encodeToString).toList().toString(),
                        e.getConstraint().stream().map(json::encodeToString).toList().toString(),
                        e.hasBinding() ? json.encodeToString(e.getBinding()) : "", e.getShort(), e.getDefinition()))
                .toList();
    }

    private static void assertSameResource(IBaseResource ours, IBaseResource hapis) {
        if (hapis == null) {
            assertThat(ours).isNull();
            return;
        }
        assertThat(ours).isNotNull();
        assertThat(FHIR.newJsonParser().encodeResourceToString(ours))
                .isEqualTo(FHIR.newJsonParser().encodeResourceToString(hapis));
        assertThat(ours.getUserData(DefaultProfileValidationSupport.SOURCE_PACKAGE_ID))
                .isEqualTo(hapis.getUserData(DefaultProfileValidationSupport.SOURCE_PACKAGE_ID));
        assertThat(ours.getUserData("package")).isEqualTo(hapis.getUserData("package"));
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
