package org.chemoadvisor.claim;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.RuleCatalog;
import org.chemoadvisor.rules.RuleEngine;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The coding check of one Claim (or collection Bundle) as plain Java, without Spring or a web
 * server: the adapter, the rules and the OperationOutcome renderer that {@code Claim/$validate}
 * uses, for a given profile and rule pack. For jobs that run where the service does not (Spark
 * executors); structural validation is the service's and the bulk command's.
 */
public final class ClaimCheck {

    private final ClaimFactsAdapter adapter;
    private final RuleEngine engine;
    private final ClaimOutcomeRenderer renderer;

    public ClaimCheck(FhirContext fhir, RulePack pack) {
        this.adapter = new ClaimFactsAdapter(pack);
        this.engine = new RuleEngine(RuleCatalog.inPrecedenceOrder(), pack);
        this.renderer = new ClaimOutcomeRenderer(fhir);
    }

    public OperationOutcome check(ClaimValidationRequest request, PolicyProfile profile) {
        ClaimReferences references = ClaimReferences.of(request);
        try {
            AdaptedClaim adapted = adapter.adapt(request.claim(), references, profile);
            List<Finding> findings = engine.evaluate(adapted.facts());
            return renderer.render(List.of(), adapted.notes(), findings, references::inRequest);
        } catch (UnusableClaimException e) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.BUSINESSRULE).setDiagnostics(e.getMessage())
                    .addExpression(references.inRequest(e.expression()));
            return outcome;
        }
    }
}
