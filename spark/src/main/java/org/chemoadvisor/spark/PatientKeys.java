package org.chemoadvisor.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Which patient a line of the export belongs to, read with Jackson (a few fields, no FHIR model):
 * Claim.patient, Procedure.subject, Coverage.beneficiary, a Patient itself, a Bundle's Claim. The job
 * groups by it, so each claim meets its patient's Procedures, Coverage and other claims. A line with
 * no patient reference gets a key of its own (it is reviewed alone).
 */
final class PatientKeys {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PatientKeys() {
    }

    static String of(String line) {
        try {
            JsonNode resource = JSON.readTree(line);
            String reference = reference(resource);
            return reference != null ? reference : alone(line);
        } catch (IOException | RuntimeException e) {
            return alone(line);
        }
    }

    private static String reference(JsonNode resource) {
        switch (resource.path("resourceType").asText()) {
            case "Claim":
                return resource.at("/patient/reference").asText(null);
            case "Procedure":
                return resource.at("/subject/reference").asText(null);
            case "Coverage":
                return resource.at("/beneficiary/reference").asText(null);
            case "Patient":
                return resource.hasNonNull("id") ? "Patient/" + resource.path("id").asText() : null;
            case "Bundle":
                for (JsonNode entry : resource.path("entry")) {
                    if (entry.at("/resource/resourceType").asText().equals("Claim")) {
                        return entry.at("/resource/patient/reference").asText(null);
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static String alone(String line) {
        return "\u0000" + line.length() + ":" + line.hashCode();
    }
}
