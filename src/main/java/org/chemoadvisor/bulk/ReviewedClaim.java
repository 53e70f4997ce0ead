package org.chemoadvisor.bulk;

import ca.uhn.fhir.parser.IParser;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.claim.ClaimOutcomeRenderer;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.RuleIds;
import org.chemoadvisor.rules.Severity;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;

/**
 * One claim reviewed: its OperationOutcome as {@code Claim/$validate} answers it (encoded, its id the
 * claim's, the claim's first identifier in the {@link #CLAIM_IDENTIFIER} extension) and what
 * findings.csv and the report say of it. The same whether the claim was read by HAPI or without it,
 * and whether the command or the Spark job reviewed it.
 */
public record ReviewedClaim(String id, String identifier, String dateOfService, String encoded, boolean error,
        List<ReportedFinding> findings) implements Serializable {

    public static final String CLAIM_IDENTIFIER = "http://chemoadvisor.org/fhir/StructureDefinition/claim-identifier";

    /** The month of service ({@code YYYY-MM}) the outputs are grouped by, {@code unknown} without a date. */
    public String month() {
        return dateOfService.length() >= 7 ? dateOfService.substring(0, 7) : "unknown";
    }

    /** The outcome of a claim read by HAPI, encoded by the caller's parser (not thread-safe: one per thread). */
    static ReviewedClaim of(Claim claim, OperationOutcome outcome, IParser encoder) {
        String id = claim.getIdElement().getIdPart();
        String identifier = claim.getIdentifierFirstRep().getValue();
        outcome.setId(id);
        if (identifier != null) {
            outcome.addExtension(new Extension(CLAIM_IDENTIFIER, claim.getIdentifierFirstRep().copy()));
        }
        String date = claim.getBillablePeriod().hasStart() ? claim.getBillablePeriod().getStartElement().asStringValue()
                : claim.getItemFirstRep().hasServicedDateType() ? claim.getItemFirstRep().getServicedDateType()
                .asStringValue() : "";
        List<ReportedFinding> reported = new ArrayList<>();
        boolean error = false;
        for (OperationOutcomeIssueComponent issue : outcome.getIssue()) {
            error |= issue.getSeverity() == IssueSeverity.ERROR || issue.getSeverity() == IssueSeverity.FATAL;
            String rule = issue.getDetails().getCoding().stream().filter(c -> RuleIds.SYSTEM.equals(c.getSystem()))
                    .map(c -> c.getCode()).findFirst().orElse(null);
            if (rule != null) {
                reported.add(new ReportedFinding(rule, issue.getSeverity().toCode(),
                        String.join(" ", issue.getExpression().stream().map(e -> e.getValue()).toList()),
                        issue.getDetails().getText(), issue.getDiagnostics()));
            }
        }
        return new ReviewedClaim(id, identifier, date, encoder.encodeResourceToString(outcome), error, reported);
    }

    /** As {@link #of(Claim, OperationOutcome, IParser)} says it, for a claim checked without HAPI. */
    static ReviewedClaim of(ExportClaim claim, List<Finding> findings) {
        List<ReportedFinding> reported = new ArrayList<>(findings.size());
        boolean error = false;
        for (Finding finding : findings) {
            error |= finding.severity() == Severity.ERROR;
            List<String> elements = new ArrayList<>(finding.locations().size());
            finding.locations().forEach(location -> elements.add(OutcomeJson.inBundle(location)));
            reported.add(new ReportedFinding(finding.ruleId(),
                    ClaimOutcomeRenderer.severity(finding.severity()).toCode(), String.join(" ", elements),
                    ClaimOutcomeRenderer.text(finding), ClaimOutcomeRenderer.diagnostics(finding)));
        }
        ExportClaim.Identifier identifier = claim.identifier();
        return new ReviewedClaim(claim.id(), identifier == null ? null : identifier.value(), claim.dateOfService(),
                OutcomeJson.write(claim.id(), identifier, findings, reported), error, reported);
    }
}
