package org.chemoadvisor.bulk.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes generated patients as a FHIR Bulk Data export: {@code Patient.ndjson},
 * {@code Coverage.ndjson}, {@code Procedure.ndjson} (the documented muscles) and {@code Claim.ndjson},
 * joined by reference, plus {@code expected-rule-ids.csv}: each claim's mistake and the rule IDs the
 * coding check should raise for it under the Medicare profile.
 */
final class BulkExportWriter implements Closeable {

    static final String EXPECTED = "expected-rule-ids.csv";

    private final BufferedWriter patients;
    private final BufferedWriter coverages;
    private final BufferedWriter procedures;
    private final BufferedWriter claims;
    private final BufferedWriter expected;
    long claimsWritten;

    BulkExportWriter(Path dir, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        String suffix = gzip ? ".ndjson.gz" : ".ndjson";
        this.patients = open(dir.resolve("Patient" + suffix), gzip);
        this.coverages = open(dir.resolve("Coverage" + suffix), gzip);
        this.procedures = open(dir.resolve("Procedure" + suffix), gzip);
        this.claims = open(dir.resolve("Claim" + suffix), gzip);
        this.expected = open(dir.resolve(EXPECTED), false);
        expected.write("claim_id,mistake,rule_ids\n");
    }

    private static BufferedWriter open(Path file, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return new BufferedWriter(new OutputStreamWriter(gzip ? new GZIPOutputStream(out, 1 << 16) : out,
                StandardCharsets.UTF_8), 1 << 16);
    }

    /** The patient and their first claims, at most {@code maxClaims}. */
    void write(ExportEncoder.EncodedPatient patient, long maxClaims) throws IOException {
        line(patients, patient.patient());
        line(coverages, patient.coverage());
        for (ExportEncoder.EncodedClaim claim : patient.claims()) {
            if (maxClaims-- <= 0) {
                return;
            }
            for (String procedure : claim.procedures()) {
                line(procedures, procedure);
            }
            line(claims, claim.claim());
            line(expected, claim.expected());
            claimsWritten++;
        }
    }

    private static void line(BufferedWriter file, String text) throws IOException {
        file.write(text);
        file.write('\n');
    }

    @Override
    public void close() throws IOException {
        for (BufferedWriter file : new BufferedWriter[] {patients, coverages, procedures, claims, expected}) {
            file.close();
        }
    }
}
