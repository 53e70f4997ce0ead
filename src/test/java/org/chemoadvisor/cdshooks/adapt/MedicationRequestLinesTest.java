package org.chemoadvisor.cdshooks.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Draft toxin MedicationRequests become drug lines after the ServiceRequest lines. */
class MedicationRequestLinesTest {

    private static final RulePack PACK = RulePackLoader.loadBundled();
    private static AdaptedLines adapted;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = MedicationRequestLinesTest.class
                .getResourceAsStream("/cdshooks/draft-orders-toxin-medications.json")) {
            Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, in);
            adapted = MedicationRequestLines.appendTo(ServiceRequestLines.from(bundle), bundle, PACK);
        }
    }

    @Test
    void toxinsAreRecognisedByJCodeNameInADisplayContainedOrBundledMedication() {
        assertThat(adapted.lines()).extracting(ServiceLine::code)
                .containsExactly("64644", "J0588", "J0585", "J0586", "J0588");
        assertThat(adapted.lines().subList(1, 5)).extracting(l -> l.paths().resource()).containsExactly(
                "MedicationRequest/mr-j-code", "MedicationRequest/mr-rxnorm-display",
                "MedicationRequest/mr-contained-brand", "MedicationRequest/mr-bundle-medication");
    }

    @Test
    void cancelledOrdersOtherDrugsOtherJCodesAndNamesInsideOtherWordsAreNotToxinLines() {
        assertThat(adapted.lines()).extracting(l -> l.paths().resource()).doesNotContain(
                "MedicationRequest/mr-cancelled", "MedicationRequest/mr-not-a-toxin",
                "MedicationRequest/mr-name-inside-a-word", "MedicationRequest/mr-j-code-not-a-toxin");
    }

    @Test
    void drugLinesAreMedicationOrdersOfOneUnitWithoutModifiers() {
        List<ServiceLine> drugLines = adapted.lines().subList(1, 5);
        assertThat(drugLines).allSatisfy(line -> {
            assertThat(line.medicationOrder()).isTrue();
            assertThat(line.units()).isEqualTo(1);
            assertThat(line.modifiers()).isEmpty();
        });
        assertThat(adapted.lines().get(0).medicationOrder()).isFalse();
    }

    @Test
    void dateIsTheDosageTimingEventElseNone() {
        assertThat(adapted.lines().get(1).date()).isEqualTo(LocalDate.of(2024, 9, 10));
        assertThat(adapted.lines().get(2).date()).isNull();
    }

    @Test
    void reasonCodesAreDiagnosesAndEachLineKeepsItsSource() {
        assertThat(adapted.lines().get(1).diagnosisCodes()).containsExactly("G80.1");
        assertThat(adapted.diagnoses()).extracting(d -> d.path()).contains("MedicationRequest.reasonCode[0]");
        assertThat(adapted.sourceOf(3).getIdElement().getIdPart()).isEqualTo("mr-contained-brand");
    }

    @Test
    void ordersWithoutToxinsLeaveTheLinesAsTheyWere() {
        AdaptedLines base = ServiceRequestLines.from(new Bundle());

        assertThat(MedicationRequestLines.appendTo(base, new Bundle(), PACK)).isSameAs(base);
    }
}
