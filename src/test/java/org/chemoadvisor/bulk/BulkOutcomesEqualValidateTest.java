package org.chemoadvisor.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chemoadvisor.bulk.generate.ClaimGenerator;
import org.chemoadvisor.claim.ClaimServerTest;
import org.chemoadvisor.claim.FhirHttp;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each outcome the command writes for a generated claim is the OperationOutcome the running
 * service's {@code Claim/$validate} answers for the Bundle the claim was checked in (its Procedures,
 * Coverage, Patient and the patient's other claims), issue for issue: the bulk review is the same
 * review, not a look-alike. Rules only and with HAPI's structural validation.
 */
@ClaimServerTest
class BulkOutcomesEqualValidateTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "structural={0}")
    @CsvSource({"false,600", "true,150"})
    void eachOutcomeIsWhatValidateAnswersForTheClaimsBundle(boolean structural, int claims, @TempDir Path dir)
            throws IOException {
        Path in = dir.resolve("in");
        RulePack pack = RulePackLoader.loadBundled();
        new ClaimGenerator(pack.muscles(), 11, 0.3).write(in, claims, false);
        List<String> args = new ArrayList<>(List.of(in.toString(), "--out", dir.resolve("out").toString(),
                "--profile", "medicare"));
        if (structural) {
            args.add("--structural");
        }
        ClaimReviewCommand.run(args.toArray(String[]::new), new PrintStream(OutputStream.nullOutputStream()),
                System.err);

        Map<String, JsonNode> written = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("out/outcomes.ndjson"))) {
            ObjectNode outcome = (ObjectNode) JSON.readTree(line);
            outcome.remove(List.of("id", "extension"));
            written.put(JSON.readTree(line).path("id").asText(), outcome);
        }
        PatientPartitions.Part whole = PatientPartitions.of(new NdjsonInputs(List.of(in)), dir.resolve("work"),
                Long.MAX_VALUE, new java.util.concurrent.atomic.AtomicLong()).parts().get(0);
        SupportingResources supporting = SupportingResources.read(FHIR, whole, problem -> { });
        OtherClaims otherClaims = OtherClaims.read(whole, pack.codeSets());
        FhirHttp http = new FhirHttp(port);
        int compared = 0;
        for (String line : Files.readAllLines(in.resolve("Claim.ndjson"))) {
            Bundle bundle = ClaimBundles.withRecord((Resource) FHIR.newJsonParser().parseResource(line), supporting,
                    otherClaims);
            String id = ClaimBundles.claimOf(bundle).getIdElement().getIdPart();
            HttpResponse<String> answer = http.validate("?profile=medicare&structural=" + structural,
                    FHIR.newJsonParser().encodeResourceToString(bundle), FhirHttp.FHIR_JSON);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body())).as(id).isEqualTo(written.get(id));
            compared++;
        }
        assertThat(compared).isEqualTo(claims).isEqualTo(written.size());
    }
}
