package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class Chemo35DiagnosisNotValidOnDateOfServiceTest {

    private static final LocalDate AFTER_FY2026 = LocalDate.of(2025, 11, 3);
    private static final LocalDate BEFORE_FY2026 = LocalDate.of(2025, 9, 30);

    private final RulePack pack = RulePackLoader.loadBundled();
    private final Chemo35DiagnosisNotValidOnDateOfService rule = new Chemo35DiagnosisNotValidOnDateOfService();

    private List<Finding> on(PolicyProfile profile, LocalDate date, String code, String diagnosis) {
        return rule.evaluate(Lines.on(profile).lineOn(date, code, 1).diagnosis(diagnosis).facts(), pack);
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void multipleSclerosisG35AfterOctober2025IsAnErrorNamingItsSubcodes(PolicyProfile profile) {
        assertThat(on(profile, AFTER_FY2026, "64644", "G35")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHEMO-35");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.summary()).isEqualTo("Diagnosis G35 is a category, not billable on 2025-11-03");
            assertThat(f.locations()).containsExactly("Claim.diagnosis[0].diagnosisCodeableConcept");
            assertThat(f.fix().label()).contains("G35.A").contains("G35.B0").contains("G35.D");
            assertThat(f.fix().actions()).as("which subcode is the coder's call").isEmpty();
            assertThat(f.citations()).extracting(Citation::table)
                    .contains("ICD-10-CM FY2026 addenda (effective 2025-10-01)");
        });
    }

    @ParameterizedTest
    @CsvSource({"MEDICARE, G35, 2025-09-30", "COMMERCIAL, G35.A, 2025-11-03", "MEDICARE, G35.B1, 2026-01-05",
        "MEDICARE, R51.9, 2025-11-03", "COMMERCIAL, M54.50, 2024-09-10", "MEDICARE, G80.1, 2025-11-03",
        "MEDICARE, R51, 2020-09-30", "COMMERCIAL, Z99.89, 2025-11-03"})
    void aValidBillableCodeOrOneTheTableDoesNotListIsSilent(PolicyProfile profile, String diagnosis, LocalDate date) {
        assertThat(on(profile, date, "64644", diagnosis)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"MEDICARE, R51, 64615, R51.0", "COMMERCIAL, M54.5, 64646, M54.59", "MEDICARE, G24, 64642, G24.9",
        "COMMERCIAL, G51.3, 64612, G51.31"})
    void headerCodesAreErrorsNamingTheCodesToUse(PolicyProfile profile, String header, String code, String subcode) {
        assertThat(on(profile, Lines.DAY, code, header)).singleElement().satisfies(f -> {
            assertThat(f.summary()).contains(header).contains("category");
            assertThat(f.detail()).contains(subcode);
        });
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aSubcodeUsedBeforeItExistedIsAnError(PolicyProfile profile) {
        assertThat(on(profile, BEFORE_FY2026, "64644", "G35.A")).singleElement()
                .satisfies(f -> assertThat(f.summary()).isEqualTo("Diagnosis G35.A is not valid before 2025-10-01"));
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void anUndatedOrderIsCheckedAgainstTheCurrentCodeSet(PolicyProfile profile) {
        assertThat(on(profile, null, "64644", "G35")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("no date of service given"));
        assertThat(on(profile, null, "64644", "G35.A")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void claimsWithoutChemodenervationOrToxinAreNotConcerned(PolicyProfile profile) {
        assertThat(on(profile, AFTER_FY2026, "99213", "G35")).isEmpty();
        assertThat(on(profile, AFTER_FY2026, "J0585", "G35")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aCodeWrittenTwiceIsReportedOnce(PolicyProfile profile) {
        CodingFacts facts = Lines.on(profile).lineOn(AFTER_FY2026, "64644", 1).diagnosis("G35").diagnosis("g35")
                .facts();
        assertThat(rule.evaluate(facts, pack)).hasSize(1);
    }
}
