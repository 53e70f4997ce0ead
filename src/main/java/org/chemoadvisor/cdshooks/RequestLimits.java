package org.chemoadvisor.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.chemoadvisor.cdshooks.api.CdsRequest;
import org.chemoadvisor.cdshooks.api.CdsServiceDefinition;

/**
 * Refuses a service call whose resources repeat elements beyond {@code cds.limits.*}, on the
 * request's JSON before HAPI parses anything: each repetition could become a finding, and each
 * finding a card carrying its resource, so an answer would grow with the square of the input.
 * Bundle entries count against {@code max-resources}, every other repeating element of the
 * resources (at any depth, contained resources included) against {@code max-repetitions}. The
 * 400 names the element by its FHIR path, never by what it held.
 */
final class RequestLimits {

    static final String MAX_RESOURCES = "cds.limits.max-resources";
    static final String MAX_REPETITIONS = "cds.limits.max-repetitions";

    /** The prefetch keys the services read; others are not parsed, so not checked. */
    private static final List<String> READ_KEYS = List.of(HookDataReader.PROCEDURES, HookDataReader.CONDITIONS,
            HookDataReader.COVERAGE, HookDataReader.HISTORY);
    /** FHIR element and resource type names; anything else is not echoed. */
    private static final Pattern NAME = Pattern.compile("_?[A-Za-z][A-Za-z0-9]{0,63}(\\[x\\])?");
    private static final int MAX_PATH_SEGMENTS = 8;

    private final CdsRequestProperties.Limits limits;

    RequestLimits(CdsRequestProperties.Limits limits) {
        this.limits = limits;
    }

    void check(Hook hook, CdsServiceDefinition service, CdsRequest request) {
        JsonNode context = request.context();
        if (hook.reviewsOrders()) {
            check(context.path("draftOrders"), "context.draftOrders");
        }
        if (hook == Hook.ORDER_SELECT && context.path("selections").size() > limits.maxResources()) {
            throw tooMany("too_many_resources", "context.selections", context.path("selections").size(),
                    limits.maxResources(), MAX_RESOURCES);
        }
        Map<String, JsonNode> prefetch = request.prefetch();
        if (prefetch != null) {
            for (String key : READ_KEYS) {
                JsonNode slot = prefetch.get(key);
                if (slot != null && service.prefetch().containsKey(key)) {
                    check(slot, "prefetch." + key);
                }
            }
        }
    }

    private void check(JsonNode node, String where) {
        new Walk(where).visit(node, null);
    }

    /** One depth-first walk over a context or prefetch value; the path is kept as element names. */
    private final class Walk {

        private final String where;
        private final List<String> path = new ArrayList<>();

        Walk(String where) {
            this.where = where;
        }

        /** {@code type}: the resource type the node is inside of, null outside any resource. */
        void visit(JsonNode node, String type) {
            if (node.isArray()) {
                for (JsonNode element : node) {
                    visit(element, type);
                }
                return;
            }
            if (!node.isObject()) {
                return;
            }
            JsonNode resourceType = node.get("resourceType");
            List<String> outer = null;
            if (resourceType != null && resourceType.isTextual()) {
                // A resource (the value itself, a Bundle entry, a contained one): its paths start at its type.
                outer = new ArrayList<>(path);
                path.clear();
                type = resourceType.asText();
                path.add(type);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (!value.isContainerNode()) {
                    continue;
                }
                path.add(field.getKey());
                if (value.isArray()) {
                    boolean entries = "Bundle".equals(type) && path.size() == 2 && "entry".equals(field.getKey());
                    int limit = entries ? limits.maxResources() : limits.maxRepetitions();
                    if (value.size() > limit) {
                        throw tooMany(entries ? "too_many_resources" : "too_many_repetitions",
                                where + ": " + element(), value.size(), limit,
                                entries ? MAX_RESOURCES : MAX_REPETITIONS);
                    }
                }
                visit(value, type);
                path.remove(path.size() - 1);
            }
            if (outer != null) {
                path.clear();
                path.addAll(outer);
            }
        }

        /** The element's path (e.g. ServiceRequest.orderDetail); names no FHIR element could have are not quoted. */
        private String element() {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < path.size() && i < MAX_PATH_SEGMENTS; i++) {
                String name = path.get(i);
                names.add(NAME.matcher(name).matches() ? name : i == 0 ? "(resource)" : "(element)");
            }
            if (names.isEmpty()) {
                names.add("(element)");
            }
            return String.join(".", names) + (path.size() > MAX_PATH_SEGMENTS ? ".\u2026" : "");
        }
    }

    private static CdsHooksException tooMany(String error, String element, int count, int limit, String setting) {
        return CdsHooksException.badRequest(error, element + " has " + count + " entries; at most " + limit
                + " are accepted (" + setting + ")");
    }
}
