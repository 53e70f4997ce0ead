package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class Chemo36DiagnosisForAnotherSiteTest {

    private final RulePack pack = RulePackLoader.loadBundled();
    private final Chemo36DiagnosisForAnotherSite rule = new Chemo36DiagnosisForAnotherSite();
    private final Chemo31NoSupportingDiagnosis chemo31 = new Chemo31NoSupportingDiagnosis();

    @ParameterizedTest
    @CsvSource({
        "MEDICARE, 64644, G24.5, face and eyelids", "COMMERCIAL, 64642, G24.3, neck",
        "MEDICARE, 64646, G43.709, chronic migraine", "COMMERCIAL, 64612, G24.3, neck",
        "MEDICARE, 64616, G24.5, face and eyelids", "COMMERCIAL, 64615, G51.31, face and eyelids"})
    void aSiteSpecificDiagnosisOnAnotherSitesLineWarnsAndNamesTheSiteItSupports(PolicyProfile profile, String code,
            String diagnosis, String site) {
        List<Finding> findings = rule.evaluate(Lines.on(profile).line(code).diagnosis(diagnosis).facts(), pack);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-36");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.summary()).contains(code).contains(site);
            assertThat(f.locations()).containsExactly("Claim.item[0].productOrService");
            assertThat(f.fix().actions()).singleElement().isInstanceOf(FixAction.LinkDiagnosis.class);
        });
        assertThat(chemo31.evaluate(Lines.on(profile).line(code).diagnosis(diagnosis).facts(), pack))
                .as("one problem, one finding").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aLimbLinePointingAtBlepharospasmIsToldToPointAtTheStrokeDiagnosisTheClaimHolds(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(Lines.on(profile).line("64644").pointing("G24.5")
                .diagnosis("G24.5").diagnosis("G81.11").facts(), pack);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.detail()).contains("G24.5").contains("G81.11").contains("face and eyelids");
            assertThat(f.fix().label()).isEqualTo("Point 64644 at G81.11");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aSupportingDiagnosisAmongTheCountedOnesSilencesIt(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").diagnosis("G24.5").diagnosis("G81.11").facts(), pack))
                .as("no pointers: every diagnosis counts").isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64612").pointing("G24.5").diagnosis("G24.5")
                .line("64644").pointing("G81.11").diagnosis("G81.11").facts(), pack))
                .as("each line points at its own site's diagnosis").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aDiagnosisThatSupportsNoSiteIsChemo31s(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").diagnosis("M79.601").facts(), pack)).isEmpty();
    }
}
