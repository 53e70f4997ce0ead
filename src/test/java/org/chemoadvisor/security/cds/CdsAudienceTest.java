package org.chemoadvisor.security.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CdsAudienceTest {

    @Test
    void withoutAPublicBaseUrlTheAudienceIsTheUrlAsReceivedWithoutQuery() {
        MockHttpServletRequest request = request();

        assertThat(new CdsAudience(null).of(request)).isEqualTo("http://10.0.0.5:8080/cds-services/order-sign");
    }

    @Test
    void behindAProxyTheAudienceIsThePublicBaseUrlPlusThePath() {
        assertThat(new CdsAudience("https://cds.example.org/").of(request()))
                .isEqualTo("https://cds.example.org/cds-services/order-sign");
    }

    @Test
    void aPublicBaseUrlMustBeAnAbsoluteHttpUrl() {
        assertThatThrownBy(() -> new CdsAudience("cds.example.org"))
                .isInstanceOf(CdsSecurityConfigurationException.class)
                .hasMessageContaining("cds.security.public-base-url must be an absolute http(s) URL");
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cds-services/order-sign");
        request.setScheme("http");
        request.setServerName("10.0.0.5");
        request.setServerPort(8080);
        request.setQueryString("x=1");
        return request;
    }
}
