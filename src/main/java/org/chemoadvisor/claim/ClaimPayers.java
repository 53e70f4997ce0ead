package org.chemoadvisor.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The payer identifiers and names a Claim carries, in the order the policy profile resolver
 * should try them: each insurance's coverage (identifier, display) and, for a contained
 * Coverage, its payors (identifier, display); then the Claim's insurer.
 */
final class ClaimPayers {

    private ClaimPayers() {
    }

    static List<String> keys(Claim claim) {
        List<String> keys = new ArrayList<>();
        for (Claim.InsuranceComponent insurance : claim.getInsurance()) {
            Reference coverage = insurance.getCoverage();
            addReference(keys, coverage);
            containedCoverage(claim, coverage).ifPresent(c -> c.getPayor().forEach(p -> addReference(keys, p)));
        }
        addReference(keys, claim.getInsurer());
        return keys;
    }

    private static Optional<Coverage> containedCoverage(Claim claim, Reference reference) {
        String ref = reference.getReference();
        if (ref == null || !ref.startsWith("#")) {
            return Optional.empty();
        }
        String id = ref.substring(1);
        for (Resource contained : claim.getContained()) {
            if (contained instanceof Coverage coverage && id.equals(withoutHash(contained.getIdElement().getIdPart()))) {
                return Optional.of(coverage);
            }
        }
        return Optional.empty();
    }

    private static String withoutHash(String id) {
        return id != null && id.startsWith("#") ? id.substring(1) : id;
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
