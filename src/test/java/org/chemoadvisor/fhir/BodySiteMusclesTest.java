package org.chemoadvisor.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;

class BodySiteMusclesTest {

    private static final String SCT = BodySiteMuscles.SNOMED;
    private final BodySiteMuscles reader = new BodySiteMuscles(RulePackLoader.loadBundled().muscles());

    private DocumentedMuscle read(CodeableConcept site) {
        return reader.read(site, "Procedure.bodySite[0]").orElseThrow();
    }

    @Test
    void aSnomedMuscleCodeWithALateralityCodingIsPlacedOnThatSide() {
        CodeableConcept site = new CodeableConcept().addCoding(new Coding(SCT, "35259002", "Deltoid muscle"))
                .addCoding(new Coding(SCT, "7771000", "Left"));

        DocumentedMuscle muscle = read(site);

        assertThat(muscle.muscleId()).isEqualTo("deltoid");
        assertThat(muscle.region()).isEqualTo(Region.LEFT_UPPER_LIMB);
        assertThat(muscle.path()).isEqualTo("Procedure.bodySite[0]");
    }

    @Test
    void aLateralityQualifierExtensionGivesTheSide() {
        CodeableConcept site = new CodeableConcept().setText("Soleus");
        site.addExtension("http://example.org/fhir/StructureDefinition/laterality",
                new CodeableConcept().addCoding(new Coding(SCT, "24028007", "Right")));

        assertThat(read(site).region()).isEqualTo(Region.RIGHT_LOWER_LIMB);
    }

    @Test
    void aLateralizedDisplayOrTextGivesTheSide() {
        assertThat(read(new CodeableConcept().addCoding(new Coding("http://example.org/muscles", "x",
                "Structure of left gastrocnemius muscle"))).region()).isEqualTo(Region.LEFT_LOWER_LIMB);
        assertThat(read(new CodeableConcept().setText("Flexor digitorum profundus, right")).region())
                .isEqualTo(Region.RIGHT_UPPER_LIMB);
    }

    @Test
    void handAndFootMusclesTakeTheirLimb() {
        assertThat(read(new CodeableConcept().setText("Right adductor pollicis")).region())
                .isEqualTo(Region.RIGHT_UPPER_LIMB);
        assertThat(read(new CodeableConcept().setText("left abductor hallucis")).region())
                .isEqualTo(Region.LEFT_LOWER_LIMB);
    }

    @Test
    void trunkAndNeckMusclesNeedNoSide() {
        assertThat(read(new CodeableConcept().addCoding(new Coding(SCT, "44947003", null))).region())
                .isEqualTo(Region.TRUNK);
        assertThat(read(new CodeableConcept().setText("Left splenius capitis")).region()).isEqualTo(Region.NECK);
    }

    @Test
    void aTrunkOrNeckMuscleOnEachSideIsTwoMusclesAndWithoutSideOne() {
        DocumentedMuscle left = read(new CodeableConcept().setText("Left rectus abdominis"));
        DocumentedMuscle right = read(new CodeableConcept().setText("Rectus abdominis, right"));
        DocumentedMuscle unsided = read(new CodeableConcept().setText("Rectus abdominis"));

        assertThat(List.of(left.muscleId(), right.muscleId(), unsided.muscleId())).doesNotHaveDuplicates();
        assertThat(left.name()).isEqualTo("Rectus abdominis (left)");
        assertThat(unsided.muscleId()).isEqualTo("rectus-abdominis");
        assertThat(read(new CodeableConcept().setText("Left splenius capitis")).muscleId())
                .isNotEqualTo(read(new CodeableConcept().setText("Right splenius capitis")).muscleId());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "Left lumbar erector spinae, TRUNK, lumbar-paraspinals",
            "thoracic paravertebral muscles, TRUNK, thoracic-paraspinals",
            "Cervical paraspinals, NECK, cervical-paraspinals",
            "Right anterior scalene, NECK, scalenus-anterior",
            "Scalenes, NECK, scalenes",
            "Left extensor digitorum brevis, LEFT_LOWER_LIMB, extensor-digitorum-brevis",
            "Right dorsal interossei, RIGHT_UPPER_LIMB, dorsal-interossei-hand",
            "Left palmar interossei, LEFT_UPPER_LIMB, palmar-interossei",
            "Right foot lumbricals, RIGHT_LOWER_LIMB, foot-lumbricals"})
    void theNamesCliniciansWriteArePlaced(String text, Region region, String muscle) {
        DocumentedMuscle read = read(new CodeableConcept().setText(text));

        assertThat(read.region()).isEqualTo(region);
        assertThat(read.muscleId()).startsWith(muscle);
    }

    @Test
    void threeTrunkMusclesOnBothSidesAreSixFor64647() {
        List<DocumentedMuscle> muscles = new java.util.ArrayList<>();
        for (String side : List.of("Left", "Right")) {
            for (String name : List.of("rectus abdominis", "external oblique", "internal oblique")) {
                muscles.add(read(new CodeableConcept().setText(side + " " + name)));
            }
        }

        var derived = new org.chemoadvisor.rules.derive.MuscleCodeDerivation(RulePackLoader.loadBundled().codeSets())
                .derive(muscles);

        assertThat(derived.unitsByCode()).containsExactly(java.util.Map.entry("64647", 1));
    }

    @Test
    void aLimbMuscleWithoutSideIsUnspecifiedAndAnUnknownNameHasNoRegion() {
        assertThat(read(new CodeableConcept().setText("Biceps brachii")).region()).isEqualTo(Region.UNSPECIFIED_LIMB);
        DocumentedMuscle unknown = read(new CodeableConcept().setText("Left musculus ignotus"));
        assertThat(unknown.region()).isNull();
        assertThat(unknown.name()).isEqualTo("Left musculus ignotus");
    }

    @Test
    void aLineBodySiteNamesALimbByWordsOrByOneOfItsMuscles() {
        assertThat(reader.limbOf(new CodeableConcept().setText("Left lower extremity"))).isEqualTo(Region.LEFT_LOWER_LIMB);
        assertThat(reader.limbOf(new CodeableConcept().setText("right forearm"))).isEqualTo(Region.RIGHT_UPPER_LIMB);
        assertThat(reader.limbOf(new CodeableConcept().setText("Leg"))).isEqualTo(Region.UNSPECIFIED_LIMB);
        assertThat(reader.limbOf(new CodeableConcept().addCoding(new Coding(SCT, "35259002", null))
                .addCoding(new Coding(SCT, "24028007", null)))).isEqualTo(Region.RIGHT_UPPER_LIMB);
        assertThat(reader.limbOf(new CodeableConcept().setText("Trapezius"))).isNull();
        assertThat(reader.limbOf(null)).isNull();
    }

    @Test
    void aBodySiteNamingOnlyASideIsNoMuscle() {
        List<DocumentedMuscle> muscles = reader.read(List.of(
                new CodeableConcept().addCoding(new Coding(SCT, "7771000", "Left"))), "ServiceRequest.bodySite");

        assertThat(muscles).isEmpty();
    }
}
