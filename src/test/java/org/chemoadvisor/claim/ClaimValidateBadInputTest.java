package org.chemoadvisor.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input gets a 4xx OperationOutcome that says what is wrong, never a 500 or a stack trace. */
@ClaimServerTest
class ClaimValidateBadInputTest {

    private static final int SIX_MEGABYTES = 6 * 1024 * 1024;

    @LocalServerPort
    int port;

    private FhirHttp http;

    @BeforeEach
    void client() {
        http = new FhirHttp(port);
    }

    private static OperationOutcome assertRefused(HttpResponse<String> response, int status, String saying) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        OperationOutcome outcome = FhirHttp.outcome(response);
        assertThat(outcome.getIssue()).anySatisfy(issue -> {
            assertThat(issue.getSeverity()).isIn(IssueSeverity.ERROR, IssueSeverity.FATAL);
            assertThat(issue.getDiagnostics()).containsIgnoringCase(saying);
        });
        return outcome;
    }

    private HttpResponse<String> post(String body) {
        return http.validate("", body, FhirHttp.FHIR_JSON);
    }

    @Test
    void bodyThatIsNotJsonIs400() {
        assertRefused(post("this is not JSON"), 400, "json");
    }

    @Test
    void emptyBodyIs400() {
        assertThat(post("").statusCode()).isEqualTo(400);
    }

    @Test
    void resourceThatIsNotAClaimIs400NamingWhatCame() {
        assertRefused(post(TestClaims.testResource("patient.json")), 400, "Patient");
    }

    @Test
    void stu3ClaimIs400SayingItIsNotR4() {
        assertRefused(post(TestClaims.testResource("claim-stu3.json")), 400, "R4");
    }

    @Test
    void declaredFhirVersionOtherThanR4Is415() {
        HttpResponse<String> response = http.validate("", TestClaims.example("claim-64645-without-primary.json"),
                FhirHttp.FHIR_JSON + "; fhirVersion=3.0");

        assertRefused(response, 415, "fhirVersion=3.0");
    }

    @Test
    void declaredFhirVersion4IsAccepted() {
        HttpResponse<String> response = http.validate("", TestClaims.example("claim-64645-without-primary.json"),
                FhirHttp.FHIR_JSON + "; fhirVersion=4.0");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void claimWithoutItemIs422() {
        OperationOutcome outcome = assertRefused(post(TestClaims.testResource("claim-without-item.json")), 422, "no item");

        assertThat(outcome.getIssueFirstRep().getExpression()).extracting(e -> e.getValue()).containsExactly("Claim.item");
    }

    @Test
    void fractionalQuantityIs422NamingTheElement() {
        OperationOutcome outcome = assertRefused(post(TestClaims.testResource("claim-quantity-fraction.json")), 422,
                "whole number");

        assertThat(outcome.getIssueFirstRep().getExpression()).extracting(e -> e.getValue())
                .containsExactly("Claim.item[0].quantity");
    }

    @Test
    void unknownProfileOptionIs400() {
        assertRefused(http.validate("?profile=medicaid", TestClaims.example("claim-64645-without-primary.json"),
                FhirHttp.FHIR_JSON), 400, "medicare or commercial");
    }

    @Test
    void itemInUnknownCodeSystemIsReportedAsInformation() {
        HttpResponse<String> response = post(TestClaims.testResource("claim-unknown-code-system.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        OperationOutcome outcome = FhirHttp.outcome(response);
        assertThat(outcome.getIssue()).anySatisfy(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(IssueSeverity.INFORMATION);
            assertThat(issue.getDiagnostics()).contains("http://example.org/local-procedure-codes");
            assertThat(issue.getExpression()).extracting(e -> e.getValue())
                    .containsExactly("Claim.item[0].productOrService");
        });
        assertThat(FhirHttp.ruleIds(outcome)).isEmpty();
    }

    @Test
    void bodyOverTheLimitIs413BeforeParsing() {
        assertRefused(post(oversizedBody()), 413, "larger than the limit");
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        assertRefused(http.validateChunked(oversizedBody().getBytes(StandardCharsets.UTF_8)), 413,
                "larger than the limit");
    }

    /** A Claim padded with whitespace past the default 5 MB limit. */
    private static String oversizedBody() {
        char[] padding = new char[SIX_MEGABYTES];
        Arrays.fill(padding, ' ');
        return new String(padding) + TestClaims.example("claim-64645-without-primary.json");
    }
}
