package org.chemoadvisor.fhir;

/**
 * Marks a Spring bean as a HAPI plain provider (methods annotated {@code @Validate},
 * {@code @Operation}, ...) to be registered on the FHIR server at {@code /fhir}.
 */
public interface FhirOperationProvider {

    /**
     * Whether every operation of this provider takes the request body as a String and parses it
     * itself. HAPI then need not parse a POSTed body into a resource before the call (for
     * {@code Claim/$validate} that parse was ~9% of the request's CPU, thrown away unread).
     */
    default boolean parsesItsOwnRequestBody() {
        return false;
    }
}
