package org.chemoadvisor.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A billed code set that the documented muscles contradict is answered with the derived set. */
@ClaimServerTest
class ClaimDocumentedMusclesTest {

    @LocalServerPort
    int port;

    @Test
    void billed64645ForAThreeMuscleArmIsAWarningSuggesting64644And64643() {
        OperationOutcome outcome = FhirHttp.outcome(new FhirHttp(port).validate("?profile=medicare",
                TestClaims.example("claim-documented-muscles-6-and-3-billed-64645.json"), FhirHttp.FHIR_JSON));

        assertThat(FhirHttp.ruleIssues(outcome, "CHEMO-05")).singleElement().satisfies(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
            assertThat(issue.getDetails().getText()).contains("Report 64644 + 64643");
            assertThat(issue.getExpression()).extracting(StringType::getValue)
                    .contains("Claim.item[1].productOrService");
        });
    }
}
