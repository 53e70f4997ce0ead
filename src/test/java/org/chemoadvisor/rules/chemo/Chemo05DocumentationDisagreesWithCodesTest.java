package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chemoadvisor.facts.Region.LEFT_LOWER_LIMB;
import static org.chemoadvisor.facts.Region.LEFT_UPPER_LIMB;
import static org.chemoadvisor.facts.Region.RIGHT_LOWER_LIMB;
import static org.chemoadvisor.facts.Region.RIGHT_UPPER_LIMB;
import static org.chemoadvisor.facts.Region.TRUNK;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.RuleCatalog;
import org.chemoadvisor.rules.RuleEngine;
import org.chemoadvisor.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Chemo05DocumentationDisagreesWithCodesTest {

    private static final String[] ARM = {"biceps-brachii", "brachialis", "brachioradialis", "pronator-teres",
        "flexor-carpi-radialis", "flexor-carpi-ulnaris"};
    private static final String[] LEG = {"gastrocnemius", "soleus", "tibialis-posterior", "flexor-digitorum-longus",
        "flexor-hallucis-longus"};

    private final RulePack pack = RulePackLoader.loadBundled();
    // Without the drug and diagnosis rules (CHEMO-30..32): these facts carry no toxin line or diagnosis on purpose.
    private final RuleEngine engine = new RuleEngine(RuleCatalog.inPrecedenceOrder().stream()
            .filter(rule -> !Set.of("CHEMO-30", "CHEMO-31", "CHEMO-32").contains(rule.id())).toList(), pack);

    private static Lines sixAndThree(PolicyProfile profile) {
        return Lines.on(profile).muscles(RIGHT_UPPER_LIMB, ARM).muscles(LEFT_UPPER_LIMB, "biceps-brachii",
                "brachialis", "flexor-carpi-ulnaris");
    }

    private static List<String> codesAfter(CodingFacts facts, Finding finding) {
        return FixApplier.apply(facts, finding.fix()).lines().stream()
                .flatMap(l -> Collections.nCopies(l.units(), l.code()).stream()).sorted().toList();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void billed64645ForALimbOfThreeMusclesGetsTheDerived64643(PolicyProfile profile) {
        CodingFacts facts = sixAndThree(profile).line("64644").line("64645").facts();

        List<Finding> findings = engine.evaluate(facts);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CHEMO-05");
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.summary()).contains("64644 + 64643");
            assertThat(finding.fix().actions()).containsExactly(new FixAction.ChangeCode(1, "64643"));
            assertThat(finding.detail()).contains("right upper limb: 6 muscles", "left upper limb: 3 muscles");
            assertThat(finding.citations()).contains(pack.muscles().citation());
        });
        assertThat(codesAfter(facts, findings.get(0))).containsExactly("64643", "64644");
    }

    @Test
    void codesThatMatchTheDocumentationGetNoFinding() {
        CodingFacts facts = sixAndThree(PolicyProfile.MEDICARE).line("64644").line("64643").facts();

        assertThat(engine.evaluate(facts)).isEmpty();
    }

    @Test
    void withoutDocumentedMusclesTheRuleIsSilent() {
        CodingFacts facts = Lines.on(PolicyProfile.MEDICARE).line("64644").line("64645").facts();

        assertThat(new Chemo05DocumentationDisagreesWithCodes().evaluate(facts, pack)).isEmpty();
    }

    @Test
    void fourFivePlusLimbsBilledAsTwoAreRecodedWithThreeUnitsOf64645() {
        CodingFacts facts = Lines.on(PolicyProfile.MEDICARE).muscles(RIGHT_UPPER_LIMB, ARM).muscles(LEFT_UPPER_LIMB, ARM)
                .muscles(RIGHT_LOWER_LIMB, LEG).muscles(LEFT_LOWER_LIMB, LEG).line("64644").line("64645").facts();

        Finding finding = new Chemo05DocumentationDisagreesWithCodes().evaluate(facts, pack).get(0);

        // Ties go by Region order: the left arm is the first limb; each 64645 unit names the limb it stands for.
        assertThat(finding.fix().actions()).containsExactly(new FixAction.SetUnits(1, 3,
                List.of(RIGHT_UPPER_LIMB, LEFT_LOWER_LIMB, RIGHT_LOWER_LIMB)));
        assertThat(finding.fix().fromDocumentation()).isTrue();
        assertThat(codesAfter(facts, finding)).containsExactly("64644", "64645", "64645", "64645");
    }

    @Test
    void surplusLinesAreRemovedAndMissingCodesAdded() {
        CodingFacts facts = Lines.on(PolicyProfile.MEDICARE).muscles(RIGHT_UPPER_LIMB, ARM)
                .muscles(TRUNK, "erector-spinae")
                .line("64644").line("64645").line("95874").facts();

        Finding finding = new Chemo05DocumentationDisagreesWithCodes().evaluate(facts, pack).get(0);

        assertThat(finding.fix().actions()).containsExactly(new FixAction.ChangeCode(1, "64646"));
        assertThat(codesAfter(facts, finding)).containsExactly("64644", "64646", "95874");
    }

    @Test
    void anUnplaceableMuscleIsNamedInAnInformationFindingAndNotCounted() {
        CodingFacts facts = Lines.on(PolicyProfile.MEDICARE).muscles(RIGHT_UPPER_LIMB, "biceps-brachii", "brachialis",
                "brachioradialis", "pronator-teres").line("64642").facts();
        CodingFacts withUnknown = new CodingFacts(facts.lines(), List.of(), "11", PolicyProfile.MEDICARE,
                concat(facts, new DocumentedMuscle("musculus ignotus", "musculus ignotus",
                        null, "Procedure.bodySite[4]")), true);

        List<Finding> findings = engine.evaluate(withUnknown);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CHEMO-08");
            assertThat(finding.severity()).isEqualTo(Severity.INFORMATION);
            assertThat(finding.detail()).contains("musculus ignotus");
            assertThat(finding.locations()).containsExactly("Procedure.bodySite[4]");
        });
    }

    private static List<DocumentedMuscle> concat(CodingFacts facts,
            DocumentedMuscle extra) {
        List<DocumentedMuscle> all = new ArrayList<>(facts.documentedMuscles());
        all.add(extra);
        return all;
    }

    @Test
    void lineIndexesOfTheFixPointAtTheBilledLines() {
        CodingFacts facts = sixAndThree(PolicyProfile.COMMERCIAL).line("95874").line("64642").line("64645").facts();

        Finding finding = new Chemo05DocumentationDisagreesWithCodes().evaluate(facts, pack).get(0);

        assertThat(facts.lines()).extracting(ServiceLine::code).containsExactly("95874", "64642", "64645");
        assertThat(codesAfter(facts, finding)).containsExactly("64643", "64644", "95874");
    }
}
