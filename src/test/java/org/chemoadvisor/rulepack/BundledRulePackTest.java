package org.chemoadvisor.rulepack;

import static org.assertj.core.api.Assertions.assertThat;

import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.junit.jupiter.api.Test;

class BundledRulePackTest {

    private final RulePack pack = RulePackLoader.loadBundled();

    @Test
    void addOn64645HasOnly64644AsPrimary() {
        assertThat(pack.addOns().primariesFor("64645", null)).containsExactly("64644");
        assertThat(pack.addOns().primariesFor("64643", null)).containsExactlyInAnyOrder("64642", "64644");
    }

    @Test
    void mueAndPtpFactsMatchTheReferenceReadme() {
        assertThat(pack.mue().find("64645")).get().extracting(MueEdit::maxUnits).isEqualTo(3);
        assertThat(pack.mue().find("95874")).get().extracting(MueEdit::maxUnits).isEqualTo(1);
        assertThat(pack.ptp().find("64644", "64642", null)).get().extracting(PtpEdit::modifierIndicator).isEqualTo(0);
        assertThat(pack.ptp().find("95874", "95873", null)).get().extracting(PtpEdit::modifierIndicator).isEqualTo(0);
        assertThat(pack.mpfs().find("64644")).get().extracting(MpfsIndicator::bilateralSurgeryIndicator).isEqualTo("0");
        assertThat(pack.mpfs().find("64616")).get().extracting(MpfsIndicator::bilateralSurgeryIndicator).isEqualTo("1");
    }

    @Test
    void everyTableNamesItsVersion() {
        assertThat(pack.ptp().citation().version()).isEqualTo("2024-07-01");
        assertThat(pack.addOns().citation().table()).contains("add-on");
        assertThat(pack.codeSets().single(CodeSets.LIMB_PRIMARY_5_PLUS)).isEqualTo("64644");
    }
}
