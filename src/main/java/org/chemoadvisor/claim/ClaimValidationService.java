package org.chemoadvisor.claim;

import java.util.List;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.fhir.StructuralValidator;
import org.chemoadvisor.metrics.AdviceMetrics;
import org.chemoadvisor.policy.PayerRulePacks;
import org.chemoadvisor.policy.PolicyProfileResolver;
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
    private final ClaimCheck check;
    private final PolicyProfileResolver profiles;
    private final PayerRulePacks packs;
    private final AdviceMetrics metrics;

    public ClaimValidationService(StructuralValidator structuralValidator, ClaimFactsAdapter adapter,
            PolicyProfileResolver profiles, PayerRulePacks packs, RuleEngine engine, ClaimOutcomeRenderer renderer,
            AdviceMetrics metrics) {
        this.structuralValidator = structuralValidator;
        this.check = new ClaimCheck(adapter, engine, renderer);
        this.profiles = profiles;
        this.packs = packs;
        this.metrics = metrics;
    }

    /**
     * @throws UnusableClaimException when the Claim has no item or a unusable quantity
     */
    public OperationOutcome validate(ClaimValidationRequest request) {
        List<String> payers = ClaimPayers.keys(request.claim(), ClaimReferences.of(request));
        PolicyProfile profile = profiles.resolve(request.profile(), payers);
        // A Bundle is validated whole: its Procedures are read too, and HAPI's locations then point into it.
        ClaimCheck.Checked checked = check.check(request, profile, packs.forPayers(payers), () -> request.structural()
                ? structuralValidator.validate(request.bundle() != null ? request.bundle() : request.claim(),
                        request.sentJson())
                : List.of());
        metrics.findings("claim-validate", checked.findings());
        return checked.outcome();
    }
}
