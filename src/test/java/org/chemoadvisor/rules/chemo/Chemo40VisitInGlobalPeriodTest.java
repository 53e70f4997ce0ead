package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.RuleEngine;
import org.chemoadvisor.rules.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Chemo40VisitInGlobalPeriodTest {

    private final RulePack pack = RulePackLoader.loadBundled();
    private final Chemo40VisitInGlobalPeriod rule = new Chemo40VisitInGlobalPeriod();

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void visitFiveDaysAfterAMigraineProcedureFromTheRecordNeedsModifier24(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(Lines.on(profile).line("99213")
                .fromRecord("64615", Lines.DAY.minusDays(5)).facts(), pack);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CHEMO-40");
            assertThat(finding.severity())
                    .isEqualTo(profile == PolicyProfile.MEDICARE ? Severity.ERROR : Severity.WARNING);
            assertThat(finding.summary()).contains("10-day global period of 64615").contains("add 24");
            assertThat(finding.detail()).contains("5 days after 64615").contains("from the patient's record")
                    .contains(pack.mpfs().citation().version());
            assertThat(finding.locations()).containsExactly("Claim.item[0].productOrService");
            assertThat(finding.fix().actions()).isEmpty();
            assertThat(finding.citations()).contains(pack.mpfs().citation());
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aLaterDateOfTheSameClaimIsInTheGlobalPeriodToo(PolicyProfile profile) {
        Lines lines = Lines.on(profile).line("64616").lineOn(Lines.DAY.plusDays(10), "99214", 1);

        List<Finding> findings = new RuleEngine(List.of(rule), pack).evaluate(lines.facts());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.locations()).containsExactly("Claim.item[1].productOrService");
            assertThat(finding.detail()).contains("10 days after 64616").contains("on this claim");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void staysSilentOutsideTheGlobalPeriodOrWithModifier24(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("99213", 1, "24")
                .fromRecord("64615", Lines.DAY.minusDays(5)).facts(), pack)).as("modifier 24").isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("99213")
                .fromRecord("64615", Lines.DAY.minusDays(11)).facts(), pack)).as("day 11").isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("99213")
                .fromRecord("64644", Lines.DAY.minusDays(3)).facts(), pack)).as("0-day global").isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("99213")
                .fromRecord("64615", Lines.DAY.plusDays(3)).facts(), pack)).as("visit before").isEmpty();
        assertThat(new RuleEngine(List.of(rule), pack).evaluate(Lines.on(profile).line("64615", 1)
                .line("99213", 1, "25").facts())).as("same day: the NCCI pair's question").isEmpty();
    }
}
