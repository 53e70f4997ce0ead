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

class Chemo03MoreThanOnePrimaryLimbTest {

    private final RulePack pack = RulePackLoader.loadBundled();
    private final Chemo03MoreThanOnePrimaryLimb rule = new Chemo03MoreThanOnePrimaryLimb();

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void upperTierPrimaryWithTwoUnitsIsAnError(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(Lines.on(profile).line("64644", 2).facts(), pack);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CHEMO-03");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.locations()).containsExactly("Claim.item[0].quantity");
            assertThat(finding.fix().actions()).containsExactly(
                    new FixAction.SetUnits(0, 1),
                    new FixAction.AddLine("64645", 1, List.of(), 0));
            assertThat(finding.problemKeys()).containsExactly("MUE:64644");
            assertThat(finding.citations()).containsExactly(pack.mue().citation());
            assertThat(finding.detail()).contains(pack.mue().citation().version());
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void bothPrimariesKeepTheUpperTierAndTurnTheOtherIntoItsAddOn(PolicyProfile profile) {
        Finding finding = rule.evaluate(Lines.on(profile).line("64642").line("64644").facts(), pack).get(0);

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.summary()).contains("keep one 64644");
        assertThat(finding.locations()).containsExactly("Claim.item[0].productOrService");
        assertThat(finding.fix().actions()).containsExactly(new FixAction.ChangeCode(0, "64643"));
        assertThat(finding.problemKeys()).containsExactly("PTP:64642+64644");
        assertThat(finding.citations()).containsExactly(pack.ptp().citation());
        assertThat(finding.detail()).contains("modifier indicator 0");
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void twoLinesOfTheLowerTierPrimaryKeepTheFirst(PolicyProfile profile) {
        Finding finding = rule.evaluate(Lines.on(profile).line("64642").line("64642").facts(), pack).get(0);

        assertThat(finding.locations()).containsExactly("Claim.item[1].productOrService");
        assertThat(finding.fix().actions()).containsExactly(new FixAction.ChangeCode(1, "64643"));
        assertThat(finding.problemKeys()).containsExactly("MUE:64642");
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void oneFirstLimbIsFine(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").line("64645", 2).line("64643").facts(), pack))
                .isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64642").line("64643", 3).facts(), pack)).isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64646").line("64616").facts(), pack)).isEmpty();
    }
}
