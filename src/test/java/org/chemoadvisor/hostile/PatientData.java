package org.chemoadvisor.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the patient data in a request by walking its JSON: Patient names, identifiers, birth
 * dates, telecom and address; the patient references of other resources (Claim.patient,
 * ServiceRequest.subject, Coverage.beneficiary ...); context.patientId and encounterId; and the id
 * of every resource. Values shorter than four characters are left out: they would match log text
 * by accident.
 */
final class PatientData {

    private static final List<String> PATIENT_REFERENCES = List.of("patient", "subject", "beneficiary", "subscriber");
    private static final int SHORTEST = 4;

    private PatientData() {
    }

    static Set<String> in(JsonNode document) {
        Set<String> values = new TreeSet<>();
        walk(document, values);
        values.add(document.path("context").path("patientId").asText());
        values.add(document.path("context").path("encounterId").asText());
        values.removeIf(v -> v.length() < SHORTEST);
        return values;
    }

    /** A copy of a CDS Hooks request whose prefetched Patient (added if absent) has a name, identifier and phone. */
    static JsonNode withNamedPatient(JsonNode request) {
        ObjectNode copy = request.deepCopy();
        ObjectNode patient = copy.withObject("/prefetch").withObject("/patient");
        patient.put("resourceType", "Patient").put("id", request.path("context").path("patientId").asText("pat-1"));
        patient.putArray("identifier").addObject().put("system", "urn:oid:2.16.840.1.113883.19.5").put("value", "MRN-558812");
        patient.putArray("name").addObject().put("family", "Quartermaine").putArray("given").add("Zebulon");
        patient.putArray("telecom").addObject().put("system", "phone").put("value", "555-0142-7781");
        if (!patient.has("birthDate")) {
            patient.put("birthDate", "1931-07-14");
        }
        return copy;
    }

    /** A copy of a Claim that names its patient (display and identifier) rather than "Example patient". */
    static JsonNode withNamedPatientOnClaim(JsonNode claim) {
        ObjectNode copy = claim.deepCopy();
        ObjectNode patient = copy.putObject("patient");
        patient.put("display", "Zebulon Quartermaine");
        patient.putObject("identifier").put("system", "urn:oid:2.16.840.1.113883.19.5").put("value", "MRN-558812");
        return copy;
    }

    private static void walk(JsonNode node, Set<String> values) {
        if (node.isObject()) {
            if ("Patient".equals(node.path("resourceType").asText())) {
                patient(node, values);
            }
            if (node.has("resourceType")) {
                values.add(node.path("id").asText());
            }
            for (String field : PATIENT_REFERENCES) {
                reference(node.path(field), values);
            }
        }
        node.forEach(child -> walk(child, values));
    }

    private static void patient(JsonNode patient, Set<String> values) {
        values.add(patient.path("birthDate").asText());
        patient.path("name").forEach(name -> {
            values.add(name.path("family").asText());
            values.add(name.path("text").asText());
            name.path("given").forEach(given -> values.add(given.asText()));
        });
        patient.path("identifier").forEach(identifier -> values.add(identifier.path("value").asText()));
        patient.path("telecom").forEach(telecom -> values.add(telecom.path("value").asText()));
        patient.path("address").forEach(address -> address.path("line").forEach(line -> values.add(line.asText())));
    }

    private static void reference(JsonNode reference, Set<String> values) {
        if (!reference.isObject()) {
            return;
        }
        String ref = reference.path("reference").asText();
        values.add(ref);
        if (ref.startsWith("Patient/")) {
            values.add(ref.substring("Patient/".length()));
        }
        values.add(reference.path("display").asText());
        values.add(reference.path("identifier").path("value").asText());
    }
}
