package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Chemo01AddOnWithoutPrimaryTest {

    private final RulePack pack = RulePackLoader.loadBundled();
    private final Chemo01AddOnWithoutPrimary rule = new Chemo01AddOnWithoutPrimary();

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void addOnWithNoPrimaryAtAllIsAnErrorUnderEveryProfile(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(Lines.on(profile).line("64645").facts(), pack);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CHEMO-01");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.summary()).contains("no first-limb code").contains("64644");
            assertThat(finding.locations()).containsExactly("Claim.item[0].productOrService");
            assertThat(finding.fix().actions()).containsExactly(new FixAction.ChangeCode(0, "64644"));
            assertThat(finding.problemKeys()).containsExactly("AOC:64645");
            assertThat(finding.citations()).containsExactly(pack.addOns().citation());
            assertThat(finding.detail()).contains(pack.addOns().citation().version());
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void addOnWithSeveralUnitsGivesOneUnitToTheFirstLimb(PolicyProfile profile) {
        Finding finding = rule.evaluate(Lines.on(profile).line("64645", 2).facts(), pack).get(0);

        assertThat(finding.fix().actions()).containsExactly(
                new FixAction.SetUnits(0, 1),
                new FixAction.AddLine("64644", 1, List.of(), 0));
    }

    @Test
    void addOnOnTheLowerTierPrimaryIsAnErrorUnderMedicare() {
        Finding finding = rule.evaluate(Lines.on(PolicyProfile.MEDICARE).line("64642").line("64645").facts(), pack)
                .get(0);

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertRecodesToUpperTierPrimaryAndLowerTierAddOn(finding);
    }

    @Test
    void addOnOnTheLowerTierPrimaryIsAWarningUnderTheCommercialProfile() {
        Finding finding = rule.evaluate(Lines.on(PolicyProfile.COMMERCIAL).line("64642").line("64645").facts(), pack)
                .get(0);

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertRecodesToUpperTierPrimaryAndLowerTierAddOn(finding);
    }

    private void assertRecodesToUpperTierPrimaryAndLowerTierAddOn(Finding finding) {
        assertThat(finding.ruleId()).isEqualTo("CHEMO-01");
        assertThat(finding.summary()).contains("64642 + 64645 as 64644 + 64643");
        assertThat(finding.detail()).contains("SEED").contains("CPT").contains("only primary");
        assertThat(finding.locations())
                .containsExactly("Claim.item[0].productOrService", "Claim.item[1].productOrService");
        assertThat(finding.fix().actions()).containsExactly(
                new FixAction.ChangeCode(0, "64644"),
                new FixAction.ChangeCode(1, "64643"));
        assertThat(finding.problemKeys()).containsExactly("AOC:64645");
        assertThat(finding.citations()).containsExactly(pack.addOns().citation());
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void addOnWithItsListedPrimaryIsFine(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").line("64645").facts(), pack)).isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64645", 3).line("64644").facts(), pack)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void staysSilentWithoutTheUpperTierAddOn(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64642").line("64643").facts(), pack)).isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64643").facts(), pack)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void noPrimaryFindingAlsoCoversTheLowerTierAddOnItsFixRescues(PolicyProfile profile) {
        Finding finding = rule.evaluate(Lines.on(profile).line("64643").line("64645").facts(), pack).get(0);

        assertThat(finding.problemKeys()).containsExactlyInAnyOrder("AOC:64645", "AOC:64643");
        assertThat(finding.fix().actions()).containsExactly(new FixAction.ChangeCode(1, "64644"));
    }
}
