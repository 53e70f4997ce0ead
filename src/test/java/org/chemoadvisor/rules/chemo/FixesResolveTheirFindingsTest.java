package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Accepting a rule's suggested fix leaves lines on which that rule no longer fires. */
class FixesResolveTheirFindingsTest {

    private final RulePack pack = RulePackLoader.loadBundled();

    record Case(String name, Rule rule, UnaryOperator<Lines> lines) {
        @Override
        public String toString() {
            return rule.id() + " " + name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = List.of(
                new Case("64645", new Chemo01AddOnWithoutPrimary(), l -> l.line("64645")),
                new Case("64645 x3", new Chemo01AddOnWithoutPrimary(), l -> l.line("64645", 3)),
                new Case("64642 + 64645", new Chemo01AddOnWithoutPrimary(), l -> l.line("64642").line("64645")),
                new Case("64642 + 64645 x2", new Chemo01AddOnWithoutPrimary(), l -> l.line("64642").line("64645", 2)),
                new Case("64643 + 64645", new Chemo01AddOnWithoutPrimary(), l -> l.line("64643").line("64645")),
                new Case("64643", new Chemo02AddOn1To4WithoutPrimary(), l -> l.line("64643")),
                new Case("64643 x3", new Chemo02AddOn1To4WithoutPrimary(), l -> l.line("64643", 3)),
                new Case("64644 x2", new Chemo03MoreThanOnePrimaryLimb(), l -> l.line("64644", 2)),
                new Case("64642 + 64644", new Chemo03MoreThanOnePrimaryLimb(), l -> l.line("64642").line("64644")),
                new Case("64642, 64642", new Chemo03MoreThanOnePrimaryLimb(), l -> l.line("64642").line("64642")),
                new Case("64642 x2 + 64644 x2", new Chemo03MoreThanOnePrimaryLimb(),
                        l -> l.line("64642", 2).line("64644", 2)),
                new Case("64643 x2 + 64645 x2, four limbs documented", new Chemo04MoreThanFourLimbs(),
                        l -> l.line("64644").line("64643", 2).line("64645", 2)
                                .muscles(Region.RIGHT_UPPER_LIMB, "a", "b", "c", "d", "e")
                                .muscles(Region.LEFT_UPPER_LIMB, "a", "b", "c", "d", "e")
                                .muscles(Region.RIGHT_LOWER_LIMB, "a").muscles(Region.LEFT_LOWER_LIMB, "a")),
                new Case("64645 x4", new Chemo04MoreThanFourLimbs(), l -> l.line("64644").line("64645", 4)),
                new Case("64643, 64643, 64645 x3", new Chemo04MoreThanFourLimbs(),
                        l -> l.line("64643").line("64643").line("64645", 3)
                                .muscles(Region.RIGHT_UPPER_LIMB, "a", "b", "c", "d", "e", "f")
                                .muscles(Region.LEFT_UPPER_LIMB, "a", "b", "c", "d", "e")
                                .muscles(Region.RIGHT_LOWER_LIMB, "a", "b", "c", "d", "e")
                                .muscles(Region.LEFT_LOWER_LIMB, "a", "b", "c", "d", "e")),
                new Case("64642-50", new Chemo06BilateralModifier(), l -> l.line("64642", 1, "50")),
                new Case("64644 + 64645-50", new Chemo06BilateralModifier(),
                        l -> l.line("64644").line("64645", 1, "50")),
                new Case("64646-50", new Chemo06BilateralModifier(), l -> l.line("64646", 1, "50")),
                new Case("64643-LT-50", new Chemo06BilateralModifier(), l -> l.line("64643", 1, "LT", "50")),
                new Case("64646 + 64647, 2 trunk muscles", new Chemo07TrunkCodesTogether(),
                        l -> l.line("64646").line("64647").muscles(Region.TRUNK, "rectus-abdominis-left", "rectus-abdominis-right")),
                new Case("64647 x2", new Chemo07TrunkCodesTogether(), l -> l.line("64647", 2)),
                new Case("64646 x2 + 64647", new Chemo07TrunkCodesTogether(),
                        l -> l.line("64646", 2).line("64647").muscles(Region.TRUNK, "a", "b", "c", "d", "e", "f")));
        return cases.stream().flatMap(c -> Stream.of(PolicyProfile.values()).map(p -> Arguments.of(c, p)));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("cases")
    void applyingTheFixSilencesTheRule(Case c, PolicyProfile profile) {
        CodingFacts before = c.lines().apply(Lines.on(profile)).facts();
        List<Finding> findings = c.rule().evaluate(before, pack);
        assertThat(findings).as("the rule fires before the fix").isNotEmpty();

        // Every finding's actions name the original lines, so they are applied together.
        List<FixAction> actions = findings.stream().flatMap(f -> f.fix().actions().stream()).toList();
        assertThat(actions).as("the fix has edits").isNotEmpty();
        CodingFacts after = FixApplier.apply(before, new Fix("all", actions));

        assertThat(c.rule().evaluate(after, pack)).as("lines after the fix: %s", after.lines()).isEmpty();
    }
}
