package org.chemoadvisor.cdshooks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class FhirServerAllowlistTest {

    private final FhirServerAllowlist allowlist = new FhirServerAllowlist(List.of("https://ehr.example.org/fhir/"));

    @Test
    void theListedBaseIsAllowedWithOrWithoutTrailingSlashAndInAnyHostCase() {
        assertThat(allowlist.allows("https://ehr.example.org/fhir")).isTrue();
        assertThat(allowlist.allows("https://EHR.example.org/fhir/")).isTrue();
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(allowlist.allows("http://ehr.example.org/fhir")).isFalse();
        assertThat(allowlist.allows("https://ehr.example.org/fhir/other")).isFalse();
        assertThat(allowlist.allows("https://ehr.example.org.evil.test/fhir")).isFalse();
        assertThat(allowlist.allows("http://169.254.169.254/latest/meta-data")).isFalse();
        assertThat(allowlist.allows("file:///etc/passwd")).isFalse();
        assertThat(allowlist.allows(null)).isFalse();
    }

    @Test
    void anEmptyAllowlistRefusesEverything() {
        assertThat(new FhirServerAllowlist(List.of()).allows("https://ehr.example.org/fhir")).isFalse();
    }

    @Test
    void theCallGoesToTheConfiguredBaseNotToTheCallersSpellingOfIt() {
        assertThat(allowlist.match(" HTTPS://EHR.example.org:443/fhir//")).contains("https://ehr.example.org/fhir");
    }

    @Test
    void userInfoQueryAndFragmentNeverMatch() {
        assertThat(allowlist.allows("https://user@ehr.example.org/fhir")).isFalse();
        assertThat(allowlist.allows("https://ehr.example.org/fhir?x=1")).isFalse();
        assertThat(allowlist.allows("https://ehr.example.org/fhir#frag")).isFalse();
        assertThat(allowlist.allows("https://ehr.example.org./fhir")).isFalse();
    }

    @Test
    void aListedEntryThatIsNotAnHttpBaseUrlStopsStartUp() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FhirServerAllowlist(List.of("file:///etc")))
                .withMessageContaining("cds.prefetch.allowed-fhir-servers");
    }
}
