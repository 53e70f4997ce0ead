package org.chemoadvisor.cdshooks.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ResourceIdTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void deleteActionNamesItsResourceAsAString() throws Exception {
        Action delete = new Action(Action.DELETE, "Remove", null, new ResourceId("ServiceRequest/sr-1", false));

        assertThat(json.readTree(json.writeValueAsString(delete)).path("resourceId").isTextual()).isTrue();
        assertThat(json.writeValueAsString(delete)).contains("\"resourceId\":\"ServiceRequest/sr-1\"");
    }

    @Test
    void clientsOfTheArrayFormGetAOneElementArray() throws Exception {
        Action delete = new Action(Action.DELETE, "Remove", null, new ResourceId("Procedure/p-1", true));

        assertThat(json.writeValueAsString(delete)).contains("\"resourceId\":[\"Procedure/p-1\"]");
    }
}
