package org.chemoadvisor.cdshooks.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The OAuth 2.0 bearer token the CDS client grants for calls back to its FHIR server. */
public record FhirAuthorization(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") Long expiresIn,
        String scope,
        String subject) {

    /** Keeps the token out of logs and error messages. */
    @Override
    public String toString() {
        return "FhirAuthorization[token_type=" + tokenType + ", scope=" + scope + "]";
    }
}
