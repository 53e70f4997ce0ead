package org.chemoadvisor.cdshooks.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A FHIR resource as HAPI encoded it (JSON text). Jackson writes it into the response verbatim, so
 * a suggested resource is encoded once, by HAPI, and not read back into a tree to be written again.
 */
public record ResourceJson(@JsonValue @JsonRawValue String json) {

    @Override
    public String toString() {
        // Resources carry patient data.
        return "ResourceJson[" + json.length() + " chars]";
    }
}
