package org.chemoadvisor.cdshooks.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A CDS Hooks 2.0 service call. {@code context} and {@code prefetch} stay JSON here: the FHIR
 * resources inside them are parsed by HAPI, not by Jackson.
 */
public record CdsRequest(
        String hook,
        String hookInstance,
        String fhirServer,
        FhirAuthorization fhirAuthorization,
        JsonNode context,
        Map<String, JsonNode> prefetch) {
}
