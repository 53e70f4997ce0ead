package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chemoadvisor.facts.Region.RIGHT_UPPER_LIMB;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.RuleCatalog;
import org.chemoadvisor.rules.RuleEngine;
import org.chemoadvisor.rules.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A coder following the advice must never downcode a claim the service could not read in full. */
class Chemo08MusclesNotPlacedTest {

    private static final String[] ARM = {"biceps-brachii", "brachialis", "brachioradialis", "pronator-teres",
        "flexor-carpi-radialis", "flexor-carpi-ulnaris"};

    private final RulePack pack = RulePackLoader.loadBundled();
    private final RuleEngine engine = new RuleEngine(RuleCatalog.inPrecedenceOrder().stream()
            .filter(rule -> !Set.of("CHEMO-30", "CHEMO-31", "CHEMO-32").contains(rule.id())).toList(), pack);

    private static CodingFacts withUnknown(PolicyProfile profile, int placedArmMuscles, String code,
            String... unknown) {
        String[] arm = java.util.Arrays.copyOf(ARM, placedArmMuscles);
        CodingFacts facts = Lines.on(profile).muscles(RIGHT_UPPER_LIMB, arm).line(code).facts();
        List<DocumentedMuscle> muscles = new ArrayList<>(facts.documentedMuscles());
        for (int i = 0; i < unknown.length; i++) {
            muscles.add(new DocumentedMuscle(unknown[i], unknown[i], null, "Procedure.bodySite[" + (10 + i) + "]"));
        }
        return new CodingFacts(facts.lines(), List.of(), "11", profile, muscles, true);
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void anUnknownMuscleThatCouldMakeTheFifthLeavesTheCodeUnconfirmedWithoutRecode(PolicyProfile profile) {
        List<Finding> findings = engine.evaluate(withUnknown(profile, 4, "64644", "musculus ignotus"));

        assertThat(findings).extracting(Finding::ruleId).containsExactly("CHEMO-08");
        Finding finding = findings.get(0);
        assertThat(finding.severity()).isEqualTo(Severity.INFORMATION);
        assertThat(finding.summary()).isEqualTo("64644 cannot be confirmed: 1 documented muscle could not be placed");
        assertThat(finding.detail()).contains("musculus ignotus").contains("do not recode");
        assertThat(finding.fix().actions()).isEmpty();
        assertThat(finding.locations()).containsExactly("Procedure.bodySite[10]");
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void whenNoPlacementCouldMatchTheMismatchStandsButNoRecodeIsOffered(PolicyProfile profile) {
        List<Finding> findings = engine.evaluate(withUnknown(profile, 6, "64642", "musculus ignotus"));

        assertThat(findings).extracting(Finding::ruleId).containsExactlyInAnyOrder("CHEMO-05", "CHEMO-08");
        assertThat(findings).filteredOn(f -> f.ruleId().equals("CHEMO-05")).singleElement().satisfies(f -> {
            assertThat(f.fix().actions()).isEmpty();
            assertThat(f.detail()).contains("could not be placed");
        });
        assertThat(findings).filteredOn(f -> f.ruleId().equals("CHEMO-08")).singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("not counted").doesNotContain("cannot be confirmed"));
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void codesMatchingThePlacedMusclesOnlyNoteTheUncountedOne(PolicyProfile profile) {
        assertThat(engine.evaluate(withUnknown(profile, 4, "64642", "musculus ignotus")))
                .singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("CHEMO-08");
                    assertThat(f.summary()).startsWith("1 documented muscle was not counted");
                });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aLimbMuscleWithoutSideIsNamedAsSuch(PolicyProfile profile) {
        CodingFacts facts = Lines.on(profile).muscles(RIGHT_UPPER_LIMB, "biceps-brachii").line("64642").facts();
        List<DocumentedMuscle> muscles = new ArrayList<>(facts.documentedMuscles());
        muscles.add(new DocumentedMuscle("soleus", "Soleus", Region.UNSPECIFIED_LIMB, "Procedure.bodySite[3]"));
        List<Finding> findings = engine.evaluate(new CodingFacts(facts.lines(), List.of(), "11", profile, muscles, true));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-08");
            assertThat(f.detail()).contains("Soleus (side not documented)");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void everyMusclePlacedIsSilent(PolicyProfile profile) {
        assertThat(new Chemo08MusclesNotPlaced().evaluate(
                Lines.on(profile).muscles(RIGHT_UPPER_LIMB, ARM).line("64642").facts(), pack)).isEmpty();
    }
}
