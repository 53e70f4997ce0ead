package org.chemoadvisor.cdshooks.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.PrimitiveType;

/**
 * A CodeableConcept as HAPI's JSON parser writes it, made as Jackson's tree without HAPI when it is plain:
 * codings of system, version, code, display and userSelected, and a text, with no id and no extension on
 * any of them. That is what the suggestions write when they change an order's code or a modifier, and
 * HAPI's encoding of it, read back as a tree, took about a tenth of an order-sign call's CPU under load.
 * Anything else is left to HAPI ({@link #of} answers null). {@code PlainConceptJsonTest} holds the two
 * equal.
 */
final class PlainConceptJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlainConceptJson() {
    }

    /** HAPI's JSON of the concept, or null when it is not plain. */
    static ObjectNode of(CodeableConcept concept) {
        if (!plain(concept)) {
            return null;
        }
        ObjectNode json = NODES.objectNode();
        ArrayNode codings = null;
        for (Coding coding : concept.getCoding()) {
            if (!plain(coding)) {
                return null;
            }
            ObjectNode written = coding(coding);
            if (written == null) {
                return null;
            }
            if (written.isEmpty()) {
                continue; // HAPI leaves an empty coding out
            }
            codings = codings == null ? json.putArray("coding") : codings;
            codings.add(written);
        }
        // The has* checks first: HAPI's getters of an absent element create it.
        if (concept.hasTextElement() && !value(json, "text", concept.getTextElement())) {
            return null;
        }
        return json;
    }

    /** The coding's fields in HAPI's order; null when one of its values is not plain. */
    private static ObjectNode coding(Coding coding) {
        ObjectNode json = NODES.objectNode();
        if (coding.hasSystemElement() && !value(json, "system", coding.getSystemElement())
                || coding.hasVersionElement() && !value(json, "version", coding.getVersionElement())
                || coding.hasCodeElement() && !value(json, "code", coding.getCodeElement())
                || coding.hasDisplayElement() && !value(json, "display", coding.getDisplayElement())) {
            return null;
        }
        if (coding.hasUserSelectedElement()) {
            if (!plain(coding.getUserSelectedElement())) {
                return null;
            }
            if (coding.getUserSelectedElement().getValue() != null) {
                json.put("userSelected", coding.getUserSelectedElement().getValue());
            }
        }
        return json;
    }

    /**
     * Writes the value when it has one; false when HAPI would write it another way. HAPI leaves a blank
     * value out as empty, and writes an id or extension of a primitive under {@code _name}: both go to HAPI.
     */
    private static boolean value(ObjectNode json, String name, PrimitiveType<?> value) {
        if (!plain(value)) {
            return false;
        }
        String text = value.getValueAsString();
        if (text == null) {
            return true;
        }
        if (text.isBlank()) {
            return false;
        }
        json.put(name, text);
        return true;
    }

    private static boolean plain(org.hl7.fhir.r4.model.Element element) {
        return element.getId() == null && !element.hasExtension();
    }
}
