package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Chemo07TrunkCodesTogetherTest {

    private final RulePack pack = RulePackLoader.loadBundled();
    private final Chemo07TrunkCodesTogether rule = new Chemo07TrunkCodesTogether();

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void bothTrunkCodesWithoutDocumentedMusclesAreAnErrorThatPicksNeitherTier(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(Lines.on(profile).line("64646").line("64647").facts(), pack);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CHEMO-07");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.summary()).doesNotContain("report it as");
            assertThat(finding.locations()).containsExactly(
                    "Claim.item[1].productOrService", "Claim.item[0].productOrService");
            assertThat(finding.fix().actions()).isEmpty();
            assertThat(finding.fix().label()).contains("64646 for 1-5 trunk muscles, 64647 for 6 or more");
            assertThat(finding.problemKeys()).containsExactly("PTP:64646+64647");
            assertThat(finding.citations()).containsExactly(pack.ptp().citation());
            assertThat(finding.detail()).contains("documented muscle count decides")
                    .contains(pack.ptp().citation().version());
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void documentedTrunkMusclesPickTheCodeToKeep(PolicyProfile profile) {
        CodingFacts threeMuscles = withTrunkMuscles(Lines.on(profile).line("64646").line("64647").facts(), 3);
        CodingFacts sevenMuscles = withTrunkMuscles(Lines.on(profile).line("64646", 2).facts(), 7);

        assertThat(rule.evaluate(threeMuscles, pack).get(0).fix().actions())
                .containsExactly(new FixAction.RemoveLine(1));
        Finding upgraded = rule.evaluate(sevenMuscles, pack).get(0);
        assertThat(upgraded.fix().actions()).containsExactly(
                new FixAction.ChangeCode(0, "64647"),
                new FixAction.SetUnits(0, 1));
        assertThat(upgraded.locations()).containsExactly("Claim.item[0].productOrService", "Claim.item[0].quantity");
        assertThat(upgraded.detail()).contains("7 distinct trunk muscles");
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void oneTrunkCodeWithTwoUnitsIsCutToOne(PolicyProfile profile) {
        Finding finding = rule.evaluate(Lines.on(profile).line("64647", 2).facts(), pack).get(0);

        assertThat(finding.locations()).containsExactly("Claim.item[0].quantity");
        assertThat(finding.fix().actions()).containsExactly(new FixAction.SetUnits(0, 1));
        assertThat(finding.problemKeys()).containsExactly("MUE:64647");
        assertThat(finding.citations()).containsExactly(pack.mue().citation());
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void oneTrunkCodeOnceIsFine(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64646").line("64644").facts(), pack)).isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64647").line("64616").facts(), pack)).isEmpty();
    }

    /** The trunk muscles plus four arm muscles, which must not count towards the trunk tier. */
    private static CodingFacts withTrunkMuscles(CodingFacts facts, int count) {
        List<DocumentedMuscle> muscles = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> muscles.add(muscle("trunk-" + i, Region.TRUNK, i)));
        IntStream.range(0, 4).forEach(i -> muscles.add(muscle("arm-" + i, Region.LEFT_UPPER_LIMB, count + i)));
        muscles.add(muscle("trunk-0", Region.TRUNK, count + 4));
        return new CodingFacts(facts.lines(), facts.diagnoses(), facts.placeOfService(), facts.profile(), muscles,
                facts.professional());
    }

    private static DocumentedMuscle muscle(String id, Region region, int position) {
        return new DocumentedMuscle(id, id, region, "Procedure.bodySite[" + position + "]");
    }
}
