package org.chemoadvisor.bulk;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
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
    private final ExportClaimCheck exportCheck;

    ClaimReviewer(FhirContext fhir, RulePack pack, boolean structural, String profile) {
        PolicyProperties policy = new PolicyProperties("medicare", Map.of());
        PolicyProfileResolver profiles = new PolicyProfileResolver(policy);
        PayerRulePacks packs = new PayerRulePacks(pack, policy, new DefaultResourceLoader());
        RuleEngine engine = new RuleEngine(RuleCatalog.inPrecedenceOrder(), pack);
        this.service = new ClaimValidationService(structural ? new StructuralValidator(fhir) : null,
                new ClaimFactsAdapter(pack), profiles, packs, engine, new ClaimOutcomeRenderer(fhir),
                AdviceMetrics.none());
        this.structural = structural;
        this.profile = profile;
        // No payer is mapped to a profile or pack in a bulk review, so both are the run's whatever the claim says.
        this.exportCheck = structural ? null
                : new ExportClaimCheck(engine, packs.defaultPack(), profiles.resolve(profile, List.of()));
    }

    /** The same rules-only check for claims read without HAPI; null when the review validates structure too. */
    ExportClaimCheck exportCheck() {
        return exportCheck;
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
