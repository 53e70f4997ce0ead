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

/** Pairs and units come from the bundled CMS tables (ncci-ptp-..., ncci-mue-..., ncci-aoc-...). */
class NcciTableRulesTest {

    private static final RulePack PACK = RulePackLoader.loadBundled();

    private static List<Finding> run(Rule rule, Lines lines) {
        return rule.evaluate(lines.facts(), PACK);
    }

    // 64644 / 64505: modifier indicator 0 in the PTP table
    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void pairWithIndicator0RemovesTheColumnTwoCode(PolicyProfile profile) {
        List<Finding> findings = run(new Chemo20PtpPairNeverTogether(),
                Lines.on(profile).line("64505").line("64644").line("64505", 1, "59"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-20");
            assertThat(f.severity()).isEqualTo(profile == MEDICARE ? Severity.ERROR : Severity.WARNING);
            assertThat(f.locations()).containsExactly("Claim.item[0]", "Claim.item[1]", "Claim.item[2]");
            assertThat(f.fix().actions()).containsExactly(new FixAction.RemoveLine(0), new FixAction.RemoveLine(2));
            assertThat(f.problemKeys()).containsExactly("PTP:64505+64644");
            assertThat(f.citations()).singleElement().satisfies(c -> assertThat(c.version()).isEqualTo("2024-07-01"));
        });
    }

    // 64612 / 61650: modifier indicator 9 (edit deleted)
    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void indicator9AndUnlistedPairsNeverFire(PolicyProfile profile) {
        assertThat(run(new Chemo20PtpPairNeverTogether(), Lines.on(profile).line("64612").line("61650"))).isEmpty();
        assertThat(run(new Chemo21PtpPairNeedsDistinctModifier(), Lines.on(profile).line("64612").line("61650")))
                .isEmpty();
        assertThat(run(new Chemo20PtpPairNeverTogether(), Lines.on(profile).line("64644").line("64645"))).isEmpty();
    }

