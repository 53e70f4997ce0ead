package org.chemoadvisor.bulk;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * Reviews one part of the input: it is read on one thread (its supporting resources built by
 * {@link SupportingResourceReader} when the review is rules-only and the line allows it, else parsed
 * by HAPI, and added in input order; its claim lines read with {@link ExportClaimReader} when the
 * review is rules-only, so that most never meet HAPI's parser and are held as facts, not text; the
 * patients' lines indexed in input order, {@link OtherClaims}), then its claims are checked on every
 * core in batches and written a batch at a time, while the next part is read. A claim not of the
 * common shape, or a review with structural validation, goes through HAPI and {@link ClaimReviewer},
 * as {@code Claim/$validate} reads it. Input order is kept wherever it shows in an answer (the entries of a claim's Bundle).
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

    /** A part read: its claims and the record they are checked against. */
    record ReadPart(List<Pending> claims, SupportingResources supporting, OtherClaims otherClaims) {
    }

    /**
     * Reads a part on the calling thread, so that it can read the next part while the workers check
     * this one: supporting resources first (added in input order), then the claims, then the index of
     * the patients' lines.
     *
     * @param read the input bytes read so far, over all parts
     */
    ReadPart read(PatientPartitions.Part part, AtomicLong read) throws IOException {
        SupportingResources supporting = new SupportingResources();
        IParser parser = parsers.get();
        part.supportingLines(line -> {
            try {
                Resource built = fast == null ? null : SupportingResourceReader.read(line.bytes());
                supporting.add(built != null ? built : (Resource) parser.parseResource(line.text()));
            } catch (RuntimeException e) {
                problems.accept(SupportingResources.unreadable(line));
            }
        });
        List<Pending> claims = new ArrayList<>();
        OtherClaims otherClaims = new OtherClaims();
        part.claimLines(line -> {
            ExportClaim claim = fast == null ? null : ExportClaimReader.read(line.bytes());
            if (claim != null) {
                otherClaims.add(claim, codeSets);
                // A claim read is held as facts only: its text is most of what a part would keep in memory.
                claims.add(new Pending(new NdjsonInputs.Line(line.file(), line.number(), null), claim, read.get()));
            } else {
                otherClaims.add(line.bytes(), codeSets);
                claims.add(new Pending(line, null, read.get()));
            }
        }, read);
        return new ReadPart(claims, supporting, otherClaims);
    }

    /** Checks the part's claims on the workers, a batch a task; each batch is written when it is checked. */
    List<Future<Object>> check(ReadPart part) {
        List<Future<Object>> batches = new ArrayList<>();
        for (int from = 0; from < part.claims().size(); from += BATCH) {
            List<Pending> batch = part.claims().subList(from, Math.min(part.claims().size(), from + BATCH));
            batches.add(workers.submit(() -> {
                check(batch, part.supporting(), part.otherClaims());
                return null;
            }));
        }
        return batches;
    }

    private void check(List<Pending> batch, SupportingResources supporting, OtherClaims otherClaims)
            throws IOException {
        List<ReviewedClaim> done = new ArrayList<>(batch.size());
        for (Pending claim : batch) {
            ReviewedClaim result = claim.claim() == null
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
    private ReviewedClaim checkRead(Pending claim, SupportingResources supporting, OtherClaims otherClaims)
            throws IOException {
        return reviewedOrReported(claim.line(), ClaimLineReview.checkRead(claim.claim(), fast, supporting, otherClaims));
    }

    /** The claim as {@code Claim/$validate} reads it; null when the line is reported as a problem instead. */
    private ReviewedClaim checkWithHapi(NdjsonInputs.Line line, SupportingResources supporting,
            OtherClaims otherClaims) throws IOException {
        return reviewedOrReported(line, ClaimLineReview.checkWithHapi(line.text(), parsers.get(),
                resource -> reviewer.review(resource, supporting, otherClaims)));
    }

    private ReviewedClaim reviewedOrReported(NdjsonInputs.Line line, ClaimLineReview.Result result)
            throws IOException {
        if (result.problem() != null) {
            results.problem(line.file(), line.number(), result.problem());
        }
        return result.claim();
    }

    static <T> List<T> await(List<Future<T>> futures) throws IOException {
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
