package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chemoadvisor.facts.Region.LEFT_UPPER_LIMB;
import static org.chemoadvisor.facts.Region.RIGHT_LOWER_LIMB;
import static org.chemoadvisor.facts.Region.RIGHT_UPPER_LIMB;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.RuleCatalog;
import org.chemoadvisor.rules.RuleEngine;
import org.chemoadvisor.rules.Severity;
import org.junit.jupiter.api.Test;

/** Each date of service is compared with the muscles injected that day, never with another day's. */
class DatedMusclesTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 9, 10);
    private static final LocalDate SECOND = LocalDate.of(2024, 9, 24);
    private static final String[] ARM = {"biceps-brachii", "brachialis", "brachioradialis", "pronator-teres",
        "flexor-carpi-radialis", "flexor-carpi-ulnaris"};
    private static final String[] LEG = {"gastrocnemius", "soleus", "tibialis-posterior", "flexor-digitorum-longus",
        "flexor-hallucis-longus"};

    private final RulePack pack = RulePackLoader.loadBundled();
    private final RuleEngine engine = new RuleEngine(RuleCatalog.inPrecedenceOrder().stream()
            .filter(rule -> !Set.of("CHEMO-30", "CHEMO-31", "CHEMO-32").contains(rule.id())).toList(), pack);

    private List<Finding> chemo05(CodingFacts facts) {
        return engine.evaluate(facts).stream().filter(f -> f.ruleId().equals("CHEMO-05")).toList();
    }

    @Test
    void eachDayGetsTheCodesItsOwnMusclesSupport() {
        // Day 1: right arm 6 + left arm 3 -> 64644 + 64643 (billed as such). Day 2: right leg 5 -> 64644, billed 64642.
        CodingFacts facts = Lines.on(PolicyProfile.MEDICARE)
                .lineOn(FIRST, "64644", 1).lineOn(FIRST, "64643", 1).lineOn(SECOND, "64642", 1)
                .musclesOn(FIRST, RIGHT_UPPER_LIMB, ARM)
                .musclesOn(FIRST, LEFT_UPPER_LIMB, "biceps-brachii", "brachialis", "pronator-teres")
                .musclesOn(SECOND, RIGHT_LOWER_LIMB, LEG)
                .facts();

        assertThat(chemo05(facts)).singleElement().satisfies(finding -> {
            assertThat(finding.fix().label()).isEqualTo("Report 64644 as the documentation supports");
            assertThat(finding.locations()).containsExactly("Claim.item[2].productOrService", "Claim.item[2].quantity");
        });
    }

    @Test
    void undatedMusclesOnAClaimOverTwoDatesAreReportedNotCounted() {
        CodingFacts facts = Lines.on(PolicyProfile.MEDICARE)
                .lineOn(FIRST, "64644", 1).lineOn(FIRST, "64643", 1).lineOn(SECOND, "64642", 1)
                .musclesOn(null, RIGHT_UPPER_LIMB, ARM)
                .musclesOn(null, RIGHT_LOWER_LIMB, LEG)
                .facts();

        assertThat(chemo05(facts)).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.INFORMATION);
            assertThat(finding.summary()).startsWith("11 documented muscles were not counted");
            assertThat(finding.locations()).hasSize(11);
        });
    }

    @Test
    void undatedMusclesCountOnAClaimWithOneDateOfService() {
        CodingFacts facts = Lines.on(PolicyProfile.MEDICARE).lineOn(FIRST, "64644", 1).lineOn(FIRST, "64645", 1)
                .musclesOn(null, RIGHT_UPPER_LIMB, ARM)
                .musclesOn(null, LEFT_UPPER_LIMB, "biceps-brachii", "brachialis", "pronator-teres")
                .facts();

        assertThat(chemo05(facts)).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.fix().label()).isEqualTo("Report 64644 + 64643 as the documentation supports");
        });
    }

    @Test
    void musclesDatedOnADayWithoutLinesAreReportedOnce() {
        CodingFacts facts = Lines.on(PolicyProfile.MEDICARE).lineOn(FIRST, "64644", 1).lineOn(SECOND, "64644", 1)
                .musclesOn(FIRST, RIGHT_UPPER_LIMB, ARM)
                .musclesOn(SECOND, RIGHT_UPPER_LIMB, ARM)
                .musclesOn(LocalDate.of(2024, 10, 1), LEFT_UPPER_LIMB, "biceps-brachii")
                .facts();

        assertThat(chemo05(facts)).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.INFORMATION);
            assertThat(finding.detail()).contains("biceps-brachii (2024-10-01, no line that day)");
        });
    }

    @Test
    void undatedLinesAreComparedWithAllMuscles() {
        // No line carries a date: nothing separates the muscles either, so all of them count.
        CodingFacts facts = Lines.on(PolicyProfile.MEDICARE).lineOn(null, "64644", 1).lineOn(null, "64645", 1)
                .musclesOn(FIRST, RIGHT_UPPER_LIMB, ARM)
                .musclesOn(SECOND, LEFT_UPPER_LIMB, "biceps-brachii", "brachialis", "pronator-teres")
                .facts();

        assertThat(chemo05(facts)).singleElement()
                .satisfies(finding -> assertThat(finding.fix().label()).contains("Report 64644 + 64643"));
    }
}
