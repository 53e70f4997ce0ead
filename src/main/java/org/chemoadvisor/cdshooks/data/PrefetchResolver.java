package org.chemoadvisor.cdshooks.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chemoadvisor.cdshooks.api.CdsRequest;
import org.chemoadvisor.cdshooks.api.CdsServiceDefinition;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Gets the resources of one prefetch key: from the request's prefetch when the client sent it
 * ({@code null} means known to be absent), else from {@code fhirServer} through the fallback.
 * An OperationOutcome in a prefetch slot means the client's prefetch failed, so it is fetched.
 * All the fallback reads of one hook call share one {@link FallbackDeadline} ({@link #startDeadline()}).
 */
@Component
public class PrefetchResolver {

    private final FhirJson fhirJson;
    private final FallbackFetcher fallback;

    public PrefetchResolver(FhirJson fhirJson, FallbackFetcher fallback) {
        this.fhirJson = fhirJson;
        this.fallback = fallback;
    }

    /** The deadline for the fallback reads of one hook call, starting now. */
    public FallbackDeadline startDeadline() {
        return fallback.startDeadline();
    }

    /**
     * The resources, or empty when they could be got neither way (a fallback read that was refused,
     * failed, ran out of {@code deadline} or passed the size cap).
     */
    public Optional<List<Resource>> resolve(CdsServiceDefinition service, CdsRequest request, String key,
            FallbackDeadline deadline) {
        if (request.prefetch() != null && request.prefetch().containsKey(key)) {
            JsonNode slot = request.prefetch().get(key);
            if (slot == null || slot.isNull()) {
                return Optional.of(List.of());
            }
            Resource resource = fhirJson.parse(slot, "prefetch." + key);
            if (!(resource instanceof OperationOutcome)) {
                return Optional.of(contents(resource));
            }
        }
        String template = service.prefetch().get(key);
        if (template == null) {
            return Optional.empty();
        }
        return PrefetchTemplate.expand(template, request.context())
                .flatMap(query -> fallback.fetch(key, request.fhirServer(), request.fhirAuthorization(), query,
                        deadline))
                .map(PrefetchResolver::contents);
    }

    private static List<Resource> contents(Resource resource) {
        if (!(resource instanceof Bundle bundle)) {
            return List.of(resource);
        }
        List<Resource> resources = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() != null && !(entry.getResource() instanceof OperationOutcome)) {
                resources.add(entry.getResource());
            }
        }
        return resources;
    }
}
