package org.chemoadvisor.bulk;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;

/**
 * {@code java -jar <jar> validate-claims INPUT... --out DIR [--profile medicare|commercial] [--structural]}:
 * the review {@code Claim/$validate} gives, for a file of claims. Claims are read as a stream and
 * checked on every core, at most a few per core in flight, so memory stays bounded whatever the
 * input size. A line that is not a Claim or Bundle is reported with its file and line number and
 * the run goes on. Exit status: 0 no claim has an error, 1 some claim has, 2 the run could not start.
 */
public final class ClaimReviewCommand {

    /** Under the output directory while a large input is split by patient; removed at the end. */
    static final String WORK_DIR = ".partitions";

    private ClaimReviewCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** As {@link #main}, returning the exit status instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> inputs = new ArrayList<>();
        Path outDir = null;
        String profile = null;
        boolean structural = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> outDir = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--profile" -> profile = i + 1 < args.length ? args[++i] : null;
                case "--structural" -> structural = true;
                default -> inputs.add(Path.of(args[i]));
            }
        }
        if (inputs.isEmpty() || outDir == null || (profile != null && !profile.matches("medicare|commercial"))) {
            err.println("Usage: java -jar <jar> validate-claims INPUT... --out DIR [--profile medicare|commercial]"
                    + " [--structural]\n  INPUT: Claim/Bundle NDJSON files (.ndjson, .ndjson.gz) as Bulk Data $export"
                    + " writes them, with their Procedure, Coverage and Patient files, or directories of them.");
            return 2;
        }
        try {
            return review(inputs, outDir, profile, structural, out);
        } catch (IOException e) {
            err.println("validate-claims: " + e.getMessage());
            return 2;
        }
    }

    static int review(List<Path> inputs, Path outDir, String profile, boolean structural, PrintStream out)
            throws IOException {
        return review(inputs, outDir, profile, structural, out, PatientPartitions.PART_BYTES);
    }

    /** As above, splitting the input by patient once it is larger than {@code partBytes}. */
    static int review(List<Path> inputs, Path outDir, String profile, boolean structural, PrintStream out,
            long partBytes) throws IOException {
        long started = System.nanoTime();
        FhirContext fhir = FhirContext.forR4Cached();
        RulePack pack = RulePackLoader.loadBundled();
        NdjsonInputs files = new NdjsonInputs(inputs);
        try (ReviewOutputs results = new ReviewOutputs(outDir);
                Progress progress = Progress.start(out, results.claims)) {
            progress.splitting(NdjsonInputs.size(files.claimFiles()) + NdjsonInputs.size(files.supportingFiles()));
            try (PatientPartitions partitions = PatientPartitions.of(files, outDir.resolve(WORK_DIR), partBytes,
                    progress.bytesRead)) {
                progress.reviewing(partitions.claimBytes());
                reviewParts(partitions, new ClaimReviewer(fhir, pack, structural, profile), fhir, pack, results,
                        progress, out);
            }
            progress.finish();
            ReviewReport.write(outDir.resolve("report.html"), results.summary(),
                    inputs.stream().map(Path::toString).toList(), (System.nanoTime() - started) / 1_000_000);
            out.printf("%d claims, %d with errors, %d unreadable lines: %s%n", results.claims.get(),
                    results.claimsWithErrors.get(), results.unreadable.get(), outDir.toAbsolutePath());
            return results.claimsWithErrors.get() > 0 ? 1 : 0;
        }
    }

    /**
     * Part by part, the claims of each checked on every core while this thread reads the next part:
     * at most two parts are in memory, and no core waits for the reading.
     */
    private static void reviewParts(PatientPartitions partitions, ClaimReviewer reviewer, FhirContext fhir,
            RulePack pack, ReviewOutputs results, Progress progress, PrintStream out)
            throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            PartReview review = new PartReview(workers, fhir, pack.codeSets(), reviewer, reviewer.exportCheck(), results,
                    progress.bytesRead, out::println);
            AtomicLong read = new AtomicLong();
            List<Future<Object>> checking = List.of();
            for (PatientPartitions.Part part : partitions.parts()) {
                PartReview.ReadPart next = review.read(part, read);
                PartReview.await(checking);
                checking = review.check(next);
            }
            PartReview.await(checking);
        } finally {
            workers.shutdown();
            awaitQuietly(workers);
        }
    }

    private static void awaitQuietly(ExecutorService workers) {
        try {
            workers.awaitTermination(7, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
