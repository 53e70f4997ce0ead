package org.chemoadvisor.bulk;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.chemoadvisor.bulk.generate.ClaimGenerator;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one claim of a bulk review costs on one thread, stage by stage, over 2,000 generated claims
 * taken in turn: the parse floor (HAPI parsing the Claim line, which every review must do), the
 * split pass's patient key and the first pass's index of the line, a claim read without HAPI
 * ({@link ExportClaimReader}), and the whole check both ways: as the command runs it for a claim
 * of the common shape (read, facts with the patient's record, rules, outcome written as JSON) and
 * through HAPI (parse, the Bundle with the patient's record, rules, OperationOutcome encoded).
 * Run with {@code mvn -B -Pbenchmarks verify -Djmh.args="BulkReviewBenchmarks"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BulkReviewBenchmarks {

    @State(Scope.Benchmark)
    public static class Export {
        List<String> claims;
        /** The lines as the command reads them: UTF-8 bytes. */
        List<byte[]> claimBytes;
        SupportingResources supporting;
        OtherClaims otherClaims;
        /** The same index as the command builds it, from the claims read without HAPI. */
        OtherClaims readIndex = new OtherClaims();
        ClaimReviewer reviewer;
        RulePack pack;
        FhirContext fhir = FhirContext.forR4Cached();

        @Setup
        public void generate() throws IOException {
            Path dir = Files.createTempDirectory("bulk-bench");
            pack = RulePackLoader.loadBundled();
            new ClaimGenerator(pack.muscles(), 1, 0.3).write(dir, 2000, false);
            claims = Files.readAllLines(dir.resolve("Claim.ndjson"));
            claimBytes = claims.stream().map(line -> line.getBytes(StandardCharsets.UTF_8)).toList();
            PatientPartitions.Part whole = PatientPartitions.of(new NdjsonInputs(List.of(dir)), dir.resolve("work"),
                    Long.MAX_VALUE, new AtomicLong()).parts().get(0);
            supporting = SupportingResources.read(fhir, whole, problem -> { });
            otherClaims = OtherClaims.read(whole, pack.codeSets());
            reviewer = new ClaimReviewer(fhir, pack, false, "medicare");
            for (String claim : claims) {
                readIndex.add(ExportClaimReader.read(claim), pack.codeSets());
            }
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;
        IParser parser = FhirContext.forR4Cached().newJsonParser();

        String line(Export export) {
            next = (next + 1) % export.claims.size();
            return export.claims.get(next);
        }

        byte[] bytes(Export export) {
            next = (next + 1) % export.claimBytes.size();
            return export.claimBytes.get(next);
        }
    }

    @Benchmark
    public Object bulkParseClaim(Export export, Cursor cursor) {
        return cursor.parser.parseResource(cursor.line(export));
    }

    @Benchmark
    public Object bulkPatientKey(Export export, Cursor cursor) {
        byte[] line = cursor.bytes(export);
        return PatientKey.of(line, 0, line.length);
    }

    @Benchmark
    public Object bulkIndexLine(Export export, Cursor cursor) {
        return OtherClaims.of(List.of(cursor.line(export)), export.pack.codeSets());
    }

    @Benchmark
    public Object bulkReadClaim(Export export, Cursor cursor) {
        return ExportClaimReader.read(cursor.bytes(export));
    }

    /** What the command does per claim of the common shape, rules-only: read, check, outcome written as JSON. */
    @Benchmark
    public String bulkReviewReadClaim(Export export, Cursor cursor) {
        ExportClaim claim = ExportClaimReader.read(cursor.bytes(export));
        return ReviewedClaim.of(claim, export.reviewer.exportCheck().check(claim, export.supporting,
                export.readIndex)).encoded();
    }

    @Benchmark
    public String bulkReviewClaim(Export export, Cursor cursor) {
        Resource claim = (Resource) cursor.parser.parseResource(cursor.line(export));
        OperationOutcome outcome = export.reviewer.review(claim, export.supporting, export.otherClaims);
        return cursor.parser.encodeResourceToString(outcome);
    }
}
