package org.chemoadvisor.cdshooks;

import org.chemoadvisor.web.CallerText;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.chemoadvisor.cdshooks.api.CdsRequest;
import org.chemoadvisor.cdshooks.api.CdsServiceDefinition;

/** Checks the shape of a service call before anything is parsed or fetched; each failure names the field. */
final class RequestValidator {

    /** FHIR id: ids go into prefetch queries, so nothing else may pass. */
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private RequestValidator() {
    }

    static Hook validate(CdsServiceDefinition service, CdsRequest request) {
        if (request == null) {
            throw bad("missing_body", "The request body is empty");
        }
        require(request.hook(), "hook");
        require(request.hookInstance(), "hookInstance");
        if (request.context() == null || !request.context().isObject()) {
            throw bad("missing_context", "context is required and must be a JSON object");
        }
        if (request.fhirAuthorization() != null) {
            require(request.fhirServer(), "fhirServer", "fhirServer is required when fhirAuthorization is given");
            require(request.fhirAuthorization().accessToken(), "fhirAuthorization.access_token");
        }
        if (!service.hook().equals(request.hook())) {
            throw bad("hook_mismatch", "Service " + service.id() + " answers the " + service.hook()
                    + " hook, not " + CallerText.quote(request.hook()));
        }
        Hook hook = Hook.fromId(service.hook()).orElseThrow();
        JsonNode context = request.context();
        requireId(context, "patientId");
        if (hook.reviewsOrders()) {
            if (!context.path("draftOrders").isObject()) {
                throw bad("missing_context_field", "context.draftOrders is required: a FHIR Bundle of the draft orders");
            }
        } else {
            requireId(context, "encounterId");
        }
        if (hook == Hook.ORDER_SELECT) {
            JsonNode selections = context.path("selections");
            if (!selections.isArray() || selections.isEmpty()
                    || !selectionsAreStrings(selections)) {
                throw bad("missing_context_field",
                        "context.selections is required: references to the selected orders, e.g. \"ServiceRequest/123\"");
            }
        }
        return hook;
    }

    private static boolean selectionsAreStrings(JsonNode selections) {
        for (JsonNode selection : selections) {
            if (!selection.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static void requireId(JsonNode context, String field) {
        JsonNode value = context.path(field);
        if (!value.isTextual()) {
            throw bad("missing_context_field", "context." + field + " is required");
        }
        if (!FHIR_ID.matcher(value.asText()).matches()) {
            throw bad("invalid_context_field", "context." + field + " is not a FHIR resource id");
        }
    }

    private static void require(String value, String field) {
        require(value, field, field + " is required");
    }

    private static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw bad("missing_" + field.replace('.', '_'), message);
        }
    }

    private static CdsHooksException bad(String error, String message) {
        return CdsHooksException.badRequest(error, message);
    }
}
