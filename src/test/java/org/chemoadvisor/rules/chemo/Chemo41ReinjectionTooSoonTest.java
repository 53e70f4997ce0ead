package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.RuleEngine;
import org.chemoadvisor.rules.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Chemo41ReinjectionTooSoonTest {

    private final RulePack pack = RulePackLoader.loadBundled();
    private final Chemo41ReinjectionTooSoon rule = new Chemo41ReinjectionTooSoon();

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void limbsTreatedAgainSixWeeksLaterIsAPolicyWarning(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(Lines.on(profile).line("64644").line("64645")
                .fromRecord("64642", Lines.DAY.minusDays(42)).facts(), pack);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CHEMO-41");
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.summary()).contains("42 days after 64642").contains("84-day interval");
            assertThat(finding.detail()).contains("not a CMS edit").contains("from the patient's record");
            assertThat(finding.locations()).containsExactly("Claim.item[0].productOrService");
            assertThat(finding.fix().actions()).isEmpty();
            assertThat(finding.fix().label()).contains(Lines.DAY.minusDays(42).plusDays(84).toString());
            assertThat(finding.citations())
                    .containsExactly(pack.codeSets().citation(CodeSets.REINJECTION_MINIMUM_DAYS));
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void anEarlierDateOfTheSameClaimCountsAndOnlyTheLaterDayIsFlagged(PolicyProfile profile) {
        Lines lines = Lines.on(profile).line("64616").lineOn(Lines.DAY.plusDays(30), "64616", 1);

        List<Finding> findings = new RuleEngine(List.of(rule), pack).evaluate(lines.facts());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.locations()).containsExactly("Claim.item[1].productOrService");
            assertThat(finding.detail()).contains("on this claim").contains("Claim.item[0]");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void staysSilentAfterTheIntervalOrForAnotherRegion(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644")
                .fromRecord("64644", Lines.DAY.minusDays(84)).facts(), pack)).as("84 days").isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64644")
                .fromRecord("64616", Lines.DAY.minusDays(30)).facts(), pack)).as("neck, then limbs").isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64644").facts(), pack)).as("no history").isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("95874")
                .fromRecord("64644", Lines.DAY.minusDays(30)).facts(), pack)).as("guidance only").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void thePayersOwnIntervalIsUsedAndCited(PolicyProfile profile) {
        Citation setting = new Citation("Payer policy setting chemo.policy.reinjection.payers[Acme]", "90 days", null);
        RulePack acme = pack.withCodeSets(pack.codeSets()
                .withSet(CodeSets.REINJECTION_MINIMUM_DAYS, List.of("90"), setting));

        List<Finding> findings = rule.evaluate(Lines.on(profile).line("64646")
                .fromRecord("64647", Lines.DAY.minusDays(85)).facts(), acme);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.summary()).contains("90-day interval");
            assertThat(finding.citations()).containsExactly(setting);
        });
        assertThat(rule.evaluate(Lines.on(profile).line("64646")
                .fromRecord("64647", Lines.DAY.minusDays(85)).facts(), pack)).isEmpty();
    }
}
