package org.chemoadvisor.claim;

import org.hl7.fhir.r4.model.Claim;

/**
 * A Claim to check and how.
 *
 * @param claim       the Claim
 * @param structural  whether to run HAPI's structural validation too
 * @param profile     the policy profile the caller asked for ({@code medicare}, {@code commercial}), or null
 */
public record ClaimValidationRequest(Claim claim, boolean structural, String profile) {
}
