package org.chemoadvisor.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** Card links and sources point at pages that exist: CMS pages as they are, our ValueSets on this service. */
@SpringBootTest
@AutoConfigureMockMvc
class CardLinksResolveTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aCardCitingOurValueSetLinksToItsSearchOnThisServiceAndNothingToTheBareCanonical() throws Exception {
        CdsCalls.Answer answer = CdsCalls.post(mvc, "chemodenervation-order-sign",
                Examples.named("order-sign/20-no-supporting-diagnosis").request());

        List<String> urls = new ArrayList<>();
        for (JsonNode card : answer.body().path("cards")) {
            card.path("links").forEach(link -> urls.add(link.path("url").asText()));
            if (card.path("source").hasNonNull("url")) {
                urls.add(card.path("source").path("url").asText());
            }
            assertThat(card.path("detail").asText()).doesNotContain("](http://chemoadvisor.org/");
        }
        assertThat(urls).anyMatch(url -> url.startsWith("http://localhost/fhir/ValueSet?url=http%3A%2F%2Fchemoadvisor.org"));
        assertThat(urls).noneMatch(url -> url.startsWith("http://chemoadvisor.org/"));
    }
}
