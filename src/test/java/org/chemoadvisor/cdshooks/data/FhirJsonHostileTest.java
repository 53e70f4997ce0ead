package org.chemoadvisor.cdshooks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chemoadvisor.cdshooks.CdsHooksException;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever JSON object a caller puts where a FHIR resource belongs, parsing it ends in a 400, never a crash. */
class FhirJsonHostileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FhirJson fhirJson = new FhirJson(FhirContext.forR4Cached());

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"resourceType\":5}", "{\"resourceType\":null}", "{\"resourceType\":{}}", "{\"resourceType\":[]}",
        "{\"resourceType\":\"\"}", "{\"resourceType\":true}", "{}", "{\"resourceType\":\"Foo\"}",
        "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"\"}}]}",
        "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":7}}]}",
        "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":null}}]}",
        "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{}}]}",
        "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":5}]}",
        "{\"resourceType\":\"Claim\",\"contained\":[{\"resourceType\":null}]}"})
    void anythingThatIsNotAResourceIsABadRequest(String json) throws Exception {
        assertThatThrownBy(() -> fhirJson.parse(JSON.readTree(json), "context.draftOrders"))
                .isInstanceOf(CdsHooksException.class).hasMessageContaining("context.draftOrders");
    }

    @Test
    void aLoneSurrogateFromMalformedInputStillGivesAResponseJacksonCanWrite() throws Exception {
        ServiceRequest order = new ServiceRequest();
        order.getCode().setText("Botox \uD800 order");

        // As the response is written: UTF-8 bytes, where Jackson checks surrogates.
        byte[] written = JSON.writeValueAsBytes(JSON.createObjectNode().putPOJO("resource", fhirJson.toJson(order)));

        assertThat(JSON.readTree(written).at("/resource/code/text").asText()).isEqualTo("Botox \uD800 order");
    }
}