    // 64644 / 20552: modifier indicator 1
    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void pairWithIndicator1WithoutModifierAdvisesAModifierOnlyIfDistinct(PolicyProfile profile) {
        List<Finding> findings = run(new Chemo21PtpPairNeedsDistinctModifier(),
                Lines.on(profile).line("64644").line("20552"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-21");
            assertThat(f.severity()).isEqualTo(profile == MEDICARE ? Severity.WARNING : Severity.INFORMATION);
            assertThat(f.locations()).containsExactly("Claim.item[0]", "Claim.item[1]");
            assertThat(f.fix().actions()).isEmpty();
            assertThat(f.fix().label()).startsWith("Only if").contains("XS", "20552");
            assertThat(f.problemKeys()).containsExactly("PTP:20552+64644");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void distinctServiceModifierOnEitherLineSatisfiesTheEdit(PolicyProfile profile) {
        Rule rule = new Chemo21PtpPairNeedsDistinctModifier();
        assertThat(run(rule, Lines.on(profile).line("64644").line("20552", 1, "XS"))).isEmpty();
        assertThat(run(rule, Lines.on(profile).line("64644", 1, "59").line("20552"))).isEmpty();
    }

    // 64644 / 99213: E/M pair, indicator 1
    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void visitWithProcedureNeedsModifier25OnTheVisitAndTheFixSaysWhen(PolicyProfile profile) {
        Rule rule = new Chemo21PtpPairNeedsDistinctModifier();
        List<Finding> findings = run(rule, Lines.on(profile).line("64644").line("99213"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.fix().actions()).containsExactly(new FixAction.AddModifier(1, "25"));
            assertThat(f.fix().label()).startsWith("Only if").contains("separately identifiable");
        });
        assertThat(run(rule, Lines.on(profile).line("64644").line("99213", 1, "25"))).isEmpty();
        // 25 marks a visit, not a procedure
        assertThat(run(rule, Lines.on(profile).line("64644", 1, "25").line("99213"))).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void toxinAbovePerDayClinicalMueIsAWarning(PolicyProfile profile) {
        List<Finding> findings = run(new Chemo22UnitsAboveMue(), Lines.on(profile).line("64644").line("J0585", 700));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-22");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.locations()).containsExactly("Claim.item[1].quantity");
            assertThat(f.fix().actions()).as("clinical edit: no number proposed").isEmpty();
            assertThat(f.problemKeys()).containsExactly("MUE:J0585");
            assertThat(f.summary()).contains("600");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void unitsAtTheMueDoNotFire(PolicyProfile profile) {
        assertThat(run(new Chemo22UnitsAboveMue(), Lines.on(profile).line("64644").line("J0585", 600))).isEmpty();
        assertThat(run(new Chemo22UnitsAboveMue(), Lines.on(profile).line("64644").line("64645", 3))).isEmpty();
    }

    // 64645: MUE 3, adjudication indicator 2 (policy, per day)
    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void policyMueIsSummedOverTheDayAndIsAnErrorUnderMedicare(PolicyProfile profile) {
        List<Finding> findings = run(new Chemo22UnitsAboveMue(),
                Lines.on(profile).line("64644").line("64645", 2).line("64645", 2));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(profile == MEDICARE ? Severity.ERROR : Severity.WARNING);
            assertThat(f.locations()).containsExactly("Claim.item[1].quantity", "Claim.item[2].quantity");
            assertThat(f.fix().actions()).isEmpty();
            assertThat(f.fix().label()).contains("3 units");
        });
    }

    @Test
    void commercialGuidanceCapIsLeftToChemo12() {
        assertThat(run(new Chemo22UnitsAboveMue(), Lines.on(COMMERCIAL).line("64644").line("64645").line("95874", 2)))
                .isEmpty();
        assertThat(run(new Chemo22UnitsAboveMue(), Lines.on(MEDICARE).line("64644").line("64645").line("95874", 2)))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void addOnWithoutAnyListedPrimaryAddsTheFirstListedPrimary(PolicyProfile profile) {
        List<Finding> findings = run(new Chemo23AddOnWithoutPrimary(), Lines.on(profile).line("64642").line("64645"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-23");
            assertThat(f.severity()).isEqualTo(profile == MEDICARE ? Severity.ERROR : Severity.WARNING);
            assertThat(f.locations()).containsExactly("Claim.item[1]");
            assertThat(f.fix().actions()).containsExactly(new FixAction.AddLine("64644", 1, List.of(), 1));
            assertThat(f.problemKeys()).containsExactly("AOC:64645");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void addOnWithAListedPrimaryIsFine(PolicyProfile profile) {
        Rule rule = new Chemo23AddOnWithoutPrimary();
        assertThat(run(rule, Lines.on(profile).line("64642").line("64643"))).isEmpty();
        assertThat(run(rule, Lines.on(profile).line("64616").line("95874"))).isEmpty();
    }

    // 64616: MUE 1 per day, MPFS bilateral surgery indicator 1
    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aRightAndALeftLineOf64616BecomeOneLineWithModifier50(PolicyProfile profile) {
        List<Finding> findings = run(new Chemo22UnitsAboveMue(),
                Lines.on(profile).line("64616", 1, "RT").line("64616", 1, "LT"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.fix().actions()).containsExactly(new FixAction.RemoveLine(1),
                    new FixAction.RemoveModifier(0, "RT"), new FixAction.AddModifier(0, "50"));
            assertThat(f.fix().label()).contains("once with modifier 50").doesNotContain("reduce");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void twoUnitsOf64616OnOneLineAreOneUnitWith50IfBothSidesWereInjected(PolicyProfile profile) {
        assertThat(run(new Chemo22UnitsAboveMue(), Lines.on(profile).line("64616", 2))).singleElement()
                .satisfies(f -> {
                    assertThat(f.fix().actions()).containsExactly(new FixAction.SetUnits(0, 1),
                            new FixAction.AddModifier(0, "50"));
                    assertThat(f.fix().label()).startsWith("If both sides were injected");
                });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aCodeWithoutTheBilateralAdjustmentIsStillReducedToItsMue(PolicyProfile profile) {
        // 64615 has bilateral indicator 2 (already both sides): two lines are simply one too many
        assertThat(run(new Chemo22UnitsAboveMue(), Lines.on(profile).line("64615", 1, "RT").line("64615", 1, "LT")))
                .singleElement().satisfies(f -> assertThat(f.fix().actions())
                        .noneMatch(a -> a.equals(new FixAction.AddModifier(0, "50"))));
        assertThat(run(new Chemo22UnitsAboveMue(), Lines.on(profile).line("64616", 1, "RT"))).isEmpty();
    }
}
