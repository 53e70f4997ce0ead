package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.facts.SourcePaths;
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

class Chemo34ToxinBilledAtFacilityTest {

    private final RulePack pack = RulePackLoader.loadBundled();
    private final Chemo34ToxinBilledAtFacility rule = new Chemo34ToxinBilledAtFacility();

    @ParameterizedTest
    @ValueSource(strings = {"19", "21", "22", "24"})
    void toxinOnAProfessionalClaimAtAFacilityIsAnErrorUnderMedicare(String placeOfService) {
        List<Finding> findings = rule.evaluate(Lines.on(PolicyProfile.MEDICARE).line("64644", 1, "26")
                .line("J0585", 200).line("J0585", 50, "JW").pos(placeOfService).facts(), pack);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("CHEMO-34");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.summary()).contains("J0585").contains("facility bills the drug");
            assertThat(finding.detail()).contains("place of service " + placeOfService);
            assertThat(finding.locations())
                    .containsExactly("Claim.item[1].productOrService", "Claim.item[2].productOrService");
            assertThat(finding.fix().actions())
                    .containsExactly(new FixAction.RemoveLine(1), new FixAction.RemoveLine(2));
            assertThat(finding.citations()).contains(pack.codeSets().citation("facility-pos"));
        });
    }

    @Test
    void underACommercialProfileItIsAWarningThatPointsAtTheContract() {
        Finding finding = rule.evaluate(Lines.on(PolicyProfile.COMMERCIAL).line("64616")
                .line("J0586", 60).pos("22").facts(), pack).get(0);

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.detail()).contains("payer's contract");
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void inTheOfficeOrOnAnInstitutionalClaimItIsSilent(PolicyProfile profile) {
        assertThat(rule.evaluate(Lines.on(profile).line("64644").line("J0585", 200, "JZ").pos("11").facts(), pack))
                .isEmpty();
        assertThat(rule.evaluate(Lines.on(profile).line("64644", 1, "26").pos("22").facts(), pack)).isEmpty();
        CodingFacts hospital = Lines.on(profile).line("64644").line("J0585", 200, "JZ").pos("22").facts();
        CodingFacts institutional = new CodingFacts(hospital.lines(), hospital.diagnoses(),
                hospital.placeOfService(), profile, hospital.documentedMuscles(), false);
        assertThat(rule.evaluate(institutional, pack)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aToxinOrderedForAHospitalVisitIsNotABillingQuestion(PolicyProfile profile) {
        ServiceLine order = new ServiceLine(0, "J0585", List.of(), 200, Lines.DAY, "22", List.of(), null,
                new SourcePaths("ServiceRequest/sr-1", "ServiceRequest", "ServiceRequest.code",
                        "ServiceRequest.quantityQuantity", "ServiceRequest.orderDetail", SourcePaths.Kind.ORDER));
        CodingFacts facts = new CodingFacts(List.of(order), List.of(), "22", profile, List.of(), true);

        assertThat(rule.evaluate(facts, pack)).isEmpty();
    }
}
