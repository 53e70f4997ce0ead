package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class Chemo31NoSupportingDiagnosisTest {

    private final RulePack pack = RulePackLoader.loadBundled();
    private final Chemo31NoSupportingDiagnosis rule = new Chemo31NoSupportingDiagnosis();

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void limbChemodenervationWithAnUnrelatedDiagnosisWarnsAtTheFirstChemodenervationLine(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(Lines.on(profile)
                .line("J0585", 200, "JZ").line("64644").line("64645").diagnosis("M79.601").facts(), pack);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-31");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.locations()).containsExactly("Claim.item[1].productOrService");
            assertThat(f.fix().actions()).containsExactly(
                    new FixAction.LinkDiagnosis(1, Chemo31NoSupportingDiagnosis.VALUE_SET));
            assertThat(f.detail()).contains("M79.601");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void trunkChemodenervationWithNoDiagnosisAtAllWarns(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64646").facts(), pack))
                .singleElement().satisfies(f -> assertThat(f.detail()).contains("no diagnosis at all"));
    }

    @ParameterizedTest
    @CsvSource({
        "MEDICARE, G80.1", "COMMERCIAL, G80.0", "MEDICARE, G81.14", "MEDICARE, I69.351",
        "COMMERCIAL, I69.034", "MEDICARE, I69.933", "MEDICARE, I69.854", "MEDICARE, G11.4",
        "COMMERCIAL, G35", "MEDICARE, G24.1", "MEDICARE, g2409", "COMMERCIAL, G24.9"})
    void supportingDiagnosisSilencesTheRule(PolicyProfile profile, String diagnosis) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").diagnosis(diagnosis).facts(), pack)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"MEDICARE, I69.320", "COMMERCIAL, I69.31", "MEDICARE, G81.04", "MEDICARE, G11.1"})
    void nearbyCodesOutsideTheSetDoNotSupport(PolicyProfile profile, String diagnosis) {
        assertThat(rule.evaluate(Lines.on(profile).line("64642").diagnosis(diagnosis).facts(), pack)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void paraplegiaOrMonoplegiaSupportsOnlyWithMuscleSpasm(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").diagnosis("G82.21").facts(), pack)).hasSize(1);
        assertThat(rule.evaluate(Lines.on(profile).line("64644").diagnosis("G83.11").facts(), pack)).hasSize(1);
        assertThat(rule.evaluate(Lines.on(profile).line("64644").diagnosis("M62.838").facts(), pack)).hasSize(1);
        assertThat(rule.evaluate(Lines.on(profile).line("64644").diagnosis("G82.21").diagnosis("M62.838").facts(),
                pack)).isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64644").diagnosis("M62.838").diagnosis("G83.11").facts(),
                pack)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "MEDICARE, 64616, G24.3", "COMMERCIAL, 64616, G24.9", "MEDICARE, 64612, G24.5", "COMMERCIAL, 64612, G51.31",
        "MEDICARE, 64612, G24.4", "MEDICARE, 64615, G43.709", "COMMERCIAL, 64615, G43.E19"})
    void eachSiteIsSupportedByItsOwnDiagnoses(PolicyProfile profile, String code, String diagnosis) {
        assertThat(rule.evaluate(Lines.on(profile).line(code).diagnosis(diagnosis).facts(), pack)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"MEDICARE, 64616, M62.838", "COMMERCIAL, 64612, M62.838", "MEDICARE, 64615, R51.9",
        "COMMERCIAL, 64615, G43.009"})
    void neckFaceAndMigraineCodesWithoutTheirDiagnosisWarn(PolicyProfile profile, String code, String diagnosis) {
        assertThat(rule.evaluate(Lines.on(profile).line(code).diagnosis(diagnosis).facts(), pack))
                .singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("CHEMO-31");
                    assertThat(f.summary()).contains(code);
                    assertThat(f.fix().actions()).singleElement().isInstanceOf(FixAction.LinkDiagnosis.class);
                });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void laryngealChemodenervationAndDrugLinesAreNotConcerned(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64617").facts(), pack)).isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("J0585", 100, "JZ").facts(), pack)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aLineCountsOnlyTheDiagnosesItPointsAt(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(Lines.on(profile).line("64644").pointing("M79.601")
                .diagnosis("G81.11").diagnosis("M79.601").facts(), pack);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.detail()).contains("points at (M79.601)").contains("G81.11");
            assertThat(f.fix().label()).isEqualTo("Point 64644 at G81.11");
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aLinePointingAtASupportingDiagnosisIsSilentWhateverElseTheClaimHolds(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").pointing("G81.11")
                .diagnosis("M79.601").diagnosis("G81.11").facts(), pack)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void eachSiteIsJudgedOnItsOwn(PolicyProfile profile) {
        List<Finding> findings = rule.evaluate(Lines.on(profile).line("64616").pointing("G24.3")
                .line("64644").pointing("M79.601").diagnosis("G24.3").diagnosis("M79.601").facts(), pack);

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.summary()).contains("64644"));
    }

    @ParameterizedTest
    @CsvSource({"MEDICARE, G24", "COMMERCIAL, G35", "MEDICARE, G81.1"})
    void aCategoryWhoseSubcodesSupportIsLeftToChemo35(PolicyProfile profile, String header) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").diagnosis(header).facts(), pack)).isEmpty();
    }

    /** A payer's own set, as the policy layer puts it into the pack for that payer's requests. */
    private RulePack payerPack() {
        CodeSets sets = pack.codeSets().withSet(CodeSets.SUPPORTING_DIAGNOSIS, List.of("G80", "R252"),
                new Citation("ValueSet Payer X supporting diagnoses", "7", "http://payer-x.example/ValueSet/dx"));
        return pack.withCodeSets(sets);
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void payerSetAcceptsACodeOutsideTheDefaultSet(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").diagnosis("R25.2").facts(), payerPack())).isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64644").diagnosis("R25.2").facts(), pack)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void payerSetRejectsACodeOnlyTheDefaultSetHoldsAndLinksThePayersValueSet(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").diagnosis("G35").facts(), pack)).isEmpty();

        assertThat(rule.evaluate(Lines.on(profile).line("64644").diagnosis("G35").facts(), payerPack()))
                .singleElement().satisfies(f -> {
                    assertThat(f.fix().actions()).containsExactly(
                            new FixAction.LinkDiagnosis(0, "http://payer-x.example/ValueSet/dx"));
                    assertThat(f.citations()).extracting(Citation::table)
                            .contains("ValueSet Payer X supporting diagnoses");
                    assertThat(f.detail()).contains("http://payer-x.example/ValueSet/dx");
                });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void defaultFindingCitesTheBundledValueSetAndItsVersion(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").diagnosis("R25.2").facts(), pack))
                .singleElement().satisfies(f -> assertThat(f.citations()).anySatisfy(c -> {
                    assertThat(c.url()).isEqualTo(Chemo31NoSupportingDiagnosis.VALUE_SET);
                    assertThat(c.version()).isEqualTo("2026.2");
                }));
    }
}
