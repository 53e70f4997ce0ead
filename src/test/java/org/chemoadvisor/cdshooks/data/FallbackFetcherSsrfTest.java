package org.chemoadvisor.cdshooks.data;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.chemoadvisor.cdshooks.api.FhirAuthorization;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

/**
 * Server-side request forgery: the fallback calls only allowlisted base URLs. A second loopback
 * server, not on the list, counts the requests it accepts; every trick aimed at it must leave
 * that count at 0.
 */
@ExtendWith(OutputCaptureExtension.class)
class FallbackFetcherSsrfTest {

    private static final String QUERY = "Procedure?patient=pat-1";
    private static final FhirAuthorization TOKEN = new FhirAuthorization("secret-token", "Bearer", 300L, null, null);

    static final CountingServer ALLOWED = CountingServer.answering();
    static final CountingServer FORBIDDEN = CountingServer.answering();
    static final CountingServer REDIRECTING = CountingServer.redirectingTo(FORBIDDEN.fhirBase() + "/" + QUERY);

    private final FallbackFetcher fetcher = fetcher(List.of(ALLOWED.fhirBase(), REDIRECTING.fhirBase()));

    @AfterAll
    static void stop() {
        Stream.of(ALLOWED, FORBIDDEN, REDIRECTING).forEach(CountingServer::close);
    }

    @BeforeEach
    void forget() {
        Stream.of(ALLOWED, FORBIDDEN, REDIRECTING).forEach(CountingServer::forget);
    }

    private static FallbackFetcher fetcher(List<String> allowed) {
        return new FallbackFetcher(FhirContext.forR4Cached(),
                new PrefetchProperties(allowed, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
                        DataSize.ofMegabytes(2)));
    }

    private static Optional<Resource> fetch(FallbackFetcher fetcher, String fhirServer) {
        return fetcher.fetch("procedures", fhirServer, TOKEN, QUERY, fetcher.startDeadline());
    }

    static Stream<String> tricksAimedAtTheForbiddenServer() {
        int forbidden = FORBIDDEN.port();
        int allowed = ALLOWED.port();
        return Stream.of(
                "http://127.0.0.1:" + forbidden + "/fhir",
                "http://localhost:" + forbidden + "/fhir",
                "http://0.0.0.0:" + forbidden + "/fhir",
                "http://[::1]:" + forbidden + "/fhir",
                "http://2130706433:" + forbidden + "/fhir",
                "http://127.0.0.1:" + allowed + "@127.0.0.1:" + forbidden + "/fhir",
                "http://127.0.0.1:" + forbidden + "/fhir#@127.0.0.1:" + allowed + "/fhir",
                "http://127.0.0.1:" + forbidden + "/fhir?@127.0.0.1:" + allowed + "/fhir",
                "HTTP://127.0.0.1:" + forbidden + "/FHIR",
                "http://127.0.0.1.:" + forbidden + "/fhir",
                "http://localhost.:" + forbidden + "/fhir",
                "http://127.0.0.1:0" + forbidden + "/fhir",
                "http://127.0.0.1:" + allowed + "/fhir/../../127.0.0.1:" + forbidden + "/fhir",
                "https://127.0.0.1:" + allowed + "/fhir",
                "https://allowed.example@127.0.0.1:" + forbidden + "/fhir");
    }

    @ParameterizedTest
    @MethodSource("tricksAimedAtTheForbiddenServer")
    void noRequestReachesAServerOffTheList(String fhirServer, CapturedOutput output) {
        assertThat(fetch(fetcher, fhirServer)).isEmpty();

        assertThat(FORBIDDEN.requests()).isZero();
        assertThat(ALLOWED.requests()).isZero();
        assertThat(output).contains("Prefetch fallback refused").doesNotContain("secret-token").doesNotContain("pat-1");
    }

    @ParameterizedTest
    @MethodSource("otherSchemesAndInternalAddresses")
    void otherSchemesAndInternalAddressesAreRefusedBeforeAnyConnection(String fhirServer, CapturedOutput output) {
        assertThat(fetch(fetcher, fhirServer)).isEmpty();

        assertThat(output).contains("is not on cds.prefetch.allowed-fhir-servers");
    }

    static Stream<String> otherSchemesAndInternalAddresses() {
        return Stream.of("file:///etc/passwd", "file://localhost/etc/passwd", "jar:file:///app.jar!/",
                "gopher://127.0.0.1:" + FORBIDDEN.port() + "/", "ftp://127.0.0.1/",
                "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/fhir", "http://[::ffff:169.254.169.254]/",
                "http://metadata.google.internal/computeMetadata/v1/", "", "not a url", "//127.0.0.1/fhir");
    }

    @Test
    void theListedServerItselfIsCalled() {
        assertThat(fetch(fetcher, ALLOWED.fhirBase() + "/")).isPresent();

        assertThat(ALLOWED.requests()).isEqualTo(1);
    }

    @Test
    void aRedirectFromAListedServerIsNotFollowed() {
        assertThat(fetch(fetcher, REDIRECTING.fhirBase())).isEmpty();

        assertThat(REDIRECTING.requests()).isEqualTo(1);
        assertThat(FORBIDDEN.requests()).isZero();
    }

    @Test
    void theUnspecifiedAddressIsRefusedEvenWhenListed(CapturedOutput output) throws Exception {
        String viaUnspecified = "http://0.0.0.0:" + FORBIDDEN.port() + "/fhir";
        // Control: on this host 0.0.0.0 does reach the loopback server, so a count of 0 below means something.
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(viaUnspecified + "/metadata")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(FORBIDDEN.requests()).isEqualTo(1);
        FORBIDDEN.forget();

        assertThat(fetch(fetcher(List.of(viaUnspecified)), viaUnspecified)).isEmpty();

        assertThat(FORBIDDEN.requests()).isZero();
        assertThat(output).contains("resolves to a link-local, metadata or unspecified address");
    }

    @ParameterizedTest
    @MethodSource("linkLocalAndMetadataBases")
    void linkLocalAndMetadataAddressesAreRefusedEvenWhenListed(String base, CapturedOutput output) {
        assertThat(fetch(fetcher(List.of(base)), base)).isEmpty();

        assertThat(output).contains("resolves to a link-local, metadata or unspecified address");
    }

    static Stream<String> linkLocalAndMetadataBases() {
        return Stream.of("http://169.254.169.254/latest/meta-data", "http://[fe80::1]/fhir",
                "http://[::ffff:169.254.169.254]/fhir", "http://[fd00:ec2::254]/fhir");
    }
}
