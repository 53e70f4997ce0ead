package org.chemoadvisor.bulk;

import ca.uhn.fhir.context.FhirContext;
import java.util.Map;
import org.chemoadvisor.claim.ClaimCheck;
import org.chemoadvisor.claim.ClaimFactsAdapter;
import org.chemoadvisor.claim.ClaimOutcomeRenderer;
import org.chemoadvisor.claim.ClaimValidationRequest;
import org.chemoadvisor.claim.ClaimValidationService;
import org.chemoadvisor.claim.UnusableClaimException;
import org.chemoadvisor.fhir.StructuralValidator;
import org.chemoadvisor.metrics.AdviceMetrics;
import org.chemoadvisor.policy.PayerRulePacks;
import org.chemoadvisor.policy.PolicyProfileResolver;
import org.chemoadvisor.policy.PolicyProperties;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.RuleCatalog;
import org.chemoadvisor.rules.RuleEngine;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * One Claim (or collection Bundle) to the OperationOutcome {@code Claim/$validate} answers for it:
 * the same adapter, rules, rule pack and renderer, assembled without Spring or a web server. A
 * Claim from a Claim file is sent with what it references and its patient's Procedures, as a
 * collection Bundle, as {@code $validate} takes it; the patient's lines on the other claims of the
 * input are added as earlier Procedures ({@link OtherClaims}).
 */
final class ClaimReviewer {

    private final ClaimValidationService service;
    private final boolean structural;
    private final String profile;

    ClaimReviewer(FhirContext fhir, RulePack pack, boolean structural, String profile) {
        PolicyProperties policy = new PolicyProperties("medicare", Map.of());
        this.service = new ClaimValidationService(structural ? new StructuralValidator(fhir) : null,
                new ClaimFactsAdapter(pack), new PolicyProfileResolver(policy),
                new PayerRulePacks(pack, policy, new DefaultResourceLoader()),
                new RuleEngine(RuleCatalog.inPrecedenceOrder(), pack), new ClaimOutcomeRenderer(fhir),
                AdviceMetrics.none());
        this.structural = structural;
        this.profile = profile;
    }

    OperationOutcome review(Resource resource, SupportingResources supporting, OtherClaims otherClaims) {
        Bundle bundle = ClaimBundles.withRecord(resource, supporting, otherClaims);
        int entry = ClaimBundles.claimEntry(bundle);
        ClaimValidationRequest request = new ClaimValidationRequest((Claim) bundle.getEntry().get(entry).getResource(),
                structural, profile, bundle, entry);
        try {
            return service.validate(request);
        } catch (UnusableClaimException e) {
            return ClaimCheck.unusable(e, request);
        }
    }
}
