package org.chemoadvisor.cdshooks.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PrefetchTemplateTest {

    private final ObjectNode context = new ObjectMapper().createObjectNode()
            .put("patientId", "pat-1").put("encounterId", "enc 2").put("userId", "Practitioner/dr-7");

    @Test
    void contextTokensAreReplacedAndEncoded() {
        assertThat(PrefetchTemplate.expand("Procedure?patient={{context.patientId}}&encounter={{context.encounterId}}",
                context)).contains("Procedure?patient=pat-1&encounter=enc+2");
    }

    @Test
    void userTokensComeFromTheUserIdOfTheMatchingType() {
        assertThat(PrefetchTemplate.expand("Practitioner/{{userPractitionerId}}", context))
                .contains("Practitioner/dr-7");
        assertThat(PrefetchTemplate.expand("Patient/{{userPatientId}}", context)).isEmpty();
    }

    @Test
    void aTokenWithoutValueMeansTheQueryCannotBeMade() {
        assertThat(PrefetchTemplate.expand("Coverage?patient={{context.missing}}", context)).isEmpty();
    }
}
