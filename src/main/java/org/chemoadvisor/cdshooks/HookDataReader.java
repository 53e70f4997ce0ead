package org.chemoadvisor.cdshooks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chemoadvisor.cdshooks.adapt.AdaptedLines;
import org.chemoadvisor.cdshooks.adapt.MedicationRequestLines;
import org.chemoadvisor.cdshooks.adapt.ProcedureLines;
import org.chemoadvisor.cdshooks.adapt.ServiceRequestLines;
import org.chemoadvisor.cdshooks.api.CdsRequest;
import org.chemoadvisor.cdshooks.api.CdsServiceDefinition;
import org.chemoadvisor.cdshooks.data.FallbackDeadline;
import org.chemoadvisor.cdshooks.data.FhirJson;
import org.chemoadvisor.cdshooks.data.PrefetchResolver;
import org.chemoadvisor.rulepack.RulePack;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Reads the lines a hook is about, and the supporting data (Conditions, Coverage) they need. What has
 * to be read from fhirServer is read within one deadline per hook call ({@link #startDeadline()}).
 */
@Component
class HookDataReader {

    static final String PROCEDURES = "procedures";
    static final String CONDITIONS = "conditions";
    static final String COVERAGE = "coverage";
    /** Recent chemodenervation Procedures (CHEMO-40, CHEMO-41); without them those rules see no history. */
    static final String HISTORY = "history";

    private final FhirJson fhirJson;
    private final PrefetchResolver prefetch;
    private final RulePack rulePack;

    HookDataReader(FhirJson fhirJson, PrefetchResolver prefetch, RulePack rulePack) {
        this.fhirJson = fhirJson;
        this.prefetch = prefetch;
        this.rulePack = rulePack;
    }

    /** The deadline the fallback reads of one hook call share, starting now: pass it to both reads below. */
    FallbackDeadline startDeadline() {
        return prefetch.startDeadline();
    }

    /**
     * The orders in context (ServiceRequests, and toxin MedicationRequests as drug lines), or the
     * encounter's Procedures; 412 when the Procedures cannot be got.
     */
    AdaptedLines lines(Hook hook, CdsServiceDefinition service, CdsRequest request, FallbackDeadline deadline) {
        if (hook.reviewsOrders()) {
            Resource draftOrders = fhirJson.parse(request.context().get("draftOrders"), "context.draftOrders");
            if (!(draftOrders instanceof Bundle bundle)) {
                throw CdsHooksException.badRequest("invalid_fhir_resource",
                        "context.draftOrders must be a FHIR Bundle, not " + draftOrders.fhirType());
            }
            return MedicationRequestLines.appendTo(ServiceRequestLines.from(bundle), bundle, rulePack);
        }
        List<Resource> procedures = prefetch.resolve(service, request, PROCEDURES, deadline)
                .orElseThrow(() -> CdsHooksException.dataUnavailable(List.of(PROCEDURES),
                        "The encounter's Procedures were not prefetched and could not be read from fhirServer"
                                + " (absent, not on this service's allowlist, not answering in time,"
                                + " or answering with too much)"));
        return ProcedureLines.from(procedures);
    }

    HookData supportingData(Hook hook, CdsServiceDefinition service, CdsRequest request, AdaptedLines lines,
            FallbackDeadline deadline) {
        List<String> unavailable = new ArrayList<>();
        List<Resource> conditions = optional(service, request, CONDITIONS, deadline, unavailable);
        List<Resource> coverages = optional(service, request, COVERAGE, deadline, unavailable);
        List<Resource> history = optional(service, request, HISTORY, deadline, unavailable);
        Set<String> selections = new LinkedHashSet<>();
        if (hook == Hook.ORDER_SELECT) {
            request.context().get("selections").forEach(node -> selections.add(node.asText()));
        }
        return new HookData(lines, conditions, coverages, history, unavailable, selections);
    }

    private List<Resource> optional(CdsServiceDefinition service, CdsRequest request, String key,
            FallbackDeadline deadline, List<String> unavailable) {
        if (!service.prefetch().containsKey(key)) {
            return List.of();
        }
        Optional<List<Resource>> resources = prefetch.resolve(service, request, key, deadline);
        if (resources.isEmpty()) {
            unavailable.add(key);
        }
        return resources.orElse(List.of());
    }
}
