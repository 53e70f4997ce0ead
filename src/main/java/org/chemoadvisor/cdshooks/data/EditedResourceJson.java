package org.chemoadvisor.cdshooks.data;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildChoiceDefinition;
import ca.uhn.fhir.context.RuntimeChildCompositeDatatypeDefinition;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseExtension;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.ICompositeType;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Resource;

/**
 * An edited copy of a resource the request carried, as JSON: the request's own JSON for that resource
 * with only the elements the edit changed encoded again by HAPI. A suggested update then hands the EHR
 * back what it sent, changed where the suggestion says and nowhere else, and costs a small part of what
 * HAPI's encoding of the whole resource did (close to half of an order-sign call's CPU, in a JFR profile
 * under load). A resource not read from the request (fetched from fhirServer, or new) has no JSON to
 * start from: HAPI encodes it whole.
 */
final class EditedResourceJson {

    /** HAPI user data key: the JSON object a parsed resource was read from. */
    static final String SENT_JSON = EditedResourceJson.class.getName() + ".sent";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EditedResourceJson() {
    }

    /** Remembers the JSON a resource was read from, for {@link #of}. */
    static void remember(Resource resource, JsonNode sent) {
        if (sent instanceof ObjectNode object) {
            resource.setUserData(SENT_JSON, object);
        }
    }

    /** The JSON object {@code resource} was read from, or null. */
    static ObjectNode sent(Resource resource) {
        return resource.getUserData(SENT_JSON) instanceof ObjectNode sent ? sent : null;
    }

    /**
     * {@code edited} (a changed copy of {@code source}) as JSON text: the JSON {@code source} was read from,
     * each element that differs between the two replaced by HAPI's encoding of the edited one, in its place.
     * Null when {@code source} was not read from JSON.
     */
    static String of(FhirContext fhirContext, Resource source, Resource edited) {
        ObjectNode sent = source == null ? null : sent(source);
        if (sent == null || source.getClass() != edited.getClass()) {
            return null;
        }
        RuntimeResourceDefinition definition = fhirContext.getResourceDefinition(edited);
        Map<BaseRuntimeChildDefinition, List<IBase>> changed = new LinkedHashMap<>();
        for (BaseRuntimeChildDefinition child : definition.getChildren()) {
            List<IBase> values = child.getAccessor().getValues(edited);
            if (!same(child.getAccessor().getValues(source), values)) {
                changed.put(child, values);
            }
        }
        if (changed.isEmpty()) {
            return write(sent);
        }
        return write(merged(sent, definition, changed.keySet(), encoded(fhirContext, definition, changed)));
    }

    private static boolean same(List<IBase> before, List<IBase> after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            if (!(before.get(i) instanceof Base a && after.get(i) instanceof Base b && a.equalsDeep(b))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The changed elements as HAPI writes them, by element. A datatype element (a CodeableConcept, a Quantity)
     * is encoded on its own, a few times cheaper than in a resource; the rest (primitives with their "_name"
     * extensions, references, extensions, contained resources) in a resource that holds only them.
     */
    private static Map<BaseRuntimeChildDefinition, Map<String, JsonNode>> encoded(FhirContext fhirContext,
            RuntimeResourceDefinition definition, Map<BaseRuntimeChildDefinition, List<IBase>> changed) {
        Map<BaseRuntimeChildDefinition, Map<String, JsonNode>> byChild = new LinkedHashMap<>();
        IParser parser = fhirContext.newJsonParser();
        Resource inResource = null;
        for (Map.Entry<BaseRuntimeChildDefinition, List<IBase>> change : changed.entrySet()) {
            BaseRuntimeChildDefinition child = change.getKey();
            List<IBase> values = change.getValue();
            if (values.isEmpty()) {
                continue;
            }
            if (!encodedAlone(child, values)) {
                inResource = inResource != null ? inResource : (Resource) definition.newInstance();
                Resource holder = inResource;
                values.forEach(value -> child.getMutator().addValue(holder, value));
                continue;
            }
            JsonNode json;
            if (child.getMax() == 1) {
                json = encoded(parser, values.get(0));
            } else {
                ArrayNode array = JSON.createArrayNode();
                values.forEach(value -> array.add(encoded(parser, value)));
                json = array;
            }
            byChild.put(child, Map.of(child.getChildNameByDatatype(values.get(0).getClass()), json));
        }
        if (inResource != null) {
            ObjectNode written = (ObjectNode) read(parser.encodeResourceToString(inResource));
            for (Iterator<Map.Entry<String, JsonNode>> fields = written.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                BaseRuntimeChildDefinition child = childOf(definition, field.getKey());
                if (child != null) {
                    byChild.computeIfAbsent(child, c -> new LinkedHashMap<>()).put(field.getKey(), field.getValue());
                }
            }
        }
        return byChild;
    }

    /** A datatype value alone, as HAPI writes it: a plain CodeableConcept (most edits) without HAPI. */
    private static JsonNode encoded(IParser parser, IBase value) {
        JsonNode plain = value instanceof CodeableConcept concept ? PlainConceptJson.of(concept) : null;
        return plain != null ? plain : read(parser.encodeToString(value));
    }

    /** Datatype values HAPI writes the same alone as in a resource: not references, extensions or primitives. */
    private static boolean encodedAlone(BaseRuntimeChildDefinition child, List<IBase> values) {
        if (!(child instanceof RuntimeChildCompositeDatatypeDefinition || child instanceof RuntimeChildChoiceDefinition)) {
            return false;
        }
        for (IBase value : values) {
            if (!(value instanceof ICompositeType) || value instanceof IBaseReference || value instanceof IBaseExtension<?, ?>
                    || child.getChildNameByDatatype(value.getClass()) == null) {
                return false;
            }
        }
        return true;
    }

    /** JSON text HAPI wrote, as Jackson's tree. */
    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("HAPI wrote JSON that Jackson cannot read", e);
        }
    }

    /**
     * The sent object's fields in their order, each changed element's fields replaced where its first one
     * was; a changed element the sender did not have goes at the end.
     */
    private static ObjectNode merged(ObjectNode sent, RuntimeResourceDefinition definition,
            Set<BaseRuntimeChildDefinition> changed, Map<BaseRuntimeChildDefinition, Map<String, JsonNode>> encoded) {
        ObjectNode merged = JSON.createObjectNode();
        Set<BaseRuntimeChildDefinition> placed = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = sent.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            BaseRuntimeChildDefinition child = childOf(definition, field.getKey());
            if (child == null || !changed.contains(child)) {
                merged.set(field.getKey(), field.getValue());
            } else if (placed.add(child)) {
                encoded.getOrDefault(child, Map.of()).forEach(merged::set);
            }
        }
        for (BaseRuntimeChildDefinition child : changed) {
            if (!placed.contains(child)) {
                encoded.getOrDefault(child, Map.of()).forEach(merged::set);
            }
        }
        return merged;
    }

    /** The element a JSON field of the resource belongs to ("quantityQuantity", "_status"), or null. */
    private static BaseRuntimeChildDefinition childOf(RuntimeResourceDefinition definition, String field) {
        String name = field.startsWith("_") ? field.substring(1) : field;
        return "resourceType".equals(name) ? null : definition.getChildByName(name);
    }

    /** JSON text as Jackson's UTF-8 writer writes the tree. */
    static String write(JsonNode json) {
        try {
            // Written as UTF-8 bytes: Jackson's UTF-8 writer escapes a lone surrogate the request may have carried.
            return new String(JSON.writeValueAsBytes(json), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
