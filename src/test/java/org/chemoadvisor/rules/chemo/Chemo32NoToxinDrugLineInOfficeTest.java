package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Chemo32NoToxinDrugLineInOfficeTest {

    private final RulePack pack = RulePackLoader.loadBundled();
    private final Chemo32NoToxinDrugLineInOffice rule = new Chemo32NoToxinDrugLineInOffice();

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void officeLimbChemodenervationWithoutDrugLineInformsWithAdvice(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(Lines.on(profile).line("95874").line("64644").line("64645")
                .pos("11").facts(), pack);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-32");
            assertThat(f.severity()).isEqualTo(Severity.INFORMATION);
            assertThat(f.locations()).containsExactly("Claim.item[1].productOrService");
            assertThat(f.fix().actions()).isEmpty();
            assertThat(f.problemKeys()).containsExactly("TOXIN-LINE:64644+64645");
            assertThat(f.fix().label()).contains("J-code").contains("JZ").contains("JW");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aToxinLineSilencesTheRule(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").line("J0585", 200, "JZ").facts(), pack)).isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64646").line("J0589", 100).facts(), pack)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void outsideTheOfficeOrOnAnInstitutionalClaimItIsSilent(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").pos("22").facts(), pack)).isEmpty();
        CodingFacts office = Lines.on(profile).line("64644").pos("11").facts();
        CodingFacts institutional = new CodingFacts(office.lines(), office.diagnoses(), office.placeOfService(),
                profile, office.documentedMuscles(), false);
        assertThat(rule.evaluate(institutional, pack)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void officeMigraineNeckAndFaceVisitsWithoutDrugLineInformToo(PolicyProfile profile) {
        for (String code : List.of("64612", "64615", "64616")) {
            assertThat(rule.evaluate(Lines.on(profile).line(code).pos("11").facts(), pack)).as(code)
                    .singleElement().satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.INFORMATION);
                        assertThat(f.summary()).contains(code);
                        assertThat(f.detail()).contains("drug-line-expected");
                    });
            assertThat(rule.evaluate(Lines.on(profile).line(code).line("J0585", 155, "JZ").pos("11").facts(), pack))
                    .as(code + " with its drug line").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void codesOutsideTheSetAreNotConcerned(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64617").line("95874").pos("11").facts(), pack)).isEmpty();
    }
}
