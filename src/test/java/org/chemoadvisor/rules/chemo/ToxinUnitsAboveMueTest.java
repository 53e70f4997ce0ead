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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Toxin units above their MUE are CHEMO-22's (MUE table: J0585 600, J0586 300, J0587 300, J0588 600). */
class ToxinUnitsAboveMueTest {

    private final RulePack pack = RulePackLoader.loadBundled();
    private final Chemo22UnitsAboveMue rule = new Chemo22UnitsAboveMue();

    @ParameterizedTest
    @CsvSource({"MEDICARE, J0585, 600", "COMMERCIAL, J0585, 600", "MEDICARE, J0586, 300", "COMMERCIAL, J0586, 300",
        "MEDICARE, J0587, 300", "COMMERCIAL, J0587, 300", "MEDICARE, J0588, 600", "COMMERCIAL, J0588, 600"})
    void oneUnitAboveTheToxinMueWarnsAndNeverProposesANumber(PolicyProfile profile, String toxin, int mue) {
        assertThat(pack.mue().find(toxin)).hasValueSatisfying(e -> assertThat(e.maxUnits()).isEqualTo(mue));

        List<Finding> findings = rule.evaluate(Lines.on(profile).line("64644").line(toxin, mue + 1, "JZ").facts(),
                pack);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-22");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.problemKeys()).containsExactly("MUE:" + toxin);
            assertThat(f.summary()).isEqualTo(toxin + ": " + (mue + 1) + " units reported, above its MUE of " + mue
                    + " per day");
            assertThat(f.fix().actions()).as("a clinical edit: the dose may be right").isEmpty();
            assertThat(f.fix().label()).contains("appealable").contains("billing unit");
            assertThat(f.detail()).contains("adjudication indicator 3");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aDoseKeyedAsUnitsIsConvertedToBillingUnitsOnlyIfThatFitsTheEdit(PolicyProfile profile) {
        Finding dysport = rule.evaluate(Lines.on(profile).line("64644").line("J0586", 1000, "JZ").facts(), pack).get(0);

        assertThat(dysport.fix().actions()).containsExactly(new FixAction.SetUnits(1, 200));
        assertThat(dysport.fix().label()).startsWith("If 1000 is the dose in units of drug, report 200")
                .contains("per 5 units").doesNotContain("300");
        assertThat(dysport.detail()).contains("billed per 5 units of drug, so 1000 billing units stand for 5000");

        Finding myobloc = rule.evaluate(Lines.on(profile).line("64644").line("J0587", 5000, "JZ").facts(), pack).get(0);
        assertThat(myobloc.fix().actions()).containsExactly(new FixAction.SetUnits(1, 50));

        Finding tooMuchEvenConverted = rule.evaluate(Lines.on(profile).line("64644").line("J0586", 2000, "JZ")
                .facts(), pack).get(0);
        assertThat(tooMuchEvenConverted.fix().actions()).as("400 would still be above 300").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"MEDICARE, J0585, 600", "COMMERCIAL, J0586, 300", "MEDICARE, J0587, 300", "COMMERCIAL, J0588, 600"})
    void unitsAtTheToxinMueAreSilent(PolicyProfile profile, String toxin, int mue) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").line(toxin, mue, "JZ").facts(), pack)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"MEDICARE, J0585, 600", "COMMERCIAL, J0586, 300"})
    void theMueIsPerDaySoTheJwLineCounts(PolicyProfile profile, String toxin, int mue) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").line(toxin, mue, "JZ").line(toxin, 1, "JW")
                .facts(), pack)).singleElement().satisfies(f -> assertThat(f.summary()).contains("per day"));
    }
}
