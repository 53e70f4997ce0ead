package org.chemoadvisor.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chemoadvisor.feedback.IssuedCards;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class DiscoveryTest {

    /** The prefetch tokens CDS Hooks 2.0 defines (context fields used here, and the user tokens). */
    private static final Set<String> ALLOWED_TOKENS = Set.of("context.patientId", "context.encounterId",
            "userPractitionerId", "userPractitionerRoleId", "userPatientId", "userRelatedPersonId");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IssuedCards issuedCards;

    @Test
    void discoveryListsTheThreeServicesWithTheirHooks() throws Exception {
        JsonNode body = discovery();

        List<String> idsAndHooks = new ArrayList<>();
        body.path("services").forEach(s -> idsAndHooks.add(s.path("id").asText() + "=" + s.path("hook").asText()));
        assertThat(idsAndHooks).containsExactlyInAnyOrder(
                "chemodenervation-order-select=order-select",
                "chemodenervation-order-sign=order-sign",
                "chemodenervation-encounter-discharge=encounter-discharge");
        body.path("services").forEach(service -> {
            assertThat(service.path("title").asText()).isNotBlank();
            assertThat(service.path("description").asText()).isNotBlank();
            assertThat(service.path("usageRequirements").asText()).isNotBlank();
            assertThat(service.path("prefetch").path("patient").asText()).isEqualTo("Patient/{{context.patientId}}");
        });
    }

    @Test
    void theDischargeServicePrefetchesTheEncountersProcedures() throws Exception {
        JsonNode discharge = discovery().findValue("services").get(2);

        assertThat(discharge.path("prefetch").path("procedures").asText())
                .isEqualTo("Procedure?patient={{context.patientId}}&encounter={{context.encounterId}}");
    }

    @Test
    void prefetchTemplatesUseOnlyTokensTheSpecAllows() throws Exception {
        Pattern token = Pattern.compile("\\{\\{([^}]*)}}");
        discovery().path("services").forEach(service -> service.path("prefetch").forEach(template -> {
            Matcher matcher = token.matcher(template.asText());
            while (matcher.find()) {
                assertThat(matcher.group(1).trim()).as(template.asText()).isIn(ALLOWED_TOKENS);
            }
        }));
    }

    @Test
    void theContractFolderMirrorsTheServedDefinitions() throws Exception {
        JsonNode served = discovery();
        JsonNode resource = JSON.readTree(new ClassPathResource(CdsServiceCatalog.RESOURCE).getInputStream());
        JsonNode contract = Examples.read(Examples.ROOT.resolve("discovery.json"));

        assertThat(contract).isEqualTo(resource);
        assertThat(served).isEqualTo(resource);
    }

    private JsonNode discovery() throws Exception {
        String body = mvc.perform(get("/cds-services")).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }
}
