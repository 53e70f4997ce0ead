package org.chemoadvisor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chemoadvisor.hostile.ServiceClient.Answer;
import org.hl7.fhir.r4.model.Claim;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/** XML sent to /fhir cannot make the service read local files or expand entities without bound. */
@HostileServerTest
class FhirXmlEntitiesTest {

    private static final String VALIDATE = "/fhir/Claim/$validate";
    private static final String SECRET = "XXE-SECRET-CONTENT-4711";

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private ServiceClient client;
    private String claimXml;

    @BeforeEach
    void setUp() {
        client = new ServiceClient(port);
        FhirContext fhir = FhirContext.forR4Cached();
        Claim claim = fhir.newJsonParser().parseResource(Claim.class, Examples.text(Examples.claims().get(0)));
        claimXml = fhir.newXmlParser().encodeResourceToString(claim);
        assertThat(claimXml).contains("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
    }

    @Test
    void anExternalEntityToALocalFileIsRefusedAndNeverRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String body = withDoctype("<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">", "&xxe;");

        Answer answer = client.post(VALIDATE, "application/fhir+xml", body);

        assertRefused(answer);
    }

    @Test
    void aParameterEntityToALocalFileIsRefusedAndNeverRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.dtd"), "<!ENTITY leak \"" + SECRET + "\">");
        String body = withDoctype("<!ENTITY % remote SYSTEM \"" + secret.toUri() + "\"> %remote;", "&leak;");

        Answer answer = client.post(VALIDATE, "application/fhir+xml", body);

        assertRefused(answer);
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"" + SECRET + "\">");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            entities.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">");
        }
        String body = withDoctype(entities.toString(), "&lol9;");

        Answer answer = client.post(VALIDATE, "application/fhir+xml", body);

        assertRefused(answer);
    }

    private String withDoctype(String declarations, String reference) {
        String doc = claimXml.replaceFirst("<div xmlns=\"http://www.w3.org/1999/xhtml\">",
                "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + reference);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Claim [" + declarations + "]>\n" + doc;
    }

    private static void assertRefused(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        assertThat(answer.body()).doesNotContain(SECRET).contains("OperationOutcome");
    }
}
