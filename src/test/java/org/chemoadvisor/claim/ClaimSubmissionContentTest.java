package org.chemoadvisor.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.chemoadvisor.cdshooks.data.CountingServer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A claim submission carries the Claim and what it refers to, never definitions. An ImplementationGuide's
 * {@code dependsOn} made HAPI's validator query the FHIR package registries while handling the request; here
 * the registry is a loopback server (named as the package server in a fhir-settings.json, as an operator
 * would), which must receive nothing.
 */
@ClaimServerTest
class ClaimSubmissionContentTest {

    private static final String SIX_AND_THREE = "bundle-documented-muscles-6-and-3-billed-64645.json";
    private static final CountingServer REGISTRY = CountingServer.answering();

    @LocalServerPort
    int port;

    /** Read by org.hl7.fhir.core when it first builds a package cache manager in this JVM. */
    @BeforeAll
    static void registryIsTheLoopbackServer() throws IOException {
        Path settings = Files.createTempFile("fhir-settings", ".json");
        Files.writeString(settings, "{\"ignoreDefaultPackageServers\":true,\"servers\":[{\"url\":\"http://127.0.0.1:"
                + REGISTRY.port() + "/packages\",\"type\":\"fhir-package\",\"authenticationType\":\"none\"}]}",
                StandardCharsets.UTF_8);
        System.setProperty("fhir.settings.path", settings.toString());
    }

    @AfterAll
    static void stop() {
        REGISTRY.close();
    }

    @BeforeEach
    void forget() {
        REGISTRY.forget();
    }

    private HttpResponse<String> post(IBaseResource resource) {
        return new FhirHttp(port).validate("?profile=medicare",
                TestClaims.FHIR.newJsonParser().encodeResourceToString(resource), FhirHttp.FHIR_JSON);
    }

    private static Bundle bundle() {
        return (Bundle) TestClaims.parseAny(TestClaims.example(SIX_AND_THREE));
    }

    private static List<String> expressions(OperationOutcomeIssueComponent issue) {
        return issue.getExpression().stream().map(StringType::getValue).toList();
    }

    static ImplementationGuide guideDependingOnTheRegistry() {
        ImplementationGuide guide = new ImplementationGuide().setUrl("http://example.org/ImplementationGuide/x")
                .setName("X").setStatus(PublicationStatus.ACTIVE).setPackageId("example.x");
        guide.addDependsOn().setUri("http://127.0.0.1:" + REGISTRY.port() + "/ImplementationGuide/evil")
                .setPackageId("evil.pkg").setVersion("1.0.0");
        return guide;
    }

