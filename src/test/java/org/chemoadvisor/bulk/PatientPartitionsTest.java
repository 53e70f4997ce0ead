package org.chemoadvisor.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.chemoadvisor.bulk.generate.ClaimGenerator;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The split on several threads, each plain file cut in segments: every line ends up in one part
 * (a line naming no patient in every part, first), whole patients to a part, each part's lines in
 * input order, numbered as they are in their file.
 */
class PatientPartitionsTest {

    @TempDir
    static Path dir;
    static Path in;

    @BeforeAll
    static void export() throws IOException {
        in = dir.resolve("in");
        new ClaimGenerator(RulePackLoader.loadBundled().muscles(), 11, 0.3).write(in, 600, false);
        // Line ends of every kind, blank lines and a line that is not ASCII, across segment cuts.
        StringBuilder claims = new StringBuilder();
        List<String> generated = Files.readAllLines(in.resolve("Claim.ndjson"));
        for (int i = 0; i < 40; i++) {
            claims.append(generated.get(i).replace("\"Neurology clinic\"", "\"Clinique neurologie Léon\""))
                    .append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\r" : "\n\n");
        }
        Files.writeString(in.resolve("Claim-2.ndjson"), claims, StandardCharsets.UTF_8);
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(in.resolve("Coverage.ndjson.gz")))) {
            Files.copy(in.resolve("Coverage.ndjson"), gzip);
            // A line longer than a list's buffer, copied from the gzipped file.
            gzip.write(("{\"resourceType\":\"Coverage\",\"id\":\"long\",\"beneficiary\":{\"reference\":\"Patient/p1\"},"
                    + "\"payor\":[{\"display\":\"" + "x".repeat(20_000) + "\"}]}\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.delete(in.resolve("Coverage.ndjson"));
        Files.writeString(in.resolve("Organization.ndjson"), "{\"resourceType\":\"Organization\",\"id\":\"o1\"}\n"
                + "{\"resourceType\":\"Organization\",\"id\":\"o2\"}\n");
    }

    @Test
    void eachLineIsInThePartOfItsPatientInInputOrderWithItsNumber() throws IOException {
        NdjsonInputs files = new NdjsonInputs(List.of(in));
        List<String> expectedClaims = lines(files.claimFiles());
        List<String> expectedSupporting = lines(files.supportingFiles());

        try (PatientPartitions partitions = PatientPartitions.of(files, dir.resolve("work"), 64 << 10, 3, 16 << 10,
                new AtomicLong())) {
            assertThat(partitions.parts()).hasSizeGreaterThan(10);
            List<String> claims = new ArrayList<>();
            List<String> supporting = new ArrayList<>();
            Map<String, Integer> partOfPatient = new HashMap<>();
            for (int p = 0; p < partitions.parts().size(); p++) {
                List<String> partClaims = new ArrayList<>();
                List<String> partSupporting = new ArrayList<>();
                int part = p;
                PatientPartitions.Part lines = partitions.parts().get(p);
                lines.claimLines(line -> {
                    partClaims.add(key(line));
                    String patient = PatientKey.of(line.text());
                    assertThat(partOfPatient.putIfAbsent(patient, part)).as(patient).isIn(null, part);
                }, new AtomicLong());
                lines.supportingLines(line -> {
                    partSupporting.add(key(line));
                    String patient = PatientKey.of(line.text());
                    if (patient != null) {
                        assertThat(partOfPatient.putIfAbsent(patient, part)).as(patient).isIn(null, part);
                    }
                });
                assertThat(partClaims).as("input order").isSortedAccordingTo((a, b) ->
                        Integer.compare(expectedClaims.indexOf(a), expectedClaims.indexOf(b)));
                // The lines of no patient first, in every part, then the part's own, each in input order.
                assertThat(partSupporting.subList(0, 2)).containsExactly(
                        file("Organization.ndjson") + ":1:{\"resourceType\":\"Organization\",\"id\":\"o1\"}",
                        file("Organization.ndjson") + ":2:{\"resourceType\":\"Organization\",\"id\":\"o2\"}");
                assertThat(partSupporting.subList(2, partSupporting.size())).as("input order").isSortedAccordingTo(
                        (a, b) -> Integer.compare(expectedSupporting.indexOf(a), expectedSupporting.indexOf(b)));
                claims.addAll(partClaims);
                supporting.addAll(partSupporting);
            }
            assertThat(claims).containsExactlyInAnyOrderElementsOf(expectedClaims);
            Set<String> distinct = new HashSet<>(supporting);
            assertThat(distinct).containsExactlyInAnyOrderElementsOf(expectedSupporting);
        }
    }

    private static List<String> lines(List<Path> files) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            NdjsonInputs.forEachLine(file, line -> lines.add(key(line)));
        }
        return lines;
    }

    private static String key(NdjsonInputs.Line line) {
        return line.file() + ":" + line.number() + ":" + line.text();
    }

    private static String file(String name) {
        return in.resolve(name).toString();
    }
}
