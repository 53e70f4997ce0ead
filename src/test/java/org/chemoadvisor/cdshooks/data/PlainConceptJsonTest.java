package org.chemoadvisor.cdshooks.data;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.util.FhirTerser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** A plain CodeableConcept written without HAPI is what HAPI writes for it; anything else is left to HAPI. */
class PlainConceptJsonTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final IParser HAPI = FHIR.newJsonParser();
    private static final String[] VALUES = {"http://www.ama-assn.org/go/cpt", "64642", "J0585", "Guidance \"EMG\"",
        "back\\slash", "tab\there", "line\nbreak", "Müller – muscle ✓", "emoji 🧠", "<b>&amp;</b>", "1.0", "59"};

    @Test
    void everyConceptOfTheHookExamplesIsWrittenAsHapiWritesIt() throws IOException {
        List<CodeableConcept> concepts = exampleConcepts();

        assertThat(concepts).hasSizeGreaterThan(50);
        assertThat(concepts.stream().filter(concept -> PlainConceptJson.of(concept) != null).count())
                .as("plain concepts").isGreaterThan(concepts.size() * 9L / 10);
        for (CodeableConcept concept : concepts) {
            assertSameAsHapi(concept);
        }
    }

    @Test
    void plainConceptsOfEveryShapeAreWrittenWithoutHapiAndAsHapiWritesThem() {
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            CodeableConcept concept = new CodeableConcept();
            int codings = random.nextInt(4);
            for (int c = 0; c < codings; c++) {
                Coding coding = concept.addCoding();
                coding.setSystem(maybe(random));
                coding.setVersion(maybe(random));
                coding.setCode(maybe(random));
                coding.setDisplay(maybe(random));
                if (random.nextInt(3) == 0) {
                    coding.setUserSelected(random.nextBoolean());
                }
            }
            concept.setText(maybe(random));

            assertThat(PlainConceptJson.of(concept)).as(HAPI.encodeToString(concept)).isNotNull();
            assertSameAsHapi(concept);
        }
    }

    @Test
    void blankValuesAreLeftOutAsHapiLeavesThemOut() {
        List<CodeableConcept> blanks = List.of(
                new CodeableConcept().setText(" ").addCoding(new Coding(null, "64642", null)),
                new CodeableConcept().addCoding(new Coding("http://www.ama-assn.org/go/cpt", "  ", null)),
                new CodeableConcept().addCoding(new Coding(null, "", "\t")).setText("x"));

        for (CodeableConcept concept : blanks) {
            assertThat(String.valueOf(PlainConceptJson.of(concept)))
                    .isEqualTo(EditedResourceJson.read(HAPI.encodeToString(concept)).toString());
        }
    }

    @Test
    void idsAndExtensionsAreLeftToHapi() {
        List<CodeableConcept> notPlain = List.of(
                (CodeableConcept) new CodeableConcept().setText("x").setId("c1"),
                concept(coding -> coding.setId("k")),
                concept(coding -> coding.addExtension(new Extension("http://example.org/e", new StringType("v")))),
                concept(coding -> coding.getCodeElement().addExtension(new Extension("http://example.org/e",
                        new BooleanType(true)))),
                concept(coding -> coding.getDisplayElement().setId("d")),
                concept(coding -> coding.setUserSelectedElement((BooleanType) new BooleanType(true).setId("u"))),
                (CodeableConcept) new CodeableConcept().setText("x")
                        .addExtension(new Extension("http://example.org/e", new StringType("v"))));

        for (CodeableConcept concept : notPlain) {
            assertThat(PlainConceptJson.of(concept)).as(HAPI.encodeToString(concept)).isNull();
        }
    }

    @Test
    void readingAConceptDoesNotAddElementsToIt() {
        CodeableConcept concept = new CodeableConcept().addCoding(new Coding().setCode("64644"));

        PlainConceptJson.of(concept);

        assertThat(concept.getCodingFirstRep().hasSystemElement()).isFalse();
        assertThat(concept.hasTextElement()).isFalse();
        assertThat(concept.getCodingFirstRep().hasUserSelectedElement()).isFalse();
    }

    private static void assertSameAsHapi(CodeableConcept concept) {
        JsonNode hapi = EditedResourceJson.read(HAPI.encodeToString(concept));
        JsonNode plain = PlainConceptJson.of(concept);
        if (plain != null) {
            // As text: the same fields in the same order.
            assertThat(plain.toString()).isEqualTo(hapi.toString());
        }
    }

    private static String maybe(Random random) {
        return random.nextInt(3) == 0 ? null : VALUES[random.nextInt(VALUES.length)];
    }

    private static CodeableConcept concept(java.util.function.Consumer<Coding> change) {
        CodeableConcept concept = new CodeableConcept().addCoding(new Coding("http://www.ama-assn.org/go/cpt", "64642",
                "Chemodenervation"));
        change.accept(concept.getCodingFirstRep());
        return concept;
    }

    /** Every CodeableConcept in the resources of the cds-hooks examples (draft orders, prefetch, suggestions). */
    private static List<CodeableConcept> exampleConcepts() throws IOException {
        List<CodeableConcept> concepts = new ArrayList<>();
        FhirTerser terser = FHIR.newTerser();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("cds-hooks"))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            JsonNode json = EditedResourceJson.read(Files.readString(file));
            for (JsonNode resource : resources(json)) {
                Resource parsed = (Resource) HAPI.parseResource(resource.toString());
                concepts.addAll(terser.getAllPopulatedChildElementsOfType(parsed, CodeableConcept.class));
            }
        }
        return concepts;
    }

    /** The JSON objects with a resourceType under the node, outermost first (a Bundle's entries are in it). */
    private static List<JsonNode> resources(JsonNode node) {
        List<JsonNode> found = new ArrayList<>();
        if (node.isObject() && node.has("resourceType") && !(node.get("resourceType").asText().equals("Bundle"))) {
            found.add(node);
            return found;
        }
        node.forEach(child -> found.addAll(resources(child)));
        return found;
    }
}
