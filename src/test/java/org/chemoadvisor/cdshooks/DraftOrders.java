package org.chemoadvisor.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Applies suggestion actions to the draft orders (or the prefetched Procedures) of a request, as an
 * EHR would when the user accepts a suggestion: {@code update} replaces the resource with the same
 * type and id, {@code create} adds one, {@code delete} removes the ones named in {@code resourceId}.
 */
final class DraftOrders {

    private DraftOrders() {
    }

    /** Applies the suggestion's actions to {@code request.context.draftOrders} in place. */
    static void apply(ObjectNode request, JsonNode suggestion) {
        applyTo((ArrayNode) request.path("context").path("draftOrders").path("entry"), suggestion);
    }

    /** Applies the suggestion's actions to the encounter's Procedures, {@code request.prefetch.procedures}, in place. */
    static void applyToProcedures(ObjectNode request, JsonNode suggestion) {
        applyTo((ArrayNode) request.path("prefetch").path("procedures").path("entry"), suggestion);
    }

    private static void applyTo(ArrayNode entries, JsonNode suggestion) {
        for (JsonNode action : suggestion.path("actions")) {
            switch (action.path("type").asText()) {
                case "update" -> replace(entries, action.path("resource"));
                case "create" -> entries.addObject().set("resource", action.path("resource").deepCopy());
                case "delete" -> remove(entries, action.path("resourceId").asText());
                default -> throw new IllegalArgumentException("Unknown action type " + action.path("type"));
            }
        }
    }

    private static void replace(ArrayNode entries, JsonNode resource) {
        int index = indexOf(entries, reference(resource));
        if (index < 0) {
            throw new IllegalArgumentException("update names no resource of the request: " + reference(resource));
        }
        ((ObjectNode) entries.get(index)).set("resource", resource.deepCopy());
    }

    private static void remove(ArrayNode entries, String reference) {
        int index = indexOf(entries, reference);
        if (index < 0) {
            throw new IllegalArgumentException("delete names no resource of the request: " + reference);
        }
        entries.remove(index);
    }

    private static int indexOf(ArrayNode entries, String reference) {
        for (int i = 0; i < entries.size(); i++) {
            if (reference(entries.get(i).path("resource")).equals(reference)) {
                return i;
            }
        }
        return -1;
    }

    private static String reference(JsonNode resource) {
        return resource.path("resourceType").asText() + "/" + resource.path("id").asText();
    }
}
