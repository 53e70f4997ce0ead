package org.chemoadvisor.security.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Start-up checks of cds.security.clients: a bad entry stops the service with the setting named. */
class CdsClientRegistryTest {

    private static final CdsSecurityProperties.Jwks JWKS = new CdsSecurityProperties.Jwks(Duration.ofMinutes(5),
            Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(2), DataSize.ofKilobytes(64));
    private static final List<String> DEFAULT_ALGORITHMS = List.of("ES384", "RS384");

    @Test
    void aClientIsFoundByItsIssuerWithTheDefaultAlgorithms() {
        CdsClientRegistry registry = registry(client("https://ehr.test", "https://ehr.test/jwks.json", List.of()));

        assertThat(registry.find("https://ehr.test")).get()
                .extracting(CdsClient::algorithms).isEqualTo(java.util.Set.of(JWSAlgorithm.ES384, JWSAlgorithm.RS384));
        assertThat(registry.find("https://other.test")).isEmpty();
        assertThat(registry.find(null)).isEmpty();
    }

    @Test
    void anHttpJwksUriIsRefused() {
        assertThatThrownBy(() -> registry(client("https://ehr.test", "http://ehr.test/jwks.json", List.of())))
                .isInstanceOf(CdsSecurityConfigurationException.class)
                .hasMessage("cds.security.clients[0].jwks-uri must be an https: or file: URL, got 'http://ehr.test/jwks.json'");
    }

    @Test
    void aJkuAllowlistEntryMustBeHttpsOrFileToo() {
        assertThatThrownBy(() -> registry(client("https://ehr.test", null, List.of("ftp://ehr.test/jwks.json"))))
                .hasMessageContaining("cds.security.clients[0].jku-allowlist[0] must be an https: or file: URL");
    }

    @Test
    void aClientWithNoKeySourceIsRefused() {
        assertThatThrownBy(() -> registry(client("https://ehr.test", null, List.of())))
                .hasMessageContaining("needs a jwks-uri or a jku-allowlist");
    }

    @Test
    void symmetricAndUnknownAlgorithmsCannotBeConfigured() {
        for (String algorithm : List.of("HS256", "none", "PS512")) {
            var client = new CdsSecurityProperties.Client("https://ehr.test", "https://ehr.test/jwks.json", List.of(),
                    null, List.of("ES384", algorithm));
            assertThatThrownBy(() -> registry(client))
                    .hasMessageContaining("cds.security.clients[0].algorithms may list only ES256, ES384, RS256 and RS384");
        }
    }

    @Test
    void anIssuerRegisteredTwiceIsRefused() {
        var client = client("https://ehr.test", "https://ehr.test/jwks.json", List.of());
        assertThatThrownBy(() -> new CdsClientRegistry(List.of(client, client), JWKS))
                .hasMessageContaining("cds.security.clients[1].issuer 'https://ehr.test' is registered twice");
    }

    @Test
    void aClientWithoutIssuerIsRefused() {
        assertThatThrownBy(() -> registry(client(" ", "https://ehr.test/jwks.json", List.of())))
                .hasMessage("cds.security.clients[0].issuer is required");
    }

    private static CdsClientRegistry registry(CdsSecurityProperties.Client client) {
        return new CdsClientRegistry(List.of(client), JWKS);
    }

    private static CdsSecurityProperties.Client client(String issuer, String jwksUri, List<String> jku) {
        return new CdsSecurityProperties.Client(issuer, jwksUri, jku, null, DEFAULT_ALGORITHMS);
    }
}
