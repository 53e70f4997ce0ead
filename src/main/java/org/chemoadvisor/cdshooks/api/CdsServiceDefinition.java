package org.chemoadvisor.cdshooks.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** One entry of the discovery document. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CdsServiceDefinition(
        String hook,
        String id,
        String title,
        String description,
        Map<String, String> prefetch,
        String usageRequirements) {

    public CdsServiceDefinition {
        prefetch = prefetch == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(prefetch));
    }
}
