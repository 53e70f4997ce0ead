package org.chemoadvisor.bulk.generate;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chemoadvisor.rulepack.MuscleTable;

/**
 * Generates a seeded, realistic set of chemodenervation claims in Bulk Data layout (see
 * {@link BulkExportWriter}): patients of a movement-disorders clinic, re-injected every three to four
 * months, most visits coded correctly and a share with one coding mistake each, one for every rule
 * but the general add-on edit (CHEMO-23, which the specific ones claim first). Each patient depends only on the seed and their number, so patients are made on
 * every core and written in order: the same seed gives the same files on any machine.
 */
public final class ClaimGenerator {

    private static final int PATIENTS_PER_TASK = 200;

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
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadLocal<ExportEncoder> encoders = ThreadLocal.withInitial(() -> new ExportEncoder(
                FhirContext.forR4Cached()));
        try (BulkExportWriter export = new BulkExportWriter(dir, gzip)) {
            Deque<Future<List<ExportEncoder.EncodedPatient>>> pending = new ArrayDeque<>();
            long nextPatient = 0;
            while (export.claimsWritten < claims) {
                while (pending.size() < threads * 2) {
                    long first = nextPatient;
                    pending.add(pool.submit(() -> patients(first, encoders.get())));
                    nextPatient += PATIENTS_PER_TASK;
                }
                for (ExportEncoder.EncodedPatient patient : pending.poll().get()) {
                    if (export.claimsWritten < claims) {
                        export.write(patient, claims - export.claimsWritten);
                    }
                }
            }
            return export.claimsWritten;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("could not generate claims: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each claim's expected rule IDs, as {@link #write} lists them in {@code expected-rule-ids.csv}. */
    public static Map<String, Set<String>> expectedRuleIds(Path dir) throws IOException {
        Map<String, Set<String>> expected = new HashMap<>();
        for (String row : Files.readAllLines(dir.resolve(BulkExportWriter.EXPECTED)).stream().skip(1).toList()) {
            String[] cells = row.split(",", -1);
            expected.put(cells[0], new TreeSet<>(Arrays.stream(cells[2].split(";")).filter(id -> !id.isEmpty())
                    .toList()));
        }
        return expected;
    }

    private List<ExportEncoder.EncodedPatient> patients(long first, ExportEncoder encoder) {
        List<ExportEncoder.EncodedPatient> patients = new ArrayList<>(PATIENTS_PER_TASK);
        for (long patient = first; patient < first + PATIENTS_PER_TASK; patient++) {
            Random person = new Random(seed ^ (patient * 0x9E3779B97F4A7C15L));
            List<Visit> visits = new PatientTimeline(seed, patient, muscles, mistakeRate).visits(Integer.MAX_VALUE);
            patients.add(encoder.patient("p" + patient, 1940 + person.nextInt(60), person.nextBoolean(), visits));
        }
        return patients;
    }
}
