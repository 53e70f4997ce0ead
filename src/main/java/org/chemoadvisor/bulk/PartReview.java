package org.chemoadvisor.bulk;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rules.Finding;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reviews one part of the input on every core: its supporting resources are read in batches (built
 * by {@link SupportingResourceReader} when the review is rules-only and the line allows it, else
 * parsed by HAPI) and added in input order, its claim lines read in batches (each with {@link ExportClaimReader} when
 * the review is rules-only, so that most never meet HAPI's parser and are held as facts, not text),
 * the patients' lines indexed in input order ({@link OtherClaims}), then the claims checked in
 * batches and written a batch at a time. A claim not of the common shape, or a review with
 * structural validation, goes through HAPI and {@link ClaimReviewer}, as {@code Claim/$validate}
 * reads it. Input order is kept wherever it shows in an answer (the entries of a claim's Bundle).
 */
final class PartReview {

    /** Claim lines per task: enough to keep the pool's queue and the output lock out of the profile. */
    static final int BATCH = 256;

    /** A claim line, read into an {@link ExportClaim} when it could be; {@code read} is the input bytes read up to it. */
    private record Pending(NdjsonInputs.Line line, ExportClaim claim, long read) {
    }

    private final ExecutorService workers;
    private final FhirContext fhir;
    private final CodeSets codeSets;
    private final ClaimReviewer reviewer;
    private final ExportClaimCheck fast;
    private final ReviewOutputs results;
    private final AtomicLong reviewed;
    private final Consumer<String> problems;
    private final ThreadLocal<IParser> parsers;

    /**
     * @param fast     the check without HAPI, or null to send every claim through HAPI (structural validation)
     * @param reviewed set to the input bytes read up to the claims written so far (for the progress line)
     */
    PartReview(ExecutorService workers, FhirContext fhir, CodeSets codeSets, ClaimReviewer reviewer,
            ExportClaimCheck fast, ReviewOutputs results, AtomicLong reviewed, Consumer<String> problems) {
        this.workers = workers;
        this.fhir = fhir;
        this.codeSets = codeSets;
        this.reviewer = reviewer;
        this.fast = fast;
        this.results = results;
        this.reviewed = reviewed;
        this.problems = problems;
        this.parsers = ThreadLocal.withInitial(fhir::newJsonParser);
    }

    /** @param read the input bytes read so far, over all parts */
    void review(PatientPartitions.Part part, AtomicLong read) throws IOException {
        SupportingResources supporting = readSupporting(part);
        List<Pending> pending = readClaims(part, read);
        OtherClaims otherClaims = new OtherClaims();
        for (Pending claim : pending) {
            if (claim.claim() != null) {
                otherClaims.add(claim.claim(), codeSets);
            } else {
                otherClaims.add(claim.line().bytes(), codeSets);
            }
        }
        List<Future<Object>> batches = new ArrayList<>();
        for (int from = 0; from < pending.size(); from += BATCH) {
            List<Pending> batch = pending.subList(from, Math.min(pending.size(), from + BATCH));
            batches.add(workers.submit(() -> {
                check(batch, supporting, otherClaims);
                return null;
            }));
        }
        await(batches);
    }

    /** The part's Procedures, Coverage and Patients, parsed on every core and added in input order. */
    private SupportingResources readSupporting(PatientPartitions.Part part) throws IOException {
        List<Future<List<Object>>> batches = new ArrayList<>();
        List<NdjsonInputs.Line> lines = new ArrayList<>(BATCH);
        part.supportingLines(line -> {
            lines.add(line);
            if (lines.size() == BATCH) {
                batches.add(workers.submit(parseTask(List.copyOf(lines))));
                lines.clear();
            }
        });
        batches.add(workers.submit(parseTask(List.copyOf(lines))));
        SupportingResources supporting = new SupportingResources();
        for (List<Object> batch : await(batches)) {
            for (Object parsed : batch) {
                if (parsed instanceof Resource resource) {
                    supporting.add(resource);
                } else {
                    problems.accept((String) parsed);
                }
            }
        }
        return supporting;
    }

    /** Each line's resource, or the problem to report for it. */
    private Callable<List<Object>> parseTask(List<NdjsonInputs.Line> lines) {
        return () -> {
            IParser parser = parsers.get();
            List<Object> parsed = new ArrayList<>(lines.size());
            for (NdjsonInputs.Line line : lines) {
                try {
                    Resource built = fast == null ? null : SupportingResourceReader.read(line.bytes());
                    parsed.add(built != null ? built : parser.parseResource(line.text()));
                } catch (RuntimeException e) {
                    parsed.add(SupportingResources.unreadable(line));
                }
            }
            return parsed;
        };
    }

    private List<Pending> readClaims(PatientPartitions.Part part, AtomicLong read) throws IOException {
        List<Future<List<Pending>>> batches = new ArrayList<>();
        List<NdjsonInputs.Line> lines = new ArrayList<>(BATCH);
        long[] readAt = new long[BATCH];
        part.claimLines(line -> {
            readAt[lines.size()] = read.get();
            lines.add(line);
            if (lines.size() == BATCH) {
                batches.add(workers.submit(readTask(List.copyOf(lines), readAt.clone())));
                lines.clear();
            }
        }, read);
        batches.add(workers.submit(readTask(List.copyOf(lines), readAt.clone())));
        List<Pending> pending = new ArrayList<>();
        for (List<Pending> batch : await(batches)) {
            pending.addAll(batch);
        }
        return pending;
    }

    private Callable<List<Pending>> readTask(List<NdjsonInputs.Line> lines, long[] readAt) {
        return () -> {
            List<Pending> read = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                NdjsonInputs.Line line = lines.get(i);
                ExportClaim claim = fast == null ? null : ExportClaimReader.read(line.bytes());
                // A claim read is held as facts only: its text is most of what a part would keep in memory.
                read.add(new Pending(claim == null ? line : new NdjsonInputs.Line(line.file(), line.number(), null),
                        claim, readAt[i]));
            }
            return read;
        };
    }

    private void check(List<Pending> batch, SupportingResources supporting, OtherClaims otherClaims)
            throws IOException {
        List<ReviewOutputs.Reviewed> done = new ArrayList<>(batch.size());
        for (Pending claim : batch) {
            ReviewOutputs.Reviewed result = claim.claim() == null
                    ? checkWithHapi(claim.line(), supporting, otherClaims)
                    : checkRead(claim, supporting, otherClaims);
            if (result != null) {
                done.add(result);
            }
        }
        results.record(done);
        reviewed.accumulateAndGet(batch.get(batch.size() - 1).read(), Math::max);
    }

    /** A claim read without HAPI; null when it is reported as a problem instead, as HAPI's path would. */
    private ReviewOutputs.Reviewed checkRead(Pending claim, SupportingResources supporting, OtherClaims otherClaims)
            throws IOException {
        try {
            return ReviewOutputs.reviewed(claim.claim(), fast.check(claim.claim(), supporting, otherClaims));
        } catch (ExportClaimCheck.NotCheckable e) {
            results.problem(claim.line().file(), claim.line().number(), "could not be checked: " + e.getMessage());
        } catch (RuntimeException e) {
            results.problem(claim.line().file(), claim.line().number(), "could not be checked: "
                    + e.getClass().getSimpleName());
        }
        return null;
    }

    /** The claim as {@code Claim/$validate} reads it; null when the line is reported as a problem instead. */
    private ReviewOutputs.Reviewed checkWithHapi(NdjsonInputs.Line line, SupportingResources supporting,
            OtherClaims otherClaims) throws IOException {
        IParser parser = parsers.get();
        try {
            Resource resource;
            try {
                resource = (Resource) parser.parseResource(line.text());
            } catch (RuntimeException e) {
                results.problem(line.file(), line.number(), "not a FHIR R4 resource");
                return null;
            }
            Claim claim = ClaimBundles.claimOf(resource);
            if (claim == null) {
                results.problem(line.file(), line.number(), resource.fhirType() + " is neither a Claim nor a "
                        + "collection Bundle with one Claim");
                return null;
            }
            OperationOutcome outcome = reviewer.review(resource, supporting, otherClaims);
            return ReviewOutputs.reviewed(claim, outcome, parser);
        } catch (RuntimeException e) {
            results.problem(line.file(), line.number(), "could not be checked: " + e.getClass().getSimpleName());
            return null;
        }
    }

    private static <T> List<T> await(List<Future<T>> futures) throws IOException {
        List<T> done = new ArrayList<>(futures.size());
        try {
            for (Future<T> future : futures) {
                done.add(future.get());
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }
}
