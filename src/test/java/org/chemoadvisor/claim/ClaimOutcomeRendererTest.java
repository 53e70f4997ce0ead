package org.chemoadvisor.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.chemoadvisor.claim.AdaptedClaim.AdapterNote;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.RuleIds;
import org.chemoadvisor.rules.Severity;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class ClaimOutcomeRendererTest {

    private final ClaimOutcomeRenderer renderer = new ClaimOutcomeRenderer(TestClaims.FHIR);

    private static Finding finding(Severity severity, Fix fix) {
        return new Finding("CHEMO-06", severity, "Modifier 50 on 64645: bilateral indicator 0", "detail",
                List.of(new Citation("CMS Medicare physician fee schedule indicators", "2024-07", null),
                        new Citation("Chemodenervation code sets (RULES.md)", "2026.1", null)),
                List.of("Claim.item[1].modifier[0]", "Claim.item[1]"), fix, Set.of("BILATERAL:64645"));
    }

    @Test
    void findingBecomesABusinessRuleIssueCodedWithItsRuleId() {
        Fix fix = Fix.of("Remove modifier 50 from 64645", new FixAction.RemoveModifier(1, "50"));

        OperationOutcomeIssueComponent issue = renderer.render(List.of(), List.of(), List.of(finding(Severity.ERROR, fix)))
                .getIssueFirstRep();

        assertThat(issue.getSeverity()).isEqualTo(IssueSeverity.ERROR);
        assertThat(issue.getCode()).isEqualTo(IssueType.BUSINESSRULE);
        assertThat(issue.getDetails().getCoding()).singleElement().satisfies(coding -> {
            assertThat(coding.getSystem()).isEqualTo(RuleIds.SYSTEM);
            assertThat(coding.getCode()).isEqualTo("CHEMO-06");
            assertThat(coding.getDisplay()).isEqualTo("Modifier 50 on 64645: bilateral indicator 0");
        });
        assertThat(issue.getDetails().getText())
                .isEqualTo("Modifier 50 on 64645: bilateral indicator 0 Fix: Remove modifier 50 from 64645");
        assertThat(issue.getDiagnostics()).isEqualTo("Source: CMS Medicare physician fee schedule indicators (2024-07); "
                + "Chemodenervation code sets (RULES.md) (2026.1)");
        assertThat(issue.getExpression()).extracting(StringType::getValue)
                .containsExactly("Claim.item[1].modifier[0]", "Claim.item[1]");
    }

    @Test
    void severitiesMapOneToOne() {
        assertThat(ClaimOutcomeRenderer.severity(Severity.ERROR)).isEqualTo(IssueSeverity.ERROR);
        assertThat(ClaimOutcomeRenderer.severity(Severity.WARNING)).isEqualTo(IssueSeverity.WARNING);
        assertThat(ClaimOutcomeRenderer.severity(Severity.INFORMATION)).isEqualTo(IssueSeverity.INFORMATION);
    }

    @Test
    void findingWithoutFixHasOnlyItsSummaryAsText() {
        OperationOutcomeIssueComponent issue = ClaimOutcomeRenderer.issue(finding(Severity.WARNING, null));

        assertThat(issue.getDetails().getText()).isEqualTo("Modifier 50 on 64645: bilateral indicator 0");
        assertThat(issue.getSeverity()).isEqualTo(IssueSeverity.WARNING);
    }

    @Test
    void adapterNoteIsInformationAtItsElement() {
        OperationOutcome outcome = renderer.render(List.of(),
                List.of(new AdapterNote("Claim.item[0] is not coded in CPT or HCPCS", "Claim.item[0].productOrService")),
                List.of());

        assertThat(outcome.getIssue()).singleElement().satisfies(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(IssueSeverity.INFORMATION);
            assertThat(issue.getExpression()).extracting(StringType::getValue)
                    .containsExactly("Claim.item[0].productOrService");
        });
    }

    @Test
    void nothingToSayIsOneNoIssuesDetectedInformation() {
        OperationOutcome outcome = renderer.render(List.of(), List.of(), List.of());

        assertThat(outcome.getIssue()).singleElement().satisfies(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(IssueSeverity.INFORMATION);
            assertThat(issue.getCode()).isEqualTo(IssueType.INFORMATIONAL);
            assertThat(issue.getDiagnostics()).isEqualTo("No issues detected");
        });
    }
}
