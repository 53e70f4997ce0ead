package org.chemoadvisor.fhir;

/**
 * Marks a Spring bean as a HAPI plain provider (methods annotated {@code @Validate},
 * {@code @Operation}, ...) to be registered on the FHIR server at {@code /fhir}.
 */
public interface FhirOperationProvider {
}
