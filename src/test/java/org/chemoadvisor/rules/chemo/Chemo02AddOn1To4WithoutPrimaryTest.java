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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Chemo02AddOn1To4WithoutPrimaryTest {

    private final RulePack pack = RulePackLoader.loadBundled();
    private final Chemo02AddOn1To4WithoutPrimary rule = new Chemo02AddOn1To4WithoutPrimary();

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void lowerTierAddOnWithoutAnyPrimaryIsAnError(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(Lines.on(profile).line("64643").facts(), pack);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CHEMO-02");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.summary()).contains("64642 or 64644");
            assertThat(finding.locations()).containsExactly("Claim.item[0].productOrService");
            assertThat(finding.fix().actions()).containsExactly(new FixAction.ChangeCode(0, "64642"));
            assertThat(finding.problemKeys()).containsExactly("AOC:64643");
            assertThat(finding.citations()).containsExactly(pack.addOns().citation());
            assertThat(finding.detail()).contains(pack.addOns().citation().version());
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void severalUnitsGiveOneUnitToTheFirstLimb(PolicyProfile profile) {
        Finding finding = rule.evaluate(Lines.on(profile).line("99213").line("64643", 2).facts(), pack).get(0);

        assertThat(finding.locations()).containsExactly("Claim.item[1].productOrService");
        assertThat(finding.fix().actions()).containsExactly(
                new FixAction.SetUnits(1, 1),
                new FixAction.AddLine("64642", 1, List.of(), 1));
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void eitherListedPrimarySatisfiesIt(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64642").line("64643").facts(), pack)).isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64644").line("64643", 2).facts(), pack)).isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64645").facts(), pack)).isEmpty();
    }
}
