package org.chemoadvisor.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.chemoadvisor.cdshooks.data.CountingServer;
import org.hl7.fhir.utilities.http.ManagedWebAccess;
import org.hl7.fhir.utilities.http.ManagedWebAccess.WebAccessPolicy;
import org.junit.jupiter.api.Test;

/** The validator library's own web access (package registries, terminology servers) is switched off. */
class ValidatorNetworkAccessTest {

    @Test
    void theValidatorLibraryCannotReachAServerOnceProhibited() {
        try (CountingServer server = CountingServer.answering()) {
            ValidatorNetworkAccess.prohibit();

            assertThat(ManagedWebAccess.getAccessPolicy()).isEqualTo(WebAccessPolicy.PROHIBITED);
            assertThatThrownBy(() -> ManagedWebAccess.get(List.of("fhir-package"),
                    "http://127.0.0.1:" + server.port() + "/packages/catalog?name=evil.pkg"))
                    .isInstanceOf(IOException.class);
            assertThat(server.requests()).isZero();
        }
    }
}
