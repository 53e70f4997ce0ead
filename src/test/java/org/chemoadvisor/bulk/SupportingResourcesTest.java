package org.chemoadvisor.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.chemoadvisor.bulk.generate.ClaimGenerator;
import org.chemoadvisor.fhir.BodySiteMuscles;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bodySite is read once per text and codings, and reads as {@link BodySiteMuscles} reads it. */
class SupportingResourcesTest {

    private static final RulePack PACK = RulePackLoader.loadBundled();
    private static final String SNOMED = BodySiteMuscles.SNOMED;

    @Test
    void everyGeneratedProcedureDocumentsTheMusclesItsBodySitesName(@TempDir Path dir) throws IOException {
        new ClaimGenerator(PACK.muscles(), 3, 0.3).write(dir, 400, false);
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        List<Procedure> procedures = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("Procedure.ndjson"))) {
            procedures.add(parser.parseResource(Procedure.class, line));
        }

        assertReadAsBodySiteMusclesReads(procedures);
        assertThat(procedures).hasSizeGreaterThan(100);
    }

    @Test
    void sidesInCodingsExtensionsAndTextAreReadPerBodySite() {
        CodeableConcept leftByExtension = new CodeableConcept().setText("Biceps brachii");
        leftByExtension.addExtension(new Extension("http://hl7.org/fhir/StructureDefinition/bodySite",
                new Coding(SNOMED, "7771000", "Left")));
        CodeableConcept rightByExtension = new CodeableConcept().setText("Biceps brachii");
        rightByExtension.addExtension(new Extension("http://hl7.org/fhir/StructureDefinition/bodySite",
                new Coding(SNOMED, "24028007", "Right")));
        CodeableConcept rightByCoding = new CodeableConcept().setText("Biceps brachii")
                .addCoding(new Coding(SNOMED, "24028007", null));
        CodeableConcept byText = new CodeableConcept().setText("Left biceps brachii");
        CodeableConcept byDisplay = new CodeableConcept().addCoding(new Coding("urn:local", "bb", "Right biceps brachii"));
        CodeableConcept unknown = new CodeableConcept().setText("left quux");
        CodeableConcept sideOnly = new CodeableConcept().setText("left");
        CodeableConcept empty = new CodeableConcept();
        // The same concepts on two Procedures, in another order, so the second reads them from what the first kept.
        List<CodeableConcept> sites = List.of(leftByExtension, rightByExtension, rightByCoding, byText, byDisplay,
                unknown, sideOnly, empty);
        Procedure first = procedure("a", sites);
        List<CodeableConcept> reversed = new ArrayList<>(sites);
        Collections.reverse(reversed);
        Procedure second = procedure("b", reversed);

        assertReadAsBodySiteMusclesReads(List.of(first, second));
    }

    @Test
    void aBodySiteIsKeyedByAllItIsReadByAndNotKeptWhenItHasExtensions() {
        CodeableConcept withExtension = new CodeableConcept().setText("Biceps brachii");
        withExtension.addExtension(new Extension("urn:x", new Coding(SNOMED, "7771000", null)));
        CodeableConcept codingWithExtension = new CodeableConcept().addCoding(new Coding(SNOMED, "1", null));
        codingWithExtension.getCodingFirstRep().addExtension(new Extension("urn:x", new Coding(SNOMED, "7771000", null)));

        assertThat(SupportingResources.siteKey(withExtension)).isNull();
        assertThat(SupportingResources.siteKey(codingWithExtension)).isNull();
        assertThat(SupportingResources.siteKey(new CodeableConcept().setText("null")))
                .isNotEqualTo(SupportingResources.siteKey(new CodeableConcept()));
        assertThat(SupportingResources.siteKey(new CodeableConcept().addCoding(new Coding(SNOMED, "1", null))))
                .isNotEqualTo(SupportingResources.siteKey(new CodeableConcept().addCoding(new Coding(SNOMED, null, "1"))))
                .isNotEqualTo(SupportingResources.siteKey(new CodeableConcept().addCoding(new Coding(SNOMED, "1", "1"))))
                .isEqualTo(SupportingResources.siteKey(new CodeableConcept().addCoding(new Coding(SNOMED, "1", null))));
    }

    private static void assertReadAsBodySiteMusclesReads(List<Procedure> procedures) {
        BodySiteMuscles bodySites = new BodySiteMuscles(PACK.muscles());
        SupportingResources resources = new SupportingResources();
        procedures.forEach(resources::add);
        for (Procedure procedure : procedures) {
            assertThat(resources.muscles(procedure, bodySites)).as(procedure.getId())
                    .isEqualTo(bodySites.read(procedure.getBodySite(), ""));
        }
    }

    private static Procedure procedure(String id, List<CodeableConcept> sites) {
        Procedure procedure = new Procedure();
        procedure.setId(id);
        sites.forEach(site -> procedure.addBodySite(site.copy()));
        return procedure;
    }
}
