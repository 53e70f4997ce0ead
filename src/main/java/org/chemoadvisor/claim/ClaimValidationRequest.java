package org.chemoadvisor.claim;

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
 */
public record ClaimValidationRequest(Claim claim, boolean structural, String profile, Bundle bundle, int claimEntry) {

    public ClaimValidationRequest(Claim claim, boolean structural, String profile) {
        this(claim, structural, profile, null, -1);
    }
}
