package org.chemoadvisor.claim;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Reference;

/**
 * The payer identifiers and names a Claim carries, in the order the policy profile resolver
 * should try them: each insurance's coverage (identifier, display) and, for a contained
 * Coverage or one sent with the Claim in a Bundle, its payors (identifier, display); then the
 * Claim's insurer.
 */
final class ClaimPayers {

    private ClaimPayers() {
    }

    static List<String> keys(Claim claim) {
        return keys(claim, ClaimReferences.standalone(claim));
    }

    /** As {@link #keys(Claim)}, the Coverage also found in the Bundle the Claim came in. */
    static List<String> keys(Claim claim, ClaimReferences references) {
        List<String> keys = new ArrayList<>();
        for (Claim.InsuranceComponent insurance : claim.getInsurance()) {
            Reference coverage = insurance.getCoverage();
            addReference(keys, coverage);
            references.resolve(coverage.getReference())
                    .filter(found -> found.resource() instanceof Coverage)
                    .ifPresent(found -> ((Coverage) found.resource()).getPayor().forEach(p -> addReference(keys, p)));
        }
        addReference(keys, claim.getInsurer());
        return keys;
    }

    private static void addReference(List<String> keys, Reference reference) {
        if (reference.hasIdentifier() && reference.getIdentifier().hasValue()) {
            keys.add(reference.getIdentifier().getValue());
        }
        if (reference.hasDisplay()) {
            keys.add(reference.getDisplay());
        }
    }
}
