package org.chemoadvisor.cdshooks.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.InputStream;
import java.time.LocalDate;
import org.chemoadvisor.facts.ServiceLine;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServiceRequestLinesTest {

    private static AdaptedLines adapted;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = ServiceRequestLinesTest.class.getResourceAsStream("/cdshooks/draft-orders-mixed.json")) {
            Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, in);
            adapted = ServiceRequestLines.from(bundle);
        }
    }

    @Test
    void onlyStandingOrdersWithACptOrHcpcsCodeBecomeLines() {
        assertThat(adapted.lines()).extracting(ServiceLine::code).containsExactly("64644", "64645", "J0585");
        assertThat(adapted.lines()).extracting(ServiceLine::index).containsExactly(0, 1, 2);
    }

    @Test
    void anAbsentQuantityIsOneUnit() {
        assertThat(adapted.lines()).extracting(ServiceLine::units).containsExactly(1, 2, 200);
    }

    @Test
    void modifiersComeFromOrderDetailCodingsInTheModifierSystemOnly() {
        assertThat(adapted.lines().get(1).modifiers()).containsExactly("50");
        assertThat(adapted.lines().get(2).modifiers()).containsExactly("JZ");
        assertThat(adapted.lines().get(0).modifiers()).isEmpty();
    }

    @Test
    void theDateIsTheOccurrenceElseTheAuthoringDate() {
        assertThat(adapted.lines().get(0).date()).isEqualTo(LocalDate.of(2024, 9, 10));
        assertThat(adapted.lines().get(1).date()).isEqualTo(LocalDate.of(2024, 9, 11));
    }

    @Test
    void eachLineNamesItsServiceRequestAndElements() {
        ServiceLine line = adapted.lines().get(1);
        assertThat(line.paths().resource()).isEqualTo("ServiceRequest/sr-addon");
        assertThat(line.paths().code()).isEqualTo("ServiceRequest.code");
        assertThat(line.paths().modifier(0)).isEqualTo(
                "ServiceRequest.orderDetail.where(coding.system='" + FhirCodes.MODIFIER_SYSTEM + "')[0]");
        assertThat(adapted.sourceOf(1).getIdElement().getIdPart()).isEqualTo("sr-addon");
    }

    @Test
    void reasonCodesArePlaceOfServiceAndDiagnoses() {
        assertThat(adapted.placeOfService()).isEqualTo("11");
        assertThat(adapted.diagnoses()).extracting(d -> d.code()).containsExactly("G80.1");
        assertThat(adapted.lines().get(0).diagnosisCodes()).containsExactly("G80.1");
    }
}
