package org.chemoadvisor.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The issue's acceptance and the shape of the answer, through HTTP. */
@ClaimServerTest
class ClaimValidateHttpTest {

    @LocalServerPort
    int port;

    private FhirHttp http;

    @BeforeEach
    void client() {
        http = new FhirHttp(port);
    }

    private OperationOutcome validate(String query, String body) {
        HttpResponse<String> response = http.validate(query, body, FhirHttp.FHIR_JSON);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return FhirHttp.outcome(response);
    }

    private static String parametersWith(Claim claim, Boolean structural, String profile) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("resource").setResource(claim);
        if (structural != null) {
            parameters.addParameter().setName("structural").setValue(new BooleanType(structural));
        }
        if (profile != null) {
            parameters.addParameter().setName("profile").setValue(new CodeType(profile));
        }
        return TestClaims.FHIR.newJsonParser().encodeResourceToString(parameters);
    }

    @Test
    void cleanClaimHasNoCodingFinding() {
        OperationOutcome outcome = validate("", TestClaims.example("claim-clean-64644-64645-95874.json"));

        assertThat(FhirHttp.ruleIds(outcome)).isEmpty();
        assertThat(outcome.getIssue()).noneMatch(i -> i.getSeverity() == IssueSeverity.ERROR);
    }

    @Test
    void addOnAloneIsChemo01Error() {
        OperationOutcome outcome = validate("", TestClaims.example("claim-64645-without-primary.json"));

        assertThat(FhirHttp.ruleIds(outcome)).containsExactly("CHEMO-01");
        assertThat(FhirHttp.ruleIssues(outcome, "CHEMO-01")).singleElement()
                .satisfies(i -> assertThat(i.getSeverity()).isEqualTo(IssueSeverity.ERROR));
    }

    @Test
    void modifier50OnAddOnIsChemo06PointingAtTheModifier() {
        OperationOutcome outcome = validate("", TestClaims.example("claim-64645-modifier-50.json"));

        assertThat(FhirHttp.ruleIds(outcome)).containsExactly("CHEMO-06");
        OperationOutcomeIssueComponent issue = FhirHttp.ruleIssues(outcome, "CHEMO-06").get(0);
        assertThat(issue.getSeverity()).isEqualTo(IssueSeverity.ERROR);
        assertThat(issue.getCode()).isEqualTo(IssueType.BUSINESSRULE);
        assertThat(issue.getExpression()).extracting(e -> e.getValue()).contains("Claim.item[1].modifier[0]");
        String summary = issue.getDetails().getCodingFirstRep().getDisplay();
        assertThat(summary).isNotBlank();
        assertThat(issue.getDetails().getText()).startsWith(summary).contains(" Fix: ");
        assertThat(issue.getDiagnostics()).startsWith("Source: ").containsPattern("\\(\\d{4}-\\d{2}");
    }

    @Test
    void bothGuidanceCodesAreChemo11() {
        OperationOutcome outcome = validate("", TestClaims.example("claim-95873-and-95874.json"));

        assertThat(FhirHttp.ruleIds(outcome)).containsExactly("CHEMO-11");
    }

    @Test
    void payerMappedToCommercialMakes64642PrimaryAWarning() {
        String claim = TestClaims.example("claim-64642-64645-commercial.json");

        OperationOutcome byPayer = validate("", claim);
        OperationOutcome forcedMedicare = validate("?profile=medicare", claim);

        assertThat(FhirHttp.ruleIssues(byPayer, "CHEMO-01")).singleElement()
                .satisfies(i -> assertThat(i.getSeverity()).isEqualTo(IssueSeverity.WARNING));
        assertThat(FhirHttp.ruleIssues(forcedMedicare, "CHEMO-01")).singleElement()
                .satisfies(i -> assertThat(i.getSeverity()).isEqualTo(IssueSeverity.ERROR));
    }

    @Test
    void structuralErrorsComeFromHapiUnlessTurnedOffInTheQuery() {
        String claim = TestClaims.testResource("claim-without-status.json");

        OperationOutcome full = validate("", claim);
        OperationOutcome rulesOnly = validate("?structural=false", claim);

        assertThat(full.getIssue())
                .filteredOn(i -> i.getSeverity() == IssueSeverity.ERROR && FhirHttp.ruleIds(i).isEmpty())
                .anySatisfy(i -> assertThat(i.getDiagnostics()).contains("status"));
        assertThat(FhirHttp.ruleIds(full)).containsExactly("CHEMO-01");
        assertThat(rulesOnly.getIssue()).hasSize(1);
        assertThat(FhirHttp.ruleIds(rulesOnly)).containsExactly("CHEMO-01");
    }

    @Test
    void parametersBodyCarriesTheClaimAndTheOptions() {
        Claim withoutStatus = TestClaims.parse(TestClaims.testResource("claim-without-status.json"));
        Claim commercial = TestClaims.parse(TestClaims.example("claim-64642-64645-commercial.json"));

        OperationOutcome rulesOnly = validate("", parametersWith(withoutStatus, false, null));
        OperationOutcome medicare = validate("", parametersWith(commercial, null, "medicare"));

        assertThat(rulesOnly.getIssue()).hasSize(1);
        assertThat(FhirHttp.ruleIds(rulesOnly)).containsExactly("CHEMO-01");
        assertThat(FhirHttp.ruleIssues(medicare, "CHEMO-01")).singleElement()
                .satisfies(i -> assertThat(i.getSeverity()).isEqualTo(IssueSeverity.ERROR));
    }

    @Test
    void xmlClaimGetsAnXmlAnswer() {
        Claim claim = TestClaims.parse(TestClaims.example("claim-64645-modifier-50.json"));
        String xml = TestClaims.FHIR.newXmlParser().encodeResourceToString(claim);

        HttpResponse<String> response = http.validate("", xml, FhirHttp.FHIR_XML);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).contains("xml"));
        assertThat(FhirHttp.ruleIds(FhirHttp.outcome(response))).containsExactly("CHEMO-06");
    }

    @Test
    void metadataComesFromHapi() {
        HttpResponse<String> response = http.get("/metadata", FhirHttp.FHIR_JSON);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestClaims.FHIR.newJsonParser().parseResource(response.body()).fhirType())
                .isEqualTo("CapabilityStatement");
    }
}
