package org.chemoadvisor.cdshooks.data;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chemoadvisor.cdshooks.CdsHooksException;
import org.chemoadvisor.cdshooks.api.ResourceJson;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Moves FHIR resources between the CDS Hooks JSON and HAPI's model. HAPI does the FHIR parsing and
 * encoding; Jackson only carries the request tree in and the encoded text out.
 */
@Component
public class FhirJson {

    private final FhirContext fhirContext;

    public FhirJson(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    /**
     * Parses a FHIR R4 resource; a missing or invalid one is the caller's error (400). The message
     * names where it was, never what it held: resources carry patient data.
     */
    public Resource parse(JsonNode node, String where) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw CdsHooksException.badRequest("missing_field", where + " is required");
        }
        if (!node.isObject()) {
            throw CdsHooksException.badRequest("invalid_fhir_resource", where + " must be a FHIR resource (a JSON object)");
        }
        try {
            // HAPI reads the tree the request body was read into (its own text parse ends in the same
            // kind of tree): writing it out as text for HAPI to read again was an eighth of a hook call.
            JacksonStructure tree = new JacksonStructure();
            tree.setNativeObject((ObjectNode) node);
            IBaseResource resource = ((IJsonLikeParser) parser()).parseResource(tree);
            if (resource instanceof Resource r4) {
                rememberSentJson(r4, node);
                return r4;
            }
        } catch (RuntimeException e) {
            // HAPI's parser answers malformed input with DataFormatException, but also with assorted
            // runtime exceptions (a contained resource whose resourceType is null: NullPointerException).
            // Only the parse is in this block, so whatever it throws is about the caller's JSON.
        }
        throw CdsHooksException.badRequest("invalid_fhir_resource", where + " is not a valid FHIR R4 resource");
    }

    /**
     * An edited copy of a resource this class parsed, ready to go into a CDS Hooks response: the JSON the
     * request carried for {@code source}, with what the edit changed encoded by HAPI ({@link EditedResourceJson});
     * HAPI's encoding of the whole of {@code edited} when {@code source} is null or was not read from the request.
     */
    public ResourceJson toJson(Resource edited, Resource source) {
        String json = EditedResourceJson.of(fhirContext, source, edited);
        return json != null ? new ResourceJson(json) : toJson(edited);
    }

    /** The resource as HAPI encodes it, ready to go into a CDS Hooks response as it is. */
    public ResourceJson toJson(Resource resource) {
        String json = parser().encodeResourceToString(resource);
        return new ResourceJson(hasLoneSurrogate(json) ? escapedByJackson(json) : json);
    }

    /**
     * Remembers the JSON each resource was read from: the resource itself, and a Bundle's entries when
     * they line up with the JSON's entries (the same resource types in the same order; else none is remembered).
     */
    private static void rememberSentJson(Resource resource, JsonNode node) {
        EditedResourceJson.remember(resource, node);
        if (!(resource instanceof Bundle bundle)) {
            return;
        }
        JsonNode entries = node.path("entry");
        if (!entries.isArray() || entries.size() != bundle.getEntry().size()) {
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            Resource entry = bundle.getEntry().get(i).getResource();
            JsonNode sent = entries.get(i).path("resource");
            if (entry == null ? sent.isObject() : !entry.fhirType().equals(sent.path("resourceType").asText())) {
                return;
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            Resource entry = bundle.getEntry().get(i).getResource();
            if (entry != null) {
                EditedResourceJson.remember(entry, entries.get(i).path("resource"));
            }
        }
    }

    /**
     * Malformed request text can put a lone UTF-16 surrogate in a string, which HAPI passes on and
     * Jackson refuses to write as raw text; its UTF-8 tree writer escapes it ("\uD800") instead.
     */
    private static String escapedByJackson(String json) {
        return EditedResourceJson.write(EditedResourceJson.read(json));
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private IParser parser() {
        return fhirContext.newJsonParser();
    }
}
