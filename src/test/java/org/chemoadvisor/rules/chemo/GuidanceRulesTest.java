package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chemoadvisor.facts.PolicyProfile.COMMERCIAL;
import static org.chemoadvisor.facts.PolicyProfile.MEDICARE;

import java.util.List;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GuidanceRulesTest {

    private static final RulePack PACK = RulePackLoader.loadBundled();

    private static List<Finding> run(Rule rule, Lines lines) {
        return rule.evaluate(lines.facts(), PACK);
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void guidanceWithoutAnyChemodenervationIsAnError(PolicyProfile profile) {
        List<Finding> findings = run(new Chemo10GuidanceWithoutProcedure(), Lines.on(profile).line("99213").line("95874"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-10");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.locations()).containsExactly("Claim.item[1]");
            assertThat(f.fix().actions()).containsExactly(new FixAction.RemoveLine(1));
            assertThat(f.problemKeys()).contains("AOC:95874");
            assertThat(f.citations()).anySatisfy(c -> assertThat(c.version()).isEqualTo("2024-06-03"));
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void guidanceWithAChemodenervationCodeIsNotChemo10(PolicyProfile profile) {
        assertThat(run(new Chemo10GuidanceWithoutProcedure(), Lines.on(profile).line("64616").line("95873"))).isEmpty();
        assertThat(run(new Chemo10GuidanceWithoutProcedure(), Lines.on(profile).line("64644"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void bothGuidanceMethodsTheSameDayIsAnErrorThatDropsTheColumnTwoCode(PolicyProfile profile) {
        List<Finding> findings = run(new Chemo11TwoGuidanceMethods(),
                Lines.on(profile).line("64644").line("95874").line("95873"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-11");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.locations()).containsExactly("Claim.item[1]", "Claim.item[2]");
            assertThat(f.fix().actions()).containsExactly(new FixAction.RemoveLine(2));
            assertThat(f.fix().label()).contains("Keep", "actually used");
            assertThat(f.problemKeys()).containsExactly("PTP:95873+95874");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void oneGuidanceMethodIsNotChemo11(PolicyProfile profile) {
        assertThat(run(new Chemo11TwoGuidanceMethods(), Lines.on(profile).line("64644").line("95874", 1)
                .line("95874", 1))).isEmpty();
    }

    @Test
    void medicareCapsGuidanceAtOneUnitPerDay() {
        List<Finding> findings = run(new Chemo12GuidanceUnitsAboveCap(),
                Lines.on(MEDICARE).line("64644").line("64645").line("95874", 2));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-12");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.locations()).containsExactly("Claim.item[2].quantity");
            assertThat(f.fix().actions()).containsExactly(new FixAction.SetUnits(2, 1));
            assertThat(f.problemKeys()).containsExactly("MUE:95874");
            assertThat(f.citations()).anySatisfy(c -> assertThat(c.table()).contains("MUE"));
        });
    }

    @Test
    void commercialAllowsOneGuidanceUnitPerChemodenervationCode() {
        assertThat(run(new Chemo12GuidanceUnitsAboveCap(),
                Lines.on(COMMERCIAL).line("64644").line("64645").line("95874", 2))).isEmpty();

        List<Finding> findings = run(new Chemo12GuidanceUnitsAboveCap(),
                Lines.on(COMMERCIAL).line("64644").line("64645").line("95874", 3));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-12");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.fix().actions()).containsExactly(new FixAction.SetUnits(2, 2));
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void guidanceSplitOverTwoLinesIsSummedAndAdvisedNotGuessed(PolicyProfile profile) {
        List<Finding> findings = run(new Chemo12GuidanceUnitsAboveCap(),
                Lines.on(profile).line("64644").line("95873").line("95873"));

        // one chemodenervation code: the cap is one unit under both profiles
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.locations()).containsExactly("Claim.item[1].quantity", "Claim.item[2].quantity");
            assertThat(f.fix().actions()).isEmpty();
            assertThat(f.fix().label()).contains("95873", "1 unit");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void guidanceWithoutProcedureIsLeftToChemo10ByTheUnitCap(PolicyProfile profile) {
        assertThat(run(new Chemo12GuidanceUnitsAboveCap(), Lines.on(profile).line("95874", 2))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void guidanceWithNeedleEmgIsErrorForMedicareWarningForCommercial(PolicyProfile profile) {
        List<Finding> findings = run(new Chemo13GuidanceWithNeedleEmg(),
                Lines.on(profile).line("95861").line("64644").line("95874"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-13");
            assertThat(f.severity()).isEqualTo(profile == MEDICARE ? Severity.ERROR : Severity.WARNING);
            assertThat(f.locations()).containsExactly("Claim.item[0]", "Claim.item[2]");
            assertThat(f.fix().actions()).containsExactly(new FixAction.RemoveLine(2));
            assertThat(f.problemKeys()).containsExactly("PTP:95861+95874");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void nerveConductionIsNotNeedleEmg(PolicyProfile profile) {
        assertThat(run(new Chemo13GuidanceWithNeedleEmg(), Lines.on(profile).line("95907").line("64644")
                .line("95874"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void guidanceWithLaryngealChemodenervationIsAnError(PolicyProfile profile) {
        List<Finding> findings = run(new Chemo14GuidanceIncludedInProcedure(), Lines.on(profile).line("64617").line("95874"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-14");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.locations()).containsExactly("Claim.item[0]", "Claim.item[1]");
            assertThat(f.fix().actions()).containsExactly(new FixAction.RemoveLine(1));
            assertThat(f.problemKeys()).contains("AOC:95874", "PTP:64617+95874");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void guidanceWithLimbChemodenervationIsNotChemo14(PolicyProfile profile) {
        assertThat(run(new Chemo14GuidanceIncludedInProcedure(), Lines.on(profile).line("64644").line("95874"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void guidanceAtAFacilityWithoutModifier26IsAWarning(PolicyProfile profile) {
        List<Finding> findings = run(new Chemo15GuidanceAtFacilityWithoutModifier26(),
                Lines.on(profile).line("64644").line("95874").pos("22"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-15");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.locations()).containsExactly("Claim.item[1].productOrService");
            assertThat(f.fix().actions()).containsExactly(new FixAction.AddModifier(1, "26"));
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void guidanceWithModifier26OrInTheOfficeIsNotChemo15(PolicyProfile profile) {
        Rule rule = new Chemo15GuidanceAtFacilityWithoutModifier26();
        assertThat(run(rule, Lines.on(profile).line("64644").line("95874", 1, "26").pos("22"))).isEmpty();
        assertThat(run(rule, Lines.on(profile).line("64644").line("95874").pos("11"))).isEmpty();
    }
}
