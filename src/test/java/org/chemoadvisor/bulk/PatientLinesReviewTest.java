package org.chemoadvisor.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chemoadvisor.bulk.generate.ClaimGenerator;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One patient's lines reviewed in memory, as the Spark job reviews them, give each claim the outcome
 * the command writes for it (SparkWritesWhatTheCommandWritesTest checks the same through Spark).
 */
class PatientLinesReviewTest {

    private static final RulePack PACK = RulePackLoader.loadBundled();

    @Test
    void eachPatientsLinesGiveTheCommandsOutcomes(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in");
        new ClaimGenerator(PACK.muscles(), 20261208, 0.4).write(in, 600, false);
        // A claim HAPI has to read (a narrative), and lines that are not claims.
        Files.writeString(in.resolve("Claim-2.ndjson"), """
                {"resourceType":"Claim","id":"with-text","text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\">x</div>"},"status":"active","type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/claim-type","code":"professional"}]},"use":"claim","patient":{"reference":"Patient/nobody"},"created":"2025-01-02","provider":{"reference":"Organization/clinic"},"priority":{"coding":[{"code":"normal"}]},"insurance":[{"sequence":1,"focal":true,"coverage":{"reference":"Coverage/none"}}],"item":[{"sequence":1,"productOrService":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"64645"}]},"servicedDate":"2025-01-02","quantity":{"value":1}}]}
                {"resourceType":"Claim","id":"cut-off
                {"resourceType":"Organization","id":"clinic"}
                """);
        ClaimReviewCommand.run(new String[] {in.toString(), "--out", dir.resolve("out").toString()},
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()));

        PatientLinesReview review = new PatientLinesReview(FhirContext.forR4Cached(), PACK, PolicyProfile.MEDICARE);
        List<String> outcomes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<List<String>>> patient : byPatient(in).entrySet()) {
            review.review(patient.getValue().get(0), patient.getValue().get(1), problems::add)
                    .forEach(claim -> outcomes.add(claim.encoded()));
        }

        assertThat(outcomes).hasSize(601).anyMatch(outcome -> outcome.contains("\"id\":\"with-text\""))
                .containsExactlyInAnyOrderElementsOf(Files.readAllLines(dir.resolve("out/outcomes.ndjson")));
        assertThat(problems).containsExactlyInAnyOrder("not a FHIR R4 resource",
                "Organization is neither a Claim nor a collection Bundle with one Claim");
    }

    /** Each patient's supporting lines and claim lines, in file order then line order. */
    private static Map<String, List<List<String>>> byPatient(Path in) throws IOException {
        Map<String, List<List<String>>> patients = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(in)) {
            files = listed.filter(f -> f.toString().endsWith(".ndjson")).sorted().toList();
        }
        for (Path file : files) {
            boolean claims = file.getFileName().toString().startsWith("Claim");
            for (String line : Files.readAllLines(file)) {
                String key = PatientKey.of(line);
                String patient = key == null || key.equals(PatientKey.UNREADABLE) ? "alone:" + line : key;
                patients.computeIfAbsent(patient, k -> List.of(new ArrayList<>(), new ArrayList<>()))
                        .get(claims ? 1 : 0).add(line);
            }
        }
        return patients;
    }
}
