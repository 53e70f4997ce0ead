package org.chemoadvisor.cdshooks.cards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class CitationLinksTest {

    private static final String CANONICAL = "http://chemoadvisor.org/fhir/ValueSet/chemodenervation-supporting-diagnoses";

    @Test
    void ourCanonicalUrlIsLinkedToItsSearchUnderThePublicBaseUrl() {
        CitationLinks links = new CitationLinks("https://cds.example.org/advisor/");

        assertThat(links.resolvable(CANONICAL)).isEqualTo("https://cds.example.org/advisor/fhir/ValueSet?url="
                + "http%3A%2F%2Fchemoadvisor.org%2Ffhir%2FValueSet%2Fchemodenervation-supporting-diagnoses");
    }

    @Test
    void aCmsPageIsLinkedAsItIsAndWithoutAnyBaseOurCanonicalIsNotLinked() {
        CitationLinks links = new CitationLinks("");
        String cms = "https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits";

        assertThat(links.resolvable(cms)).isEqualTo(cms);
        assertThat(links.resolvable(CANONICAL)).isNull();
        assertThat(links.resolvable(null)).isNull();
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void withoutAPublicBaseUrlOurCanonicalIsLinkedUnderTheBaseEachRequestCameTo() {
        CitationLinks links = new CitationLinks("");

        inRequest("ehr-a.example", 8443);
        String first = links.resolvable(CANONICAL);
        assertThat(links.resolvable(CANONICAL)).isEqualTo(first);
        inRequest("ehr-b.example", 443);
        String second = links.resolvable(CANONICAL);

        assertThat(first).startsWith("http://ehr-a.example:8443/fhir/ValueSet?url=http%3A%2F%2F");
        assertThat(second).startsWith("http://ehr-b.example:443/fhir/ValueSet?url=http%3A%2F%2F");
    }

    private static void inRequest(String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cds-services/chemodenervation-order-sign");
        request.setServerName(host);
        request.setServerPort(port);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
