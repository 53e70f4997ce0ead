package org.chemoadvisor.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;

class RepetitionLimitsTest {

    private final RepetitionLimits limits = new RepetitionLimits(5, 3);

    @Test
    void everyExampleClaimIsWithinTheDefaultLimits() {
        RepetitionLimits defaults = new RepetitionLimits(100, 100);
        for (String file : new java.io.File(TestClaims.EXAMPLES.toString()).list((dir, name) -> name.endsWith(".json"))) {
            assertThatCode(() -> defaults.check(TestClaims.parseAny(
                    TestClaims.example(file)))).as(file).doesNotThrowAnyException();
        }
    }

    @Test
    void itemsHaveTheirOwnLimit() {
        Claim claim = new Claim();
        for (int i = 0; i < 5; i++) {
            claim.addItem().setSequence(i + 1);
        }
        assertThatCode(() -> limits.check(claim)).doesNotThrowAnyException();

        claim.addItem().setSequence(6);
        assertThatThrownBy(() -> limits.check(claim)).isInstanceOf(UnusableClaimException.class)
                .hasMessageContaining("Claim.item has 6 entries; at most 5")
                .extracting(e -> ((UnusableClaimException) e).expression()).isEqualTo("Claim.item");
    }

    @Test
    void aDeepRepeatingElementIsNamedWithItsPath() {
        Claim claim = new Claim();
        Procedure procedure = new Procedure();
        procedure.setId("p1");
        for (int i = 0; i < 4; i++) {
            procedure.addBodySite().setText("muscle " + i);
        }
        claim.addContained(procedure);

        assertThatThrownBy(() -> limits.check(claim)).isInstanceOf(UnusableClaimException.class)
                .hasMessageContaining("Claim.contained[0].bodySite has 4 entries; at most 3")
                .hasMessageContaining("chemo.fhir.max-repetitions");
    }

    @Test
    void repetitionsAtTheLimitPass() {
        Claim claim = new Claim();
        claim.addItem().setSequence(1).addModifier().setText("a");
        claim.getItemFirstRep().addModifier().setText("b");
        claim.getItemFirstRep().addModifier().setText("c");

        assertThatCode(() -> limits.check(claim)).doesNotThrowAnyException();
        assertThat(claim.getItemFirstRep().getModifier()).hasSize(3);
    }
}
