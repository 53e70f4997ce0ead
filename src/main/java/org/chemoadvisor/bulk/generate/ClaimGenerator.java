package org.chemoadvisor.bulk.generate;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.chemoadvisor.rulepack.MuscleTable;

/**
 * Generates a seeded, realistic set of chemodenervation claims in Bulk Data layout (see
 * {@link BulkExportWriter}): patients of a movement-disorders clinic, re-injected every three to four
 * months, most visits coded correctly and a share with one coding mistake each, every mistake the
 * coding check knows. The same seed gives the same files.
 */
public final class ClaimGenerator {

    private final MuscleTable muscles;
    private final long seed;
    private final double mistakeRate;

    public ClaimGenerator(MuscleTable muscles, long seed, double mistakeRate) {
        this.muscles = muscles;
        this.seed = seed;
        this.mistakeRate = mistakeRate;
    }

    /** Writes {@code claims} claims (and their patients, coverage and documentation) to {@code dir}. */
    public long write(Path dir, long claims, boolean gzip) throws IOException {
        try (BulkExportWriter export = new BulkExportWriter(dir, FhirContext.forR4Cached(), gzip)) {
            for (long patient = 0; export.claimsWritten < claims; patient++) {
                String patientId = "p" + patient;
                Random person = new Random(seed ^ (patient * 0x9E3779B97F4A7C15L));
                export.patient(patientId, 1940 + person.nextInt(60), person.nextBoolean());
                List<Visit> visits = new PatientTimeline(seed, patient, muscles, mistakeRate)
                        .visits((int) Math.min(Integer.MAX_VALUE, claims - export.claimsWritten));
                for (Visit visit : visits) {
                    export.claim(patientId, "c" + export.claimsWritten, visit);
                }
            }
            return export.claimsWritten;
        }
    }
}