    static Stream<Resource> definitions() {
        return Stream.of(guideDependingOnTheRegistry(),
                new StructureDefinition().setUrl("http://127.0.0.1:" + REGISTRY.port() + "/StructureDefinition/x")
                        .setType("Claim").setStatus(PublicationStatus.ACTIVE),
                new ValueSet().setUrl("http://127.0.0.1:" + REGISTRY.port() + "/ValueSet/x")
                        .setStatus(PublicationStatus.ACTIVE),
                new CodeSystem().setUrl("http://127.0.0.1:" + REGISTRY.port() + "/CodeSystem/x")
                        .setStatus(PublicationStatus.ACTIVE),
                new CapabilityStatement().setStatus(PublicationStatus.ACTIVE));
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void aDefinitionInTheBundleIsRefusedNamingItsEntry(Resource definition) {
        Bundle bundle = bundle();
        int entry = bundle.getEntry().size();
        bundle.addEntry().setFullUrl("http://example.org/fhir/" + definition.fhirType() + "/x").setResource(definition);

        HttpResponse<String> response = post(bundle);

        assertThat(response.statusCode()).isEqualTo(422);
        OperationOutcomeIssueComponent issue = FhirHttp.outcome(response).getIssueFirstRep();
        assertThat(issue.getDiagnostics()).contains("not a " + definition.fhirType());
        assertThat(expressions(issue)).containsExactly("Bundle.entry[" + entry + "].resource");
        assertThat(REGISTRY.requests()).isZero();
    }

    @Test
    void aDefinitionInTheBundleInsideParametersIsRefused() {
        Bundle bundle = bundle();
        bundle.addEntry().setResource(guideDependingOnTheRegistry());
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("resource").setResource(bundle);

        HttpResponse<String> response = post(parameters);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(expressions(FhirHttp.outcome(response).getIssueFirstRep()))
                .containsExactly("Bundle.entry[" + (bundle.getEntry().size() - 1) + "].resource");
        assertThat(REGISTRY.requests()).isZero();
    }

    @Test
    void aDefinitionContainedInAnAcceptedEntryIsRefused() {
        Bundle bundle = bundle();
        int procedure = 4;
        ((Procedure) bundle.getEntry().get(procedure).getResource()).addContained(guideDependingOnTheRegistry());

        HttpResponse<String> response = post(bundle);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(expressions(FhirHttp.outcome(response).getIssueFirstRep()))
                .containsExactly("Bundle.entry[" + procedure + "].resource.contained[0]");
        assertThat(REGISTRY.requests()).isZero();
    }

    @Test
    void aDefinitionContainedInAClaimSentAloneIsRefused() {
        Claim claim = (Claim) bundle().getEntry().get(0).getResource();
        claim.addContained(guideDependingOnTheRegistry());

        HttpResponse<String> response = post(claim);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(expressions(FhirHttp.outcome(response).getIssueFirstRep())).containsExactly("Claim.contained[0]");
        assertThat(REGISTRY.requests()).isZero();
    }

    @Test
    void aResourceInAnEntryResponseIsRefusedToo() {
        Bundle bundle = bundle();
        bundle.getEntry().get(1).getResponse().setStatus("200").setOutcome(guideDependingOnTheRegistry());

        HttpResponse<String> response = post(bundle);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(expressions(FhirHttp.outcome(response).getIssueFirstRep()))
                .containsExactly("Bundle.entry[1].response.outcome");
    }

    @Test
    void theResourcesAClaimRefersToAreAccepted() {
        Bundle bundle = bundle();
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType())
                .contains("Claim", "Patient", "Coverage", "Procedure");

        HttpResponse<String> response = post(bundle);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(FhirHttp.ruleIds(FhirHttp.outcome(response))).containsExactly("CHEMO-05");
    }

    @Test
    void aBundleSignatureIsSetAsideWithANoteNotVerified() {
        Bundle bundle = bundle();
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"alg\":\"RS256\",\"kid\":\"k1\","
                + "\"x5u\":\"http://127.0.0.1:" + REGISTRY.port() + "/x5u\",\"jku\":\"http://127.0.0.1:"
                + REGISTRY.port() + "/jku\"}").getBytes(StandardCharsets.UTF_8));
        bundle.getSignature().setSigFormat("application/jose").setData((header + "..c2ln").getBytes(StandardCharsets.UTF_8))
                .addType(new Coding("urn:iso-astm:E1762-95:2013", "1.2.840.10065.1.12.1.1", null));

        HttpResponse<String> response = post(bundle);

        assertThat(response.statusCode()).isEqualTo(200);
        OperationOutcome outcome = FhirHttp.outcome(response);
        assertThat(outcome.getIssue()).anySatisfy(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.INFORMATION);
            assertThat(issue.getDiagnostics()).contains("Bundle.signature was not verified");
            assertThat(expressions(issue)).containsExactly("Bundle.signature");
        });
        assertThat(outcome.getIssue()).noneMatch(issue -> expressions(issue).stream()
                .anyMatch(e -> e.startsWith("Bundle.signature") && !issue.getDiagnostics().contains("not verified")));
        assertThat(outcome.getIssue()).map(OperationOutcomeIssueComponent::getDiagnostics)
                .noneMatch(d -> d != null && (d.contains("Signature Verification") || d.contains("certificate")));
        assertThat(FhirHttp.ruleIds(outcome)).containsExactly("CHEMO-05");
        assertThat(REGISTRY.requests()).isZero();
    }
}
