package org.chemoadvisor.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Claim.ItemComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Claim with more lines, or any element with more repetitions, than a claim has need of is refused
 * with 422 naming the element before it is validated (validation cost grows with the resource).
 */
@ClaimServerTest
class ClaimRepetitionLimitsTest {

    private static final String CLEAN = "claim-clean-64644-64645-95874.json";

    @LocalServerPort
    int port;

    private FhirHttp http;

    @BeforeEach
    void client() {
        http = new FhirHttp(port);
    }

    @Test
    void aClaimOfTenThousandLinesIsRefusedEachTimeItIsSent() {
        String claim = encode(withItems(10_000));
        assertThat(claim.length()).isGreaterThan(1_000_000).isLessThan(5 * 1024 * 1024);

        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<String> response = http.validate("", claim, FhirHttp.FHIR_JSON);

            assertThat(response.statusCode()).isEqualTo(422);
            OperationOutcome.OperationOutcomeIssueComponent issue = FhirHttp.outcome(response).getIssueFirstRep();
            assertThat(issue.getDiagnostics())
                    .contains("Claim.item has 10000 entries; at most 100").contains("chemo.fhir.max-claim-items");
            assertThat(issue.getExpression()).extracting(Object::toString).containsExactly("Claim.item");
        }
    }

    @Test
    void aClaimAtTheItemLimitIsValidated() {
        HttpResponse<String> response = http.validate("?structural=false", encode(withItems(100)), FhirHttp.FHIR_JSON);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void tooManyModifiersOnALineAreRefusedNamingTheLine() {
        Claim claim = TestClaims.parse(TestClaims.example(CLEAN));
        ItemComponent line = claim.getItem().get(1);
        for (int i = 0; i < 101; i++) {
            line.addModifier(new CodeableConcept().addCoding(
                    new org.hl7.fhir.r4.model.Coding("http://www.ama-assn.org/go/cpt-modifier", "59", null)));
        }
        int modifiers = line.getModifier().size();

        HttpResponse<String> response = http.validate("", encode(claim), FhirHttp.FHIR_JSON);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(FhirHttp.outcome(response).getIssueFirstRep().getDiagnostics())
                .contains("Claim.item[1].modifier has " + modifiers + " entries; at most 100")
                .contains("chemo.fhir.max-repetitions");
    }

    @Test
    void aBundleWithTooManyEntriesIsRefused() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setResource(TestClaims.parse(TestClaims.example(CLEAN)));
        for (int i = 0; i < 150; i++) {
            bundle.addEntry().setResource(new Patient().setId("p" + i));
        }

        HttpResponse<String> response = http.validate("",
                TestClaims.FHIR.newJsonParser().encodeResourceToString(bundle), FhirHttp.FHIR_JSON);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(FhirHttp.outcome(response).getIssueFirstRep().getDiagnostics())
                .contains("Bundle.entry has 151 entries; at most 100");
    }

    /** The clean example with its first line repeated to {@code count} lines. */
    private static Claim withItems(int count) {
        Claim claim = TestClaims.parse(TestClaims.example(CLEAN));
        ItemComponent first = claim.getItemFirstRep();
        claim.getItem().clear();
        for (int i = 1; i <= count; i++) {
            claim.addItem(first.copy().setSequence(i));
        }
        return claim;
    }

    private static String encode(Claim claim) {
        return TestClaims.FHIR.newJsonParser().encodeResourceToString(claim);
    }
}
