package org.chemoadvisor.claim;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.RuleCatalog;
import org.chemoadvisor.rules.RuleEngine;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The coding check of one Claim (or collection Bundle) as plain Java: the adapter, the rules and
 * the OperationOutcome renderer. {@code Claim/$validate} runs it with the payer's rule pack and
 * HAPI's structural messages ({@link ClaimValidationService}); jobs that run where the service does
 * not (Spark executors) run it rules-only, without Spring or a web server.
 */
public final class ClaimCheck {

    /** What the check found, and the OperationOutcome that says it. */
    public record Checked(List<Finding> findings, OperationOutcome outcome) {
    }

    private final ClaimFactsAdapter adapter;
    private final RuleEngine engine;
    private final ClaimOutcomeRenderer renderer;

    public ClaimCheck(FhirContext fhir, RulePack pack) {
        this(new ClaimFactsAdapter(pack), new RuleEngine(RuleCatalog.inPrecedenceOrder(), pack),
                new ClaimOutcomeRenderer(fhir));
    }

    ClaimCheck(ClaimFactsAdapter adapter, RuleEngine engine, ClaimOutcomeRenderer renderer) {
        this.adapter = adapter;
        this.engine = engine;
        this.renderer = renderer;
    }

    /** Rules only, with the pack this check was built on; a Claim that cannot be checked is an error issue. */
    public OperationOutcome check(ClaimValidationRequest request, PolicyProfile profile) {
        try {
            return check(request, profile, engine.pack(), List::of).outcome();
        } catch (UnusableClaimException e) {
            return unusable(e, request);
        }
    }

    /**
     * @param structural HAPI's messages, asked for only once the Claim has proved checkable
     * @throws UnusableClaimException when the Claim has no item or an unusable quantity
     */
    Checked check(ClaimValidationRequest request, PolicyProfile profile, RulePack pack,
            Supplier<List<SingleValidationMessage>> structural) {
        ClaimReferences references = ClaimReferences.of(request);
        AdaptedClaim adapted = adapter.adapt(request.claim(), references, profile);
        List<SingleValidationMessage> messages = structural.get();
        List<Finding> findings = engine.evaluate(adapted.facts(), pack);
        List<AdaptedClaim.AdapterNote> notes = new ArrayList<>(request.notes());
        notes.addAll(adapted.notes());
        return new Checked(findings, renderer.render(messages, notes, findings, references::inRequest));
    }

    /** The OperationOutcome for a Claim that cannot be checked, pointing into what was sent (request may be null). */
    public static OperationOutcome unusable(UnusableClaimException e, ClaimValidationRequest request) {
        String expression = request == null ? e.expression() : ClaimReferences.of(request).inRequest(e.expression());
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.BUSINESSRULE).setDiagnostics(e.getMessage())
                .addExpression(expression);
        return outcome;
    }
}
