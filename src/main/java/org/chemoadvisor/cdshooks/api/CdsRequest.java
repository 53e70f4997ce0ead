package org.chemoadvisor.cdshooks.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * A CDS Hooks 2.0 service call. {@code context} and {@code prefetch} stay JSON here: the FHIR
 * resources inside them are parsed by HAPI, not by Jackson.
 */
public record CdsRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"order-select", "order-sign", "encounter-discharge"}) String hook,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "a UUID for this hook call")
        String hookInstance,
        @Schema(description = "base URL of the EHR's FHIR server, for data not prefetched") String fhirServer,
        FhirAuthorization fhirAuthorization,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "the hook's context: userId, patientId, encounterId, draftOrders (a FHIR Bundle), "
                        + "selections") JsonNode context,
        @Schema(description = "prefetched FHIR resources by prefetch key (patient, conditions, coverage, "
                + "procedures, history), or null when there were none") Map<String, JsonNode> prefetch) {
}
