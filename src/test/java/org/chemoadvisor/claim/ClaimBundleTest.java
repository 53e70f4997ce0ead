package org.chemoadvisor.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A Claim sent in a collection Bundle with its Procedures: findings point into the Bundle. */
@ClaimServerTest
class ClaimBundleTest {

    private static final String SIX_AND_THREE = "bundle-documented-muscles-6-and-3-billed-64645.json";
    private static final String TWO_DATES = "bundle-two-dates-muscles-per-day.json";

    @LocalServerPort
    int port;

    private HttpResponse<String> post(String body) {
        return new FhirHttp(port).validate("?profile=medicare", body, FhirHttp.FHIR_JSON);
    }

    private static Bundle bundle(String file) {
        return (Bundle) TestClaims.parseAny(TestClaims.example(file));
    }

    private static String json(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        return TestClaims.FHIR.newJsonParser().encodeResourceToString(resource);
    }

    private static java.util.List<String> expressions(OperationOutcomeIssueComponent issue) {
        return issue.getExpression().stream().map(StringType::getValue).toList();
    }

    @Test
    void proceduresInTheBundleGiveChemo05PointingIntoTheBundle() {
        OperationOutcome outcome = FhirHttp.outcome(post(TestClaims.example(SIX_AND_THREE)));

        assertThat(FhirHttp.ruleIssues(outcome, "CHEMO-05")).singleElement().satisfies(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
            assertThat(issue.getDetails().getText()).contains("Report 64644 + 64643");
            assertThat(expressions(issue)).contains("Bundle.entry[0].resource.item[1].productOrService")
                    .allMatch(e -> e.startsWith("Bundle.entry[0].resource.item["));
        });
    }

    @Test
    void theBundleInsideParametersIsReadTheSame() {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("resource").setResource(bundle(SIX_AND_THREE));

        OperationOutcome outcome = FhirHttp.outcome(post(json(parameters)));

        assertThat(FhirHttp.ruleIds(outcome)).containsExactly("CHEMO-05");
        assertThat(FhirHttp.ruleIssues(outcome, "CHEMO-05").get(0).getDetails().getText())
                .contains("Report 64644 + 64643");
    }

    @Test
    void aModifierFindingNamesTheModifierInsideTheBundle() {
        Bundle bundle = bundle(SIX_AND_THREE);
        ((Claim) bundle.getEntry().get(0).getResource()).getItem().get(1)
                .addModifier(new CodeableConcept(new Coding("http://www.ama-assn.org/go/cpt", "50", null)));

        OperationOutcome outcome = FhirHttp.outcome(post(json(bundle)));

        assertThat(FhirHttp.ruleIssues(outcome, "CHEMO-06")).singleElement()
                .satisfies(issue -> assertThat(expressions(issue))
                        .contains("Bundle.entry[0].resource.item[1].modifier[0]"));
    }

    @Test
    void structuralIssuesInAProcedureEntryPointAtThatEntry() {
        Bundle bundle = bundle(SIX_AND_THREE);
        ((Procedure) bundle.getEntry().get(4).getResource()).setStatus(null);

        OperationOutcome outcome = FhirHttp.outcome(post(json(bundle)));

        assertThat(outcome.getIssue()).anySatisfy(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(expressions(issue)).anyMatch(e -> e.startsWith("Bundle.entry[4].resource"));
        });
    }

    @Test
    void eachDateOfServiceIsComparedWithTheMusclesOfThatDayOnly() {
        OperationOutcome outcome = FhirHttp.outcome(post(TestClaims.example(TWO_DATES)));

        // 2024-09-10: 64644 for 6 right arm muscles agrees; 2024-09-24: 64644 for 3 left arm muscles does not.
        assertThat(FhirHttp.ruleIssues(outcome, "CHEMO-05")).singleElement().satisfies(issue -> {
            assertThat(issue.getDetails().getText()).contains("Report 64642 ");
            assertThat(expressions(issue)).contains("Bundle.entry[0].resource.item[3].productOrService")
                    .doesNotContain("Bundle.entry[0].resource.item[0].productOrService");
        });
    }

    @Test
    void aProcedureWithoutDateOnAClaimOverTwoDatesIsReportedNotCounted() {
        Bundle bundle = bundle(TWO_DATES);
        ((Procedure) bundle.getEntry().get(4).getResource()).setPerformed(null);
        Claim claim = (Claim) bundle.getEntry().get(0).getResource();
        claim.getItem().get(3).getProcedureSequence().clear();

        OperationOutcome outcome = FhirHttp.outcome(post(json(bundle)));

        assertThat(FhirHttp.ruleIssues(outcome, "CHEMO-05")).singleElement().satisfies(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.INFORMATION);
            assertThat(issue.getDetails().getText()).contains("no date of service matches");
            assertThat(expressions(issue)).contains("Bundle.entry[4].resource.bodySite[0]");
        });
    }

    @Test
    void aProcedureWithoutPerformedDateTakesTheDateOfTheItemPointingAtIt() {
        Bundle bundle = bundle(TWO_DATES);
        ((Procedure) bundle.getEntry().get(4).getResource()).setPerformed(null);

        OperationOutcome outcome = FhirHttp.outcome(post(json(bundle)));

        assertThat(FhirHttp.ruleIssues(outcome, "CHEMO-05")).singleElement()
                .satisfies(issue -> assertThat(issue.getDetails().getText()).contains("Report 64642 "));
    }

    @Test
    void thePayerOfACoverageEntryChoosesThePolicyProfile() {
        Bundle bundle = bundle(SIX_AND_THREE);
        Claim claim = (Claim) bundle.getEntry().get(0).getResource();
        claim.getInsuranceFirstRep().getCoverage().setDisplay(null);
        claim.getItem().get(0).getProductOrService().getCodingFirstRep().setCode("64642");
        ((Coverage) bundle.getEntry().get(2).getResource()).getPayorFirstRep().setDisplay("Acme Health Plan");

        OperationOutcome outcome = FhirHttp.outcome(new FhirHttp(port).validate("", json(bundle), FhirHttp.FHIR_JSON));

        // 64642 + 64645 is an error under medicare, a warning under commercial (Acme's profile in this test server).
        assertThat(FhirHttp.ruleIssues(outcome, "CHEMO-01")).singleElement()
                .satisfies(issue -> assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING));
    }

    @Test
    void aProcedureNotDoneDocumentsNoMuscle() {
        Bundle bundle = bundle(SIX_AND_THREE);
        ((Procedure) bundle.getEntry().get(4).getResource()).setStatus(Procedure.ProcedureStatus.NOTDONE);

        OperationOutcome outcome = FhirHttp.outcome(post(json(bundle)));

        // Only the right arm's 6 muscles remain: they support 64644 alone, not the billed 64645.
        assertThat(FhirHttp.ruleIssues(outcome, "CHEMO-05")).singleElement()
                .satisfies(issue -> assertThat(issue.getDetails().getText()).contains("Report 64644 as"));
    }

    @Test
    void aBundleWithTwoClaimsIsUnprocessable() {
        Bundle bundle = bundle(SIX_AND_THREE);
        bundle.addEntry().setFullUrl("http://example.org/fhir/Claim/second")
                .setResource(((Claim) bundle.getEntry().get(0).getResource()).copy().setId("second"));

        HttpResponse<String> response = post(json(bundle));

        assertThat(response.statusCode()).isEqualTo(422);
        OperationOutcomeIssueComponent issue = FhirHttp.outcome(response).getIssueFirstRep();
        assertThat(issue.getDiagnostics()).contains("exactly one Claim").contains("holds 2");
        assertThat(expressions(issue)).containsExactly("Bundle.entry[5].resource");
    }

    @Test
    void aBundleWithoutAClaimIsUnprocessable() {
        Bundle bundle = bundle(SIX_AND_THREE);
        bundle.getEntry().remove(0);

        HttpResponse<String> response = post(json(bundle));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(FhirHttp.outcome(response).getIssueFirstRep().getDiagnostics()).contains("holds 0");
    }

    @Test
    void aBundleThatIsNotACollectionIsUnprocessable() {
        Bundle bundle = bundle(SIX_AND_THREE).setType(Bundle.BundleType.TRANSACTION);

        HttpResponse<String> response = post(json(bundle));

        assertThat(response.statusCode()).isEqualTo(422);
        OperationOutcomeIssueComponent issue = FhirHttp.outcome(response).getIssueFirstRep();
        assertThat(issue.getDiagnostics()).contains("'collection'").contains("'transaction'");
        assertThat(expressions(issue)).containsExactly("Bundle.type");
    }

    @Test
    void anUnusableItemInABundledClaimIsNamedInsideTheBundle() {
        Bundle bundle = bundle(SIX_AND_THREE);
        ((Claim) bundle.getEntry().get(0).getResource()).getItem().get(2).getQuantity().setValue(1.5);

        HttpResponse<String> response = post(json(bundle));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(expressions(FhirHttp.outcome(response).getIssueFirstRep()))
                .containsExactly("Bundle.entry[0].resource.item[2].quantity");
    }
}
