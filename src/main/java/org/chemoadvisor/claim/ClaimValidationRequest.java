package org.chemoadvisor.claim;

import java.util.List;
import org.chemoadvisor.claim.AdaptedClaim.AdapterNote;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;

/**
 * A Claim to check and how.
 *
 * @param claim       the Claim
 * @param structural  whether to run HAPI's structural validation too
 * @param profile     the policy profile the caller asked for ({@code medicare}, {@code commercial}), or null
 * @param bundle      the collection Bundle the Claim came in (with its Procedures, Patient, Coverage), or null
 * @param claimEntry  the Claim's position in {@code bundle.entry}; -1 without a Bundle
 * @param notes       what reading the request set aside and says so (a Bundle.signature not verified)
 * @param sentJson    the JSON text of what structural validation validates (the Bundle, else the Claim) when the
 *                    caller sent that resource as the whole body and nothing was set aside from it; else null
 */
public record ClaimValidationRequest(Claim claim, boolean structural, String profile, Bundle bundle, int claimEntry,
        List<AdapterNote> notes, String sentJson) {

    public ClaimValidationRequest {
        notes = List.copyOf(notes);
    }

    public ClaimValidationRequest(Claim claim, boolean structural, String profile, Bundle bundle, int claimEntry,
            List<AdapterNote> notes) {
        this(claim, structural, profile, bundle, claimEntry, notes, null);
    }

    public ClaimValidationRequest(Claim claim, boolean structural, String profile, Bundle bundle, int claimEntry) {
        this(claim, structural, profile, bundle, claimEntry, List.of());
    }

    public ClaimValidationRequest(Claim claim, boolean structural, String profile) {
        this(claim, structural, profile, null, -1);
    }
}
