package org.chemoadvisor.claim;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.chemoadvisor.claim.AdaptedClaim.AdapterNote;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.RuleIds;
import org.chemoadvisor.rules.Severity;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.springframework.stereotype.Component;

/**
 * Renders one OperationOutcome from HAPI's structural messages, the adapter's notes and the rule
 * findings. A finding's issue carries its rule ID as {@code details.coding} (system
 * {@link RuleIds#SYSTEM}), the summary and fix as {@code details.text}, the tables it rests on in
 * {@code diagnostics} and the offending elements in {@code expression}.
 */
@Component
public class ClaimOutcomeRenderer {

    public static final String NO_ISSUES = "No issues detected";

    private final FhirContext fhirContext;

    public ClaimOutcomeRenderer(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    public OperationOutcome render(List<SingleValidationMessage> structural, List<AdapterNote> notes,
            List<Finding> findings) {
        return render(structural, notes, findings, UnaryOperator.identity());
    }

    /**
     * @param inRequest turns an expression into the Claim ({@code Claim.item[1]}) into one into the request
     *                  as sent (e.g. {@code Bundle.entry[0].resource.item[1]}); HAPI's own are already so
     */
    public OperationOutcome render(List<SingleValidationMessage> structural, List<AdapterNote> notes,
            List<Finding> findings, UnaryOperator<String> inRequest) {
        OperationOutcome outcome = new OperationOutcome();
        if (!structural.isEmpty()) {
            OperationOutcome hapi = (OperationOutcome) new ValidationResult(fhirContext, structural).toOperationOutcome();
            hapi.getIssue().forEach(outcome::addIssue);
        }
        notes.forEach(note -> outcome.addIssue()
                .setSeverity(IssueSeverity.INFORMATION)
                .setCode(IssueType.NOTSUPPORTED)
                .setDiagnostics(note.message())
                .addExpression(inRequest.apply(note.expression())));
        findings.forEach(finding -> outcome.addIssue(issue(finding, inRequest)));
        if (outcome.getIssue().isEmpty()) {
            outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
                    .setDiagnostics(NO_ISSUES);
        }
        return outcome;
    }

    static OperationOutcomeIssueComponent issue(Finding finding) {
        return issue(finding, UnaryOperator.identity());
    }

    static OperationOutcomeIssueComponent issue(Finding finding, UnaryOperator<String> inRequest) {
        OperationOutcomeIssueComponent issue = new OperationOutcomeIssueComponent()
                .setSeverity(severity(finding.severity()))
                .setCode(IssueType.BUSINESSRULE);
        issue.getDetails().addCoding(new Coding(RuleIds.SYSTEM, finding.ruleId(), finding.summary()));
        issue.getDetails().setText(text(finding));
        issue.setDiagnostics(diagnostics(finding));
        finding.locations().forEach(location -> issue.addExpression(inRequest.apply(location)));
        return issue;
    }

    /** An issue's {@code details.text}: the finding's summary and, when it has one, its fix. */
    public static String text(Finding finding) {
        return finding.fix() == null ? finding.summary() : finding.summary() + " Fix: " + finding.fix().label();
    }

    /** An issue's {@code diagnostics}: the tables and versions the finding rests on, or null without any. */
    public static String diagnostics(Finding finding) {
        return finding.citations().isEmpty() ? null : "Source: " + finding.citations().stream()
                .map(Citation::toString).distinct().collect(Collectors.joining("; "));
    }

    public static IssueSeverity severity(Severity severity) {
        return switch (severity) {
            case ERROR -> IssueSeverity.ERROR;
            case WARNING -> IssueSeverity.WARNING;
            case INFORMATION -> IssueSeverity.INFORMATION;
        };
    }
}
