package org.chemoadvisor.fhir;

import org.hl7.fhir.utilities.http.ManagedWebAccess;
import org.hl7.fhir.utilities.http.ManagedWebAccess.WebAccessPolicy;

/**
 * Keeps the HL7 validator library (org.hl7.fhir.core, under HAPI's instance validator) off the network.
 *
 * <p>All its web access (package registries, CI build list, terminology servers) goes through
 * {@link ManagedWebAccess}, whose policy is process-wide and, for legacy reasons, {@code DIRECT} by default.
 * The service validates against the R4 definitions on its class path and needs none of it; a request that
 * got the validator to look something up (an ImplementationGuide's {@code dependsOn}) would otherwise block a
 * request thread on registries chosen by HL7 and queried with the caller's values. HAPI's own REST client
 * (the CDS Hooks fallback) does not use this class and is not affected.
 */
public final class ValidatorNetworkAccess {

    private ValidatorNetworkAccess() {
    }

    public static void prohibit() {
        ManagedWebAccess.setAccessPolicy(WebAccessPolicy.PROHIBITED);
    }
}
