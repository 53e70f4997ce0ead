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
import org.chemoadvisor.rules.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 64644 / 99213 is an indicator-1 pair in the bundled PTP table; 64644 / 20552 is one without a visit. */
class Chemo24DistinctModifierOnVisitPairTest {

    private static final RulePack PACK = RulePackLoader.loadBundled();

    private static List<Finding> chemo24(Lines lines) {
        return new Chemo24DistinctModifierOnVisitPair().evaluate(lines.facts(), PACK);
    }

    private static List<Finding> chemo21(Lines lines) {
        return new Chemo21PtpPairNeedsDistinctModifier().evaluate(lines.facts(), PACK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"59", "XE", "XP", "XS", "XU"})
    void distinctServiceModifierOnTheVisitIsReplacedBy25(String modifier) {
        Lines lines = Lines.on(MEDICARE).line("64644").line("99213", 1, modifier);

        assertThat(chemo24(lines)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.summary()).contains(modifier).contains("99213").contains("25");
            assertThat(f.locations()).containsExactly("Claim.item[1].modifier[0]");
            assertThat(f.fix().actions()).containsExactly(
                    new FixAction.RemoveModifier(1, modifier), new FixAction.AddModifier(1, "25"));
            assertThat(f.fix().label()).contains("only if the visit was significant and separately identifiable");
        });
        assertThat(chemo21(lines)).as("one finding for one mistake").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void fiftyNineOnTheProcedurePairedOnlyWithAVisitMovesTo25OnTheVisit(PolicyProfile profile) {
        Lines lines = Lines.on(profile).line("64644", 1, "59").line("99213");

        assertThat(chemo24(lines)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(profile == MEDICARE ? Severity.ERROR : Severity.WARNING);
            assertThat(f.locations()).containsExactly("Claim.item[0].modifier[0]");
            assertThat(f.fix().actions()).containsExactly(
                    new FixAction.RemoveModifier(0, "59"), new FixAction.AddModifier(1, "25"));
        });
        assertThat(chemo21(lines)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void fiftyNineOnTheProcedureBesideAVisitWith25IsOnlySuperfluous(PolicyProfile profile) {
        assertThat(chemo24(Lines.on(profile).line("64644", 1, "XS").line("99213", 1, "25"))).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFORMATION);
                    assertThat(f.fix().actions()).containsExactly(new FixAction.RemoveModifier(0, "XS"));
                });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aVisitModifierOnAVisitIsSilent(PolicyProfile profile) {
        assertThat(chemo24(Lines.on(profile).line("64644").line("99213", 1, "25"))).isEmpty();
        assertThat(chemo24(Lines.on(profile).line("64644").line("99213"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void fiftyNineForAProcedurePairIsSilent(PolicyProfile profile) {
        assertThat(chemo24(Lines.on(profile).line("64644", 1, "59").line("20552"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void fiftyNineThatMayBeForAnotherPairLeavesTheVisitPairToChemo21(PolicyProfile profile) {
        Lines lines = Lines.on(profile).line("64644", 1, "59").line("20552").line("99213");

        assertThat(chemo24(lines)).isEmpty();
        assertThat(chemo21(lines)).singleElement().satisfies(f -> {
            assertThat(f.summary()).startsWith("99213 with 64644: add 25 to the visit");
            assertThat(f.fix().actions()).containsExactly(new FixAction.AddModifier(2, "25"));
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aDistinctServiceModifierOnALoneVisitIsRemoved(PolicyProfile profile) {
        assertThat(chemo24(Lines.on(profile).line("99213", 1, "59"))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(profile == COMMERCIAL ? Severity.WARNING : Severity.ERROR);
            assertThat(f.fix().actions()).containsExactly(new FixAction.RemoveModifier(0, "59"));
        });
    }
}
