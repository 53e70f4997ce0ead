package org.chemoadvisor.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.facts.SourcePaths;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.junit.jupiter.api.Test;

class ClaimFactsAdapterTest {

    private final ClaimFactsAdapter adapter = new ClaimFactsAdapter(RulePackLoader.loadBundled());

    private AdaptedClaim adaptExample(String file) {
        return adapter.adapt(TestClaims.parse(TestClaims.example(file)), PolicyProfile.MEDICARE);
    }

    private AdaptedClaim adaptTestResource(String file) {
        return adapter.adapt(TestClaims.parse(TestClaims.testResource(file)), PolicyProfile.COMMERCIAL);
    }

    @Test
    void readsTheMusclesOfTheContainedProceduresTheClaimReferences() {
        CodingFacts facts = adaptExample("claim-documented-muscles-6-and-3-billed-64645.json").facts();

        assertThat(facts.documentedMuscles()).hasSize(10)
                .allSatisfy(m -> assertThat(m.path()).matches("Claim\\.contained\\[[12]\\]\\.bodySite\\[\\d\\]"));
        assertThat(facts.documentedMuscles()).filteredOn(m -> m.region() == Region.RIGHT_UPPER_LIMB)
                .extracting(DocumentedMuscle::muscleId).containsExactly("pectoralis-major", "biceps-brachii",
                        "brachialis", "flexor-carpi-radialis", "flexor-carpi-ulnaris", "pronator-teres", "biceps-brachii");
        assertThat(facts.documentedMuscles()).filteredOn(m -> m.region() == Region.LEFT_UPPER_LIMB)
                .extracting(DocumentedMuscle::muscleId)
                .containsExactly("biceps-brachii", "brachioradialis", "pronator-teres");
    }

    @Test
    void itemBodySiteNamesTheLimbOfTheLine() {
        CodingFacts facts = adaptExample("claim-documented-muscles-6-and-3-billed-64645.json").facts();

        assertThat(facts.lines()).extracting(ServiceLine::limb)
                .containsExactly(Region.RIGHT_UPPER_LIMB, Region.LEFT_UPPER_LIMB, null, null);
    }

    @Test
    void aClaimWithoutProceduresDocumentsNoMuscles() {
        assertThat(adaptExample("claim-64645-modifier-50.json").facts().documentedMuscles()).isEmpty();
    }

    @Test
    void readsCodesModifiersUnitsDatePlaceAndDiagnosisLinksOfEachItem() {
        CodingFacts facts = adaptExample("claim-64645-modifier-50.json").facts();

        assertThat(facts.lines()).extracting(ServiceLine::code).containsExactly("64644", "64645", "J0585");
        ServiceLine addOn = facts.lines().get(1);
        assertThat(addOn.index()).isEqualTo(1);
        assertThat(addOn.modifiers()).containsExactly("50");
        assertThat(addOn.units()).isEqualTo(1);
        assertThat(addOn.date()).isEqualTo(LocalDate.of(2024, 9, 10));
        assertThat(addOn.placeOfService()).isEqualTo("11");
        assertThat(addOn.diagnosisCodes()).containsExactly("G81.11");
        assertThat(addOn.paths()).isEqualTo(SourcePaths.claimItem(1));
        assertThat(addOn.paths().modifier(0)).isEqualTo("Claim.item[1].modifier[0]");
        assertThat(facts.diagnoses()).singleElement()
                .satisfies(d -> assertThat(d.path()).isEqualTo("Claim.diagnosis[0].diagnosisCodeableConcept"));
        assertThat(facts.placeOfService()).isEqualTo("11");
        assertThat(facts.professional()).isTrue();
        assertThat(facts.profile()).isEqualTo(PolicyProfile.MEDICARE);
    }

    @Test
    void readsUnitsFromQuantityAndHcpcsSpelledWithHttp() {
        CodingFacts facts = adaptTestResource("claim-line-variants.json").facts();

        ServiceLine drug = facts.lines().get(1);
        assertThat(drug.code()).isEqualTo("J0585");
        assertThat(drug.units()).isEqualTo(100);
        assertThat(drug.modifiers()).containsExactly("JZ");
    }

    @Test
    void absentQuantityIsOneUnitAndModifiersAreUpperCase() {
        ServiceLine primary = adaptTestResource("claim-line-variants.json").facts().lines().get(0);

        assertThat(primary.units()).isEqualTo(1);
        assertThat(primary.modifiers()).containsExactly("RT");
    }

    @Test
    void dateComesFromServicedPeriodElseBillablePeriod() {
        CodingFacts facts = adaptTestResource("claim-line-variants.json").facts();

        assertThat(facts.lines().get(0).date()).isEqualTo(LocalDate.of(2024, 9, 12));
        assertThat(facts.lines().get(1).date()).isEqualTo(LocalDate.of(2024, 9, 10));
    }

    @Test
    void linesKeepTheirOwnPlaceOfServiceAndTheClaimHasNoneWhenTheyDisagree() {
        CodingFacts facts = adaptTestResource("claim-line-variants.json").facts();

        assertThat(facts.lines()).extracting(ServiceLine::placeOfService).containsExactly("11", "22");
        assertThat(facts.placeOfService()).isNull();
    }

    @Test
    void diagnosisSequenceLinksTheLineToThatDiagnosis() {
        CodingFacts facts = adaptTestResource("claim-line-variants.json").facts();

        assertThat(facts.lines().get(0).diagnosisCodes()).containsExactly("I69.351");
        assertThat(facts.lines().get(1).diagnosisCodes()).isEmpty();
        assertThat(facts.diagnoses()).hasSize(2);
    }

    @Test
    void institutionalClaimIsNotProfessional() {
        assertThat(adaptTestResource("claim-line-variants.json").facts().professional()).isFalse();
    }

    @Test
    void itemInAnUnknownCodeSystemIsLeftOutAndNoted() {
        AdaptedClaim adapted = adaptTestResource("claim-unknown-code-system.json");

        assertThat(adapted.facts().lines()).isEmpty();
        assertThat(adapted.notes()).singleElement().satisfies(note -> {
            assertThat(note.expression()).isEqualTo("Claim.item[0].productOrService");
            assertThat(note.message()).contains("http://example.org/local-procedure-codes");
        });
    }

    @Test
    void fractionalOrZeroQuantityCannotBeChecked() {
        assertThatThrownBy(() -> adaptTestResource("claim-quantity-fraction.json"))
                .isInstanceOf(UnusableClaimException.class)
                .hasMessageContaining("1.5")
                .extracting(e -> ((UnusableClaimException) e).expression()).isEqualTo("Claim.item[0].quantity");
        assertThatThrownBy(() -> adaptTestResource("claim-quantity-zero.json"))
                .isInstanceOf(UnusableClaimException.class);
    }

    @Test
    void claimWithoutItemsCannotBeChecked() {
        assertThatThrownBy(() -> adaptTestResource("claim-without-item.json"))
                .isInstanceOf(UnusableClaimException.class)
                .hasMessageContaining("no item");
    }

    @Test
    void payerKeysComeFromCoverageAndContainedCoveragePayor() {
        assertThat(ClaimPayers.keys(TestClaims.parse(TestClaims.example("claim-64642-64645-commercial.json"))))
                .containsExactly("Acme Health Plan", "Acme Health Plan");
    }
}
