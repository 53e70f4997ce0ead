package org.chemoadvisor.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Structural mutations of a JSON document at random places: each returns a new JSON text. */
final class JsonMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PLACEHOLDER = "\"@@RAW@@\"";
    private static final List<String> RESOURCE_TYPES = List.of("Patient", "Bundle", "Parameters", "OperationOutcome",
            "Claim", "ServiceRequest", "Procedure", "Foo", "", "claim", "Claim ", "DomainResource");
    private static final List<String> HOOKS = List.of("patient-view", "order-select", "order-sign",
            "encounter-discharge", "ORDER-SIGN", "", "order_sign", "appointment-book", "../../etc/passwd");

    private final Random random;

    JsonMutations(Random random) {
        this.random = random;
    }

    /** A value somewhere replaced by one of another JSON type (string, number, array, object, null, boolean). */
    String typeSwap(JsonNode document) {
        JsonNode copy = document.deepCopy();
        Slot slot = randomSlot(copy);
        slot.set(otherType(slot.get()));
        return Examples.text(copy);
    }

    /** A member removed from a random object, often one the service requires. */
    String deleteField(JsonNode document) {
        JsonNode copy = document.deepCopy();
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(copy, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        if (!names.isEmpty()) {
            target.remove(names.get(random.nextInt(names.size())));
        }
        return Examples.text(copy);
    }

    /** Every resourceType in the document (or one) replaced by another type or nonsense. */
    String wrongResourceType(JsonNode document) {
        JsonNode copy = document.deepCopy();
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(copy, objects);
        List<ObjectNode> resources = objects.stream().filter(o -> o.has("resourceType")).toList();
        if (resources.isEmpty()) {
            return typeSwap(document);
        }
        resources.get(random.nextInt(resources.size())).put("resourceType", pick(RESOURCE_TYPES));
        return Examples.text(copy);
    }

    /** A CDS Hooks request naming a hook this service does not answer. */
    String unknownHook(JsonNode document) {
        JsonNode copy = document.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.put("hook", random.nextBoolean() ? pick(HOOKS) : "hook-" + random.nextInt(1000));
        }
        return Examples.text(copy);
    }

    /** A random value replaced by {@code raw} (a JSON text no tree can hold, e.g. 10,000 levels deep). */
    String withRawValue(JsonNode document, String raw) {
        JsonNode copy = document.deepCopy();
        randomSlot(copy).set(NODES.textNode("@@RAW@@"));
        String text = Examples.text(copy);
        int at = text.indexOf(PLACEHOLDER);
        return text.substring(0, at) + raw + text.substring(at + PLACEHOLDER.length());
    }

    private JsonNode otherType(JsonNode current) {
        List<JsonNode> candidates = new ArrayList<>(List.of(NODES.textNode("x" + random.nextInt(100)),
                NODES.numberNode(random.nextInt(2) == 0 ? -1 : random.nextLong()), NODES.numberNode(1.5e308),
                NODES.arrayNode().add(1).add("a"), NODES.objectNode().put("k", "v"), NODES.nullNode(),
                NODES.booleanNode(random.nextBoolean()), NODES.textNode(""), NODES.arrayNode(), NODES.objectNode()));
        candidates.removeIf(c -> c.getNodeType() == current.getNodeType());
        return pick(candidates);
    }

    private Slot randomSlot(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collectSlots(root, slots);
        return slots.get(random.nextInt(slots.size()));
    }

    private static void collectSlots(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                slots.add(new Slot(object, name, -1));
                collectSlots(object.get(name), slots);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collectSlots(array.get(i), slots);
            }
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.forEach(child -> collectObjects(child, objects));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A place in the tree: a member of an object or an element of an array. */
    private record Slot(JsonNode parent, String name, int index) {

        JsonNode get() {
            return name != null ? parent.get(name) : parent.get(index);
        }

        void set(JsonNode value) {
            if (name != null) {
                ((ObjectNode) parent).set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }
}
