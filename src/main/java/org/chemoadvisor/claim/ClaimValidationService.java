package org.chemoadvisor.claim;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.fhir.StructuralValidator;
import org.chemoadvisor.metrics.AdviceMetrics;
import org.chemoadvisor.policy.PayerRulePacks;
import org.chemoadvisor.policy.PolicyProfileResolver;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.RuleEngine;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Service;

/**
 * Checks one Claim, alone or in a collection Bundle: HAPI's structural validation (optional), then
 * the coding rules.
 */
@Service
public class ClaimValidationService {

    private final StructuralValidator structuralValidator;
    private final ClaimFactsAdapter adapter;
    private final PolicyProfileResolver profiles;
    private final PayerRulePacks packs;
    private final RuleEngine engine;
    private final ClaimOutcomeRenderer renderer;
    private final AdviceMetrics metrics;

    public ClaimValidationService(StructuralValidator structuralValidator, ClaimFactsAdapter adapter,
            PolicyProfileResolver profiles, PayerRulePacks packs, RuleEngine engine, ClaimOutcomeRenderer renderer,
            AdviceMetrics metrics) {
        this.metrics = metrics;
        this.structuralValidator = structuralValidator;
        this.adapter = adapter;
        this.profiles = profiles;
        this.packs = packs;
        this.engine = engine;
        this.renderer = renderer;
    }

    /**
     * @throws UnusableClaimException when the Claim has no item or a unusable quantity
     */
    public OperationOutcome validate(ClaimValidationRequest request) {
        ClaimReferences references = ClaimReferences.of(request);
        List<String> payers = ClaimPayers.keys(request.claim(), references);
        PolicyProfile profile = profiles.resolve(request.profile(), payers);
        AdaptedClaim adapted = adapter.adapt(request.claim(), references, profile);
        // A Bundle is validated whole: its Procedures are read too, and HAPI's locations then point into it.
        List<SingleValidationMessage> structural = request.structural()
                ? structuralValidator.validate(request.bundle() != null ? request.bundle() : request.claim())
                : List.of();
        List<Finding> findings = engine.evaluate(adapted.facts(), packs.forPayers(payers));
        metrics.findings("claim-validate", findings);
        List<AdaptedClaim.AdapterNote> notes = new ArrayList<>(request.notes());
        notes.addAll(adapted.notes());
        return renderer.render(structural, notes, findings, references::inRequest);
    }
}
