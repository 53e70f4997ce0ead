package org.chemoadvisor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;
import org.chemoadvisor.hostile.ServiceClient.Answer;
import org.hl7.fhir.r4.model.Claim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A full run at the production log levels (application.yml): every example through its CDS
 * service, feedback on every card, every example Claim through $validate, and error cases that
 * carry patient data. None of the patient data sent may appear in the log.
 */
@HostileServerTest
@ExtendWith(OutputCaptureExtension.class)
class NoPatientDataInLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALIDATE = "/fhir/Claim/$validate";
    private static final String NAME = "Zebulon Quartermaine";

    @LocalServerPort
    int port;

    private final Set<String> sent = new TreeSet<>();
    private ServiceClient client;

    @Test
    void theLogOfAFullRunHoldsNoPatientData(CapturedOutput output) throws Exception {
        client = new ServiceClient(port);
        for (Examples.HookRequest example : Examples.hookRequests()) {
            JsonNode request = PatientData.withNamedPatient(example.request());
            Answer answer = post("/cds-services/" + example.service(), "application/json", request);
            feedbackOn(example.service(), answer);
            hookErrorCases(example.service(), request);
        }
        for (JsonNode example : Examples.claims()) {
            JsonNode claim = PatientData.withNamedPatientOnClaim(example);
            post(VALIDATE, "application/fhir+json", claim);
            claimErrorCases(claim);
        }
        get("/fhir/Patient/pat-1");
        get("/cds-services/pat-1");

        assertThat(sent).contains(NAME, "Quartermaine", "Zebulon", "MRN-558812", "pat-1", "1990-04-02");
        assertThat(output.getOut()).as("the run was logged at INFO").contains("service=chemodenervation-order-sign");
        // withoutData lists prefetch keys (our discovery vocabulary: "coverage", "conditions"), which some
        // examples also use as contained ids; the pattern admits only bare words, never a value sent.
        String log = output.getAll().replaceAll("withoutData=\\[[A-Za-z]*(, [A-Za-z]*)*\\]", "withoutData=[keys]");
        assertThat(sent).allSatisfy(value -> assertThat(log).as("log mentions patient data").doesNotContain(value));
        assertThat(log).doesNotContain("\"resourceType\"").doesNotContain("resourceType=");
    }

    private void feedbackOn(String service, Answer answer) throws Exception {
        if (answer.status() != 200) {
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        for (JsonNode card : JSON.readTree(answer.body()).path("cards")) {
            ObjectNode entry = body.withArray("feedback").addObject().put("card", card.path("uuid").asText())
                    .put("outcome", "overridden").put("outcomeTimestamp", "2026-11-20T11:00:00Z");
            entry.putObject("overrideReason").put("userComment", "Checked with " + NAME + ", MRN-558812");
        }
        if (!body.isEmpty()) {
            post("/cds-services/" + service + "/feedback", "application/json", body);
        }
    }

    private void hookErrorCases(String service, JsonNode request) {
        String text = Examples.text(request);
        int name = text.indexOf("Quartermaine");
        postRaw("/cds-services/" + service, "application/json", text.substring(0, name + 5), request);
        ObjectNode withNameAsInstance = ((ObjectNode) request.deepCopy()).put("hookInstance", NAME + " 1931-07-14");
        post("/cds-services/" + service, "application/json", withNameAsInstance);
        ObjectNode wrongHook = ((ObjectNode) request.deepCopy()).put("hook", "patient-view");
        post("/cds-services/" + service, "application/json", wrongHook);
        ObjectNode badResource = request.deepCopy();
        badResource.with("context").putObject("draftOrders").put("resourceType", "Bundle").put("type", NAME);
        post("/cds-services/" + service, "application/json", badResource);
        postRaw("/cds-services/" + service, "application/json", RawJson.withMember(text, "deep",
                RawJson.nestedArrays(5_000)), request);
        post("/cds-services/unknown-" + service, "application/json", request);
        postRaw("/cds-services/" + service, "text/plain", text, request);
    }

    private void claimErrorCases(JsonNode claim) {
        post(VALIDATE, "application/fhir+json", ((ObjectNode) claim.deepCopy()).put("status", NAME));
        post(VALIDATE, "application/fhir+json", ((ObjectNode) claim.deepCopy()).put("created", NAME));
        post(VALIDATE, "application/fhir+json", ((ObjectNode) claim.deepCopy()).put("resourceType", ""));
        ObjectNode stu3 = ((ObjectNode) claim.deepCopy());
        stu3.putObject("organization").put("display", NAME);
        post(VALIDATE, "application/fhir+json", stu3);
        String text = Examples.text(claim);
        postRaw(VALIDATE, "application/fhir+json", text.substring(0, text.indexOf("Quartermaine") + 5), claim);
        FhirContext fhir = FhirContext.forR4Cached();
        String xml = fhir.newXmlParser().encodeResourceToString(fhir.newJsonParser().parseResource(Claim.class, text));
        postRaw(VALIDATE, "application/fhir+xml", xml, claim);
        postRaw(VALIDATE, "application/fhir+xml", xml.replace("<status value=\"active\"/>", "<status value=\"" + NAME
                + "\"/>"), claim);
    }

    private Answer post(String path, String contentType, JsonNode body) {
        return postRaw(path, contentType, Examples.text(body), body);
    }

    private Answer postRaw(String path, String contentType, String text, JsonNode source) {
        sent.addAll(PatientData.in(source));
        return client.post(path, contentType, text);
    }

    private void get(String path) {
        client.send(new HostileInput("GET", path, null, null, "get"));
    }
}
