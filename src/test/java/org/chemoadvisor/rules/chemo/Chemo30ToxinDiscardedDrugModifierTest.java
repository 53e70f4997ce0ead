package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class Chemo30ToxinDiscardedDrugModifierTest {

    private final RulePack pack = RulePackLoader.loadBundled();
    private final Chemo30ToxinDiscardedDrugModifier rule = new Chemo30ToxinDiscardedDrugModifier();

    @ParameterizedTest
    @ValueSource(strings = {"J0585", "J0586", "J0587", "J0588", "J0589"})
    void toxinWithoutJwOrJzIsAMedicareErrorFixedByJz(String toxin) {
        List<Finding> findings = rule.evaluate(Lines.on(PolicyProfile.MEDICARE)
                .line("64644").line(toxin, 200).facts(), pack);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-30");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.locations()).containsExactly("Claim.item[1].productOrService");
            assertThat(f.fix().actions()).containsExactly(new FixAction.AddModifier(1, "JZ"));
            assertThat(f.fix().label()).contains("only if nothing was discarded").contains("separate")
                    .contains("JW");
            assertThat(f.citations()).anySatisfy(c -> {
                assertThat(c.table()).contains("ch. 17").contains("40");
                assertThat(c.version()).isEqualTo("2023-07-01 policy");
            });
        });
    }

    @Test
    void commercialProfileOnlyInforms() {
        assertThat(rule.evaluate(Lines.on(PolicyProfile.COMMERCIAL).line("J0585", 100).facts(), pack))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFORMATION));
        assertThat(rule.evaluate(Lines.on(PolicyProfile.COMMERCIAL).line("J0585", 100, "JW", "JZ").facts(), pack))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFORMATION));
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void jwAndJzOnOneLineFiresAtBothModifiersAndRemovesOne(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(Lines.on(profile)
                .line("64644").line("J0588", 300, "JW", "JZ").facts(), pack);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.summary()).contains("both JW and JZ");
            assertThat(f.locations()).containsExactly("Claim.item[1].modifier[0]", "Claim.item[1].modifier[1]");
            assertThat(f.fix().actions()).containsExactly(new FixAction.RemoveModifier(1, "JW"));
            assertThat(f.fix().label()).contains("separate line");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void jzAloneOrTheAdministeredAmountBesideAJwLineIsSilent(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").line("J0585", 200, "JZ").facts(), pack)).isEmpty();
        assertThat(rule.evaluate(Lines.on(profile)
                .line("64644").line("J0585", 350).line("J0585", 50, "JW").facts(), pack))
                .as("the CMS way: administered amount without modifier, discarded amount on its own JW line")
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aJzLineBesideAJwLineOfTheSameDrugContradictsIt(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(Lines.on(profile)
                .line("64644").line("J0585", 180, "JZ").line("J0585", 20, "JW").facts(), pack);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(profile == PolicyProfile.MEDICARE ? Severity.ERROR : Severity.INFORMATION);
            assertThat(f.summary()).contains("JZ line and a JW line");
            assertThat(f.locations()).containsExactly("Claim.item[1].modifier[0]");
            assertThat(f.fix().actions()).containsExactly(new FixAction.RemoveModifier(1, "JZ"));
            assertThat(f.fix().label()).contains("20 units were discarded");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void eachDrugIsJudgedOnItsOwnLines(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(Lines.on(profile)
                .line("64644").line("J0585", 100).line("J0587", 2500, "JZ").line("J0587", 500, "JW").facts(), pack);

        assertThat(findings).extracting(Finding::summary).satisfiesExactlyInAnyOrder(
                s -> assertThat(s).startsWith("Toxin J0585 without JW or JZ"),
                s -> assertThat(s).startsWith("Toxin J0587 has a JZ line and a JW line"));
        assertThat(rule.evaluate(Lines.on(profile)
                .line("64644").line("J0585", 100).line("J0587", 50, "JW").facts(), pack))
                .as("a JW line of another drug says nothing of J0585").hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void policyStartsOnItsEffectiveDate(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile)
                .lineOn(LocalDate.of(2023, 6, 30), "J0585", 100).facts(), pack)).isEmpty();
        assertThat(rule.evaluate(Lines.on(profile)
                .lineOn(LocalDate.of(2023, 7, 1), "J0585", 100).facts(), pack)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void lineWithoutDateIsTreatedAsUnderThePolicy(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).lineOn(null, "J0587", 50).facts(), pack))
                .singleElement().satisfies(f -> assertThat(f.detail()).contains("no date of service"));
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void nonToxinLinesAreNotConcerned(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").line("64645").line("95874").facts(), pack))
                .isEmpty();
    }
}
