package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Chemo04MoreThanFourLimbsTest {

    private final RulePack pack = RulePackLoader.loadBundled();
    private final Chemo04MoreThanFourLimbs rule = new Chemo04MoreThanFourLimbs();

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void fourAddOnLimbsOfBothTiersAreAnErrorThatGuessesNoLimbToDrop(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(
                Lines.on(profile).line("64644").line("64643", 2).line("64645", 2).facts(), pack);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CHEMO-04");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.summary()).contains("total 4");
            assertThat(finding.locations()).containsExactly("Claim.item[1].quantity", "Claim.item[2].quantity");
            assertThat(finding.fix().actions()).isEmpty();
            assertThat(finding.fix().label()).contains("at most 3 add-on limbs").doesNotContain("x 0");
            assertThat(finding.detail()).doesNotContain("x 0");
            // Neither code is above its own MUE of 3, so no table problem is claimed.
            assertThat(finding.problemKeys()).isEmpty();
            assertThat(finding.citations()).containsExactly(pack.mue().citation());
            assertThat(finding.detail()).contains(pack.mue().citation().version());
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void documentedMusclesSayWhichAddOnUnitsToKeep(PolicyProfile profile) {
        Lines lines = Lines.on(profile).line("64644").line("64643", 2).line("64645", 2)
                .muscles(Region.RIGHT_UPPER_LIMB, "biceps", "brachialis", "brachioradialis", "fcr", "fcu")
                .muscles(Region.LEFT_UPPER_LIMB, "biceps", "brachialis", "brachioradialis", "fcr", "fcu")
                .muscles(Region.RIGHT_LOWER_LIMB, "gastrocnemius", "soleus")
                .muscles(Region.LEFT_LOWER_LIMB, "gastrocnemius", "soleus");

        Finding finding = rule.evaluate(lines.facts(), pack).get(0);

        assertThat(finding.fix().actions()).containsExactly(new FixAction.SetUnits(2, 1));
        assertThat(finding.fix().label()).isEqualTo("As documented: report 64645 x 1");
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void upperTierAddOnAboveItsMueIsCutToTheMue(PolicyProfile profile) {
        Finding finding = rule.evaluate(Lines.on(profile).line("64644").line("64645", 4).facts(), pack).get(0);

        assertThat(finding.locations()).containsExactly("Claim.item[1].quantity");
        assertThat(finding.fix().actions()).containsExactly(new FixAction.SetUnits(1, 3));
        assertThat(finding.fix().label()).isEqualTo("Report 64645 x 3");
        assertThat(finding.problemKeys()).containsExactly("MUE:64645");
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void lowerTierLinesWithNothingLeftAreRemoved(PolicyProfile profile) {
        Finding finding = rule.evaluate(Lines.on(profile).line("64643").line("64643").line("64645", 3)
                .muscles(Region.RIGHT_UPPER_LIMB, "a", "b", "c", "d", "e", "f")
                .muscles(Region.LEFT_UPPER_LIMB, "a", "b", "c", "d", "e")
                .muscles(Region.RIGHT_LOWER_LIMB, "a", "b", "c", "d", "e")
                .muscles(Region.LEFT_LOWER_LIMB, "a", "b", "c", "d", "e").facts(), pack).get(0);

        assertThat(finding.fix().actions()).containsExactly(new FixAction.RemoveLine(0), new FixAction.RemoveLine(1));
        assertThat(finding.problemKeys()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void threeAddOnLimbsAreFine(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").line("64643").line("64645", 2).facts(), pack))
                .isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64644").line("64645", 3).facts(), pack)).isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64642").line("64643", 3).facts(), pack)).isEmpty();
    }
}
