package org.chemoadvisor.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.claim.FhirHttp;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * While every pooled validator is busy for longer than {@code chemo.validator.max-wait} (0 here: refused
 * at once, so nothing waits on the clock), a structural {@code Claim/$validate} is answered 503 with
 * Retry-After instead of queueing; the coding rules alone still answer, and the next call once a
 * validator is free is checked as usual.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chemo.validator.max-wait=0s")
class ValidatorsBusyHttpTest {

    private static final Path CLEAN = Path.of("fhir-resources/examples/claim-clean-64644-64645-95874.json");

    @LocalServerPort
    int port;

    @Autowired
    StructuralValidator validator;

    @Test
    void aStructuralValidationWhileEveryValidatorStaysBusyGets503WithRetryAfter() throws Exception {
        String claim = Files.readString(CLEAN);
        FhirHttp http = new FhirHttp(port);
        validator.awaitWarmUp();
        ReusableInstanceValidators pool = validator.pool();
        List<ReusableInstanceValidators.Pooled> lent = new ArrayList<>();
        try {
            for (int i = 0; i < pool.capacity(); i++) {
                lent.add(pool.acquire());
            }
            HttpResponse<String> refused = http.validate("", claim, FhirHttp.FHIR_JSON);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            OperationOutcome outcome = (OperationOutcome) FhirContext.forR4Cached().newJsonParser()
                    .parseResource(refused.body());
            assertThat(outcome.getIssue()).singleElement().satisfies(issue -> {
                assertThat(issue.getSeverity()).isEqualTo(IssueSeverity.ERROR);
                assertThat(issue.getCode()).isEqualTo(IssueType.TRANSIENT);
                assertThat(issue.getDiagnostics()).contains("0 ms", "chemo.validator.max-wait", "structural=false");
            });
            assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at org.");

            assertThat(http.validate("?structural=false", claim, FhirHttp.FHIR_JSON).statusCode())
                    .as("the coding rules need no validator").isEqualTo(200);
        } finally {
            lent.forEach(pool::release);
        }
        assertThat(http.validate("", claim, FhirHttp.FHIR_JSON).statusCode()).isEqualTo(200);
    }
}
