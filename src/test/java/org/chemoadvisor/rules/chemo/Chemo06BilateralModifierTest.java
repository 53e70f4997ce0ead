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

class Chemo06BilateralModifierTest {

    private final RulePack pack = RulePackLoader.loadBundled();
    private final Chemo06BilateralModifier rule = new Chemo06BilateralModifier();

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void bilateralModifierOnTheUpperTierAddOnIsAnErrorAtTheModifier(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(Lines.on(profile).line("64644").line("64645", 1, "50").facts(), pack);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CHEMO-06");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.locations()).containsExactly("Claim.item[1].modifier[0]");
            assertThat(finding.fix().actions()).containsExactly(
                    new FixAction.RemoveModifier(1, "50"),
                    new FixAction.SetUnits(1, 2));
            assertThat(finding.problemKeys()).containsExactly("BILATERAL:64645");
            assertThat(finding.citations()).containsExactly(pack.mpfs().citation());
            assertThat(finding.detail()).contains("bilateral surgery indicator 0")
                    .contains(pack.mpfs().citation().version());
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void bilateralPrimaryBecomesThePrimaryPlusTheAddOnOfItsTier(PolicyProfile profile) {
        Finding lower = rule.evaluate(Lines.on(profile).line("64642", 1, "50").facts(), pack).get(0);
        Finding upper = rule.evaluate(Lines.on(profile).line("64644", 1, "LT", "50").facts(), pack).get(0);

        assertThat(lower.fix().actions()).containsExactly(
                new FixAction.RemoveModifier(0, "50"),
                new FixAction.AddLine("64643", 1, List.of(), 0));
        assertThat(upper.locations()).containsExactly("Claim.item[0].modifier[1]");
        assertThat(upper.fix().actions()).containsExactly(
                new FixAction.RemoveModifier(0, "50"),
                new FixAction.AddLine("64645", 1, List.of(), 0));
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void bilateralTrunkCodeOnlyLosesTheModifier(PolicyProfile profile) {
        Finding finding = rule.evaluate(Lines.on(profile).line("64646", 1, "50").facts(), pack).get(0);

        assertThat(finding.fix().actions()).containsExactly(new FixAction.RemoveModifier(0, "50"));
        assertThat(finding.problemKeys()).containsExactly("BILATERAL:64646");
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void bilateralModifierOnTheMigraineCodeIsAnErrorBecauseItIsAlreadyBilateral(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(Lines.on(profile).line("64615", 1, "50").facts(), pack);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.summary()).contains("already covers both sides");
            assertThat(finding.detail()).contains("bilateral surgery indicator 2");
            assertThat(finding.locations()).containsExactly("Claim.item[0].modifier[0]");
            assertThat(finding.fix().actions()).containsExactly(new FixAction.RemoveModifier(0, "50"));
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void bilateralModifierOnAnyCodeWhoseIndicatorExcludesItIsAnError(PolicyProfile profile) {
        Finding visit = rule.evaluate(Lines.on(profile).line("99213", 1, "50").facts(), pack).get(0);
        Finding drug = rule.evaluate(Lines.on(profile).line("J0585", 100, "JZ", "50").facts(), pack).get(0);

        assertThat(visit.detail()).contains("bilateral surgery indicator 0");
        assertThat(drug.detail()).contains("bilateral surgery indicator 9")
                .contains("the bilateral concept does not apply");
        assertThat(drug.locations()).containsExactly("Claim.item[0].modifier[1]");
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void staysSilentWhereModifier50IsNotTheProblem(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64616", 1, "50").facts(), pack)).isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64644", 1, "LT").line("64645", 1, "RT").facts(), pack))
                .isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64644").line("64645").facts(), pack)).isEmpty();
    }
}
