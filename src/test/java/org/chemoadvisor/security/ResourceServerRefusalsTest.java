package org.chemoadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** The refusals of the resource-server chain, for the cases the running service cannot easily be made to hit. */
class ResourceServerRefusalsTest {

    private final ResourceServerRefusals refusals = new ResourceServerRefusals(new ObjectMapper());

    @Test
    void aDeniedRequestIsForbiddenInItsOwnWords() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        refusals.handle(fhir(), response, new AccessDeniedException("Access Denied by some voter"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo(
                "Bearer error=\"insufficient_scope\", error_description=\"The access token does not allow this request\"");
        assertThat(response.getContentAsString()).contains("\"code\":\"forbidden\"").doesNotContain("voter");
    }

    @Test
    void springsOwnInvalidRequestTextIsNotPassedOn() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        refusals.commence(new MockHttpServletRequest("GET", "/feedback/report"), response,
                new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest("Found multiple bearer tokens")));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_request\", "
                + "error_description=\"The request does not carry its access token as RFC 6750 describes\"");
        assertThat(response.getContentAsString()).doesNotContain("Found multiple");
    }

    @Test
    void aDecoderMessageQuotingClaimsIsNotPassedOn() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        refusals.commence(fhir(), response, new InvalidBearerTokenException(
                "An error occurred while attempting to decode the Jwt: Jwt expired at 2026-01-01T00:00:00Z"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate") + response.getContentAsString())
                .doesNotContain("Jwt").doesNotContain("2026");
        assertThat(response.getContentType()).startsWith("application/fhir+json");
    }

    private static MockHttpServletRequest fhir() {
        return new MockHttpServletRequest("POST", "/fhir/Claim/$validate");
    }
}
