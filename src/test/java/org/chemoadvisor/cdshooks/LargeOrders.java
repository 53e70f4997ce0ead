package org.chemoadvisor.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chemoadvisor.cdshooks.adapt.FhirCodes;

/**
 * Oversized order-sign requests built from the contract example of 64645 with modifier 50
 * ({@code order-sign/03-bilateral-modifier-on-addon}: sr-64644, and sr-64645 carrying 50).
 */
final class LargeOrders {

    static final String EXAMPLE = "order-sign/03-bilateral-modifier-on-addon";

    private LargeOrders() {
    }

    /** The example with sr-64645 carrying modifier 50 {@code count} times. */
    static ObjectNode bilateralModifiers(int count) {
        ObjectNode request = (ObjectNode) Examples.named(EXAMPLE).request().deepCopy();
        ArrayNode details = order(request, 1).putArray("orderDetail");
        for (int i = 0; i < count; i++) {
            details.addObject().putArray("coding").addObject().put("system", FhirCodes.MODIFIER_SYSTEM).put("code", "50");
        }
        return request;
    }

    /**
     * The example with {@code count} more 64645 orders, each with modifier 50 and its own id: as
     * many distinct CHEMO-06 findings, one per order.
     */
    static ObjectNode manyBilateralOrders(int count) {
        ObjectNode request = (ObjectNode) Examples.named(EXAMPLE).request().deepCopy();
        ArrayNode entries = (ArrayNode) request.at("/context/draftOrders/entry");
        JsonNode model = entries.get(1);
        for (int i = 0; i < count; i++) {
            ObjectNode entry = model.deepCopy();
            ((ObjectNode) entry.path("resource")).put("id", "sr-64645-" + i);
            entries.add(entry);
        }
        return request;
    }

    static ObjectNode order(JsonNode request, int index) {
        return (ObjectNode) request.at("/context/draftOrders/entry/" + index + "/resource");
    }
}
