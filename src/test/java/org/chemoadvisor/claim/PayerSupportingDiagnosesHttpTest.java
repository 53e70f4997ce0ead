package org.chemoadvisor.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CHEMO-31 through $validate with a payer that has its own supporting-diagnosis ValueSet
 * (Acme Health Plan: test/resources/valuesets/acme-supporting-diagnoses.json, holding R25.2 but
 * not G35); other payers keep the bundled set (G35 but not R25.2).
 */
@ClaimServerTest
class PayerSupportingDiagnosesHttpTest {

    @LocalServerPort
    int port;

    private FhirHttp http;

    @BeforeEach
    void client() {
        http = new FhirHttp(port);
    }

    @ParameterizedTest(name = "{0} with {1}: CHEMO-31 {2}")
    @CsvSource({
        "Acme Health Plan, R25.2, false",
        "Acme Health Plan, G35, true",
        "Medicare Part B, G35, false",
        "Medicare Part B, R25.2, true"})
    void supportingDiagnosisIsJudgedByThePayersValueSet(String payer, String diagnosis, boolean chemo31) {
        Claim claim = TestClaims.parse(TestClaims.example("claim-no-supporting-diagnosis.json"));
        claim.getDiagnosisFirstRep().getDiagnosisCodeableConcept().getCodingFirstRep().setCode(diagnosis);
        claim.getInsuranceFirstRep().getCoverage().setDisplay(payer);
        ((Coverage) claim.getContained().get(0)).getPayorFirstRep().setDisplay(payer);

        HttpResponse<String> response = http.validate("?structural=false",
                TestClaims.FHIR.newJsonParser().encodeResourceToString(claim), FhirHttp.FHIR_JSON);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        OperationOutcome outcome = FhirHttp.outcome(response);
        if (chemo31) {
            assertThat(FhirHttp.ruleIds(outcome)).containsExactly("CHEMO-31");
            String citedSet = payer.startsWith("Acme")
                    ? "ValueSet Acme Health Plan: diagnoses that support limb or trunk chemodenervation (2025.3)"
                    : "ValueSet Diagnoses that support limb or trunk chemodenervation (2026.2)";
            assertThat(FhirHttp.ruleIssues(outcome, "CHEMO-31").get(0).getDiagnostics()).contains(citedSet);
        } else {
            assertThat(FhirHttp.ruleIds(outcome)).isEmpty();
        }
    }
}
