package org.chemoadvisor.claim;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.chemoadvisor.fhir.StructuralValidator;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every example Claim, posted over HTTP, yields exactly the rule IDs listed in expected-rule-ids.csv. */
@ClaimServerTest
class ClaimValidateExamplesTest {

    @LocalServerPort
    int port;

    @Autowired
    StructuralValidator structuralValidator;

    static Stream<Arguments> examples() throws IOException {
        List<String> rows = Files.readAllLines(TestClaims.EXAMPLES.resolve("expected-rule-ids.csv"));
        return rows.stream().skip(1).filter(r -> !r.isBlank()).map(row -> {
            String[] cells = row.split(",", -1);
            Set<String> ids = new TreeSet<>(Arrays.stream(cells[2].split(";"))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList());
            return Arguments.of(cells[0], cells[1], ids);
        });
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @MethodSource("examples")
    void exampleYieldsExactlyItsExpectedRuleIds(String file, String profile, Set<String> expected) {
        HttpResponse<String> response = new FhirHttp(port)
                .validate("?profile=" + profile, TestClaims.example(file), FhirHttp.FHIR_JSON);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(FhirHttp.ruleIds(FhirHttp.outcome(response))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleIsStructurallyValidR4(String file) {
        assertThat(structuralValidator.validate(TestClaims.parseAny(TestClaims.example(file))))
                .noneMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL);
    }

    @Test
    void everyExampleFileIsListed() throws IOException {
        Set<String> listed = new TreeSet<>();
        examples().forEach(a -> listed.add((String) a.get()[0]));
        try (Stream<Path> files = Files.list(TestClaims.EXAMPLES)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
    }

    @Test
    void cleanClaimGetsOnlyNoIssuesDetected() {
        OperationOutcome outcome = FhirHttp.outcome(new FhirHttp(port)
                .validate("", TestClaims.example("claim-clean-64644-64645-95874.json"), FhirHttp.FHIR_JSON));

        assertThat(outcome.getIssue()).singleElement().satisfies(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.INFORMATION);
            assertThat(issue.getDiagnostics()).isEqualTo(ClaimOutcomeRenderer.NO_ISSUES);
        });
    }
}
