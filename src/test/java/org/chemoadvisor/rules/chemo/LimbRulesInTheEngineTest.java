package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.RuleCatalog;
import org.chemoadvisor.rules.RuleEngine;
import org.chemoadvisor.rules.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LimbRulesInTheEngineTest {

    private static final List<Rule> LIMB_RULES = List.of(new Chemo01AddOnWithoutPrimary(),
            new Chemo02AddOn1To4WithoutPrimary(), new Chemo03MoreThanOnePrimaryLimb(), new Chemo04MoreThanFourLimbs(),
            new Chemo06BilateralModifier(), new Chemo07TrunkCodesTogether());

    private final RulePack pack = RulePackLoader.loadBundled();
    private final RuleEngine engine = new RuleEngine(LIMB_RULES, pack);

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void primaryOnOneDayDoesNotCoverAnAddOnOnTheNext(PolicyProfile profile) {
        List<Finding> findings = engine.evaluate(Lines.on(profile)
                .lineOn(Lines.DAY, "64644", 1)
                .lineOn(Lines.DAY.plusDays(1), "64645", 1)
                .facts());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CHEMO-01");
            assertThat(finding.locations()).containsExactly("Claim.item[1].productOrService");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void primaryAndAddOnOnTheSameDayAreFine(PolicyProfile profile) {
        assertThat(engine.evaluate(Lines.on(profile).line("64644").line("64645").facts())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void missingFirstLimbIsReportedOnceForBothAddOns(PolicyProfile profile) {
        List<Finding> findings = engine.evaluate(Lines.on(profile).line("64643").line("64645").facts());

        assertThat(findings).extracting(Finding::ruleId).containsExactly("CHEMO-01");
    }

    @Test
    void catalogListsTheLimbRulesInIdOrderBeforeAnyOther() {
        List<String> ids = RuleCatalog.inPrecedenceOrder().stream().map(Rule::id).toList();

        // CHEMO-05 (documented muscles) sits among the limb rules, in ID order.
        assertThat(ids.subList(0, LIMB_RULES.size() + 1))
                .containsExactly("CHEMO-01", "CHEMO-02", "CHEMO-03", "CHEMO-04", "CHEMO-05", "CHEMO-06", "CHEMO-07");
    }
}
