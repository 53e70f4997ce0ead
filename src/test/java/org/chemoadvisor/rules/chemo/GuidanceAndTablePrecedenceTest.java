package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chemoadvisor.facts.PolicyProfile.MEDICARE;

import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.RuleCatalog;
import org.chemoadvisor.rules.RuleEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One problem, one finding: the specific guidance rules speak before the general table rules. */
class GuidanceAndTablePrecedenceTest {

    private static final RulePack PACK = RulePackLoader.loadBundled();
    private static final Set<String> THESE_RULES = Set.of("CHEMO-10", "CHEMO-11", "CHEMO-12", "CHEMO-13",
            "CHEMO-14", "CHEMO-15", "CHEMO-20", "CHEMO-21", "CHEMO-22", "CHEMO-23");

    private final RuleEngine engine = new RuleEngine(RuleCatalog.inPrecedenceOrder(), PACK);

    private List<String> ruleIds(Lines lines) {
        // the drug and diagnosis rules (CHEMO-30..32) share no problem with these and are tested on their own
        return engine.evaluate(lines.facts()).stream().map(Finding::ruleId).filter(THESE_RULES::contains).toList();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void twoGuidanceMethodsGiveChemo11NotThePairEdit(PolicyProfile profile) {
        assertThat(ruleIds(Lines.on(profile).line("64644").line("95873").line("95874")))
                .containsExactly("CHEMO-11");
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void guidanceAloneGivesChemo10NotTheAddOnEdit(PolicyProfile profile) {
        assertThat(ruleIds(Lines.on(profile).line("95874"))).containsExactly("CHEMO-10");
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void bothGuidanceCodesAloneGiveOneChemo10PerCodeAndNothingElse(PolicyProfile profile) {
        assertThat(ruleIds(Lines.on(profile).line("95873").line("95874")))
                .containsExactly("CHEMO-10", "CHEMO-10");
    }

    @Test
    void twoGuidanceUnitsGiveChemo12NotTheMue() {
        assertThat(ruleIds(Lines.on(MEDICARE).line("64644").line("95874", 2))).containsExactly("CHEMO-12");
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void guidanceWithLaryngealChemodenervationGivesChemo14Only(PolicyProfile profile) {
        assertThat(ruleIds(Lines.on(profile).line("64617").line("95874"))).containsExactly("CHEMO-14");
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void guidanceWithNeedleEmgGivesChemo13NotThePairEdit(PolicyProfile profile) {
        assertThat(ruleIds(Lines.on(profile).line("64644").line("95874").line("95870"))).containsExactly("CHEMO-13");
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void pairOutsideTheGuidanceRulesGivesChemo20(PolicyProfile profile) {
        assertThat(ruleIds(Lines.on(profile).line("64644").line("64400").diagnosis("G80.0"))).containsExactly("CHEMO-20");
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void wellCodedOfficeVisitGivesNoneOfTheseRules(PolicyProfile profile) {
        List<String> ids = ruleIds(Lines.on(profile).line("64644").line("64645").line("95874").pos("11")
                .diagnosis("G80.0"));
        assertThat(ids).doesNotContainAnyElementsOf(THESE_RULES);
    }
}
