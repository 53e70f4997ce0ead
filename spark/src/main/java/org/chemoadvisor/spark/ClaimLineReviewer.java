package org.chemoadvisor.spark;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.function.UnaryOperator;
import org.chemoadvisor.bulk.ClaimBundles;
import org.chemoadvisor.claim.ClaimCheck;
import org.chemoadvisor.claim.ClaimValidationRequest;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.RuleIds;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.Resource;

/**
 * One NDJSON line (a Claim, or a collection Bundle with its Procedures) to its review, on an
 * executor: the service's adapter, rules and rule pack through {@link ClaimCheck}, loaded once per
 * executor JVM (the rule pack and HAPI's context are what is costly, and both are thread-safe).
 */
final class ClaimLineReviewer {

    private static final class Shared {
        static final FhirContext FHIR = FhirContext.forR4Cached();
        static final RulePack PACK = RulePackLoader.loadBundled();
        static final ClaimCheck CHECK = new ClaimCheck(FHIR, PACK);
    }

    private ClaimLineReviewer() {
    }

    static IParser parser() {
        return Shared.FHIR.newJsonParser();
    }

    static CodeSets codeSets() {
        return Shared.PACK.codeSets();
    }

    /** @param withRecord the Bundle to check a Claim (or the Bundle it came in) in */
    static ReviewedClaim review(String line, PolicyProfile profile, UnaryOperator<Resource> withRecord) {
        IParser parser = Shared.FHIR.newJsonParser();
        Resource resource;
        try {
            resource = (Resource) parser.parseResource(line);
        } catch (RuntimeException e) {
            return ReviewedClaim.problem("not a FHIR R4 resource");
        }
        if (ClaimBundles.claimOf(resource) == null) {
            return ReviewedClaim.problem(resource.fhirType() + " is neither a Claim nor a collection Bundle with one Claim");
        }
        ClaimValidationRequest request = request(withRecord.apply(resource));
        OperationOutcome outcome = Shared.CHECK.check(request, profile);
        Claim claim = request.claim();
        ReviewedClaim reviewed = new ReviewedClaim();
        reviewed.claimId = claim.getIdElement().getIdPart();
        String date = claim.getBillablePeriod().hasStart() ? claim.getBillablePeriod().getStartElement().asStringValue()
                : "";
        reviewed.month = date.length() >= 7 ? date.substring(0, 7) : "unknown";
        outcome.setId(reviewed.claimId);
        reviewed.outcome = parser.encodeResourceToString(outcome);
        outcome.getIssue().forEach(issue -> {
            reviewed.error |= issue.getSeverity() == IssueSeverity.ERROR || issue.getSeverity() == IssueSeverity.FATAL;
            issue.getDetails().getCoding().stream().filter(c -> RuleIds.SYSTEM.equals(c.getSystem())).findFirst()
                    .ifPresent(rule -> reviewed.findings.add(new ReviewedClaim.Finding(reviewed.claimId, date,
                            reviewed.month, rule.getCode(), issue.getSeverity().toCode(),
                            String.join(" ", issue.getExpression().stream().map(e -> e.getValue()).toList()),
                            issue.getDetails().getText(), issue.getDiagnostics())));
        });
        return reviewed;
    }

    private static ClaimValidationRequest request(Resource resource) {
        if (resource instanceof Claim claim) {
            return new ClaimValidationRequest(claim, false, null);
        }
        Bundle bundle = (Bundle) resource;
        int entry = ClaimBundles.claimEntry(bundle);
        return new ClaimValidationRequest((Claim) bundle.getEntry().get(entry).getResource(), false, null, bundle, entry);
    }
}
