package org.chemoadvisor.bulk;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What a review writes in its output directory, as claims finish (any order): outcomes.ndjson (one
 * OperationOutcome per claim, its id the claim's, the claim's identifier as an extension),
 * findings.csv (one row per coding finding), problems.csv (input lines that could not be read),
 * and the totals the report is drawn from. The totals are counts and a bounded sample of claims,
 * so memory does not grow with the input.
 */
final class ReviewOutputs implements Closeable {

    /** Bytes, not a Writer: a String's own UTF-8 encoding is a copy for ASCII, where a Writer's encoder loops. */
    private final OutputStream outcomes;
    private final CSVPrinter findings;
    private final CSVPrinter problems;
    final AtomicLong claims = new AtomicLong();
    final AtomicLong claimsWithErrors = new AtomicLong();
    final AtomicLong unreadable = new AtomicLong();
    final Map<String, Long> byRule = new TreeMap<>();
    final Map<String, Long> byMonth = new TreeMap<>();
    final List<ReviewSummary.Listed> sample = new ArrayList<>();
    long sampledOut;

    ReviewOutputs(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.outcomes = new BufferedOutputStream(Files.newOutputStream(dir.resolve("outcomes.ndjson")), 1 << 16);
        this.findings = new CSVPrinter(Files.newBufferedWriter(dir.resolve("findings.csv"), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader("claim_id", "claim_identifier", "date_of_service", "rule_id",
                        "severity", "element", "finding_and_fix", "table_and_version").get());
        this.problems = new CSVPrinter(Files.newBufferedWriter(dir.resolve("problems.csv"), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader("file", "line", "problem").get());
    }

    /** Writes claims checked on one thread; a batch at a time keeps the lock out of the way. */
    synchronized void record(List<ReviewedClaim> batch) throws IOException {
        for (ReviewedClaim claim : batch) {
            outcomes.write(claim.encoded().getBytes(StandardCharsets.UTF_8));
            outcomes.write('\n');
            for (ReportedFinding finding : claim.findings()) {
                // Value by value: printRecord (commons-csv 1.14) makes a stream of its arguments per row.
                findings.print(claim.id());
                findings.print(claim.identifier());
                findings.print(claim.dateOfService());
                findings.print(finding.ruleId());
                findings.print(finding.severity());
                findings.print(finding.element());
                findings.print(finding.text());
                findings.print(finding.source());
                findings.println();
                byRule.merge(finding.ruleId(), 1L, Long::sum);
            }
            claims.incrementAndGet();
            if (claim.error()) {
                claimsWithErrors.incrementAndGet();
            }
            if (!claim.findings().isEmpty()) {
                byMonth.merge(claim.month(), (long) claim.findings().size(), Long::sum);
                keep(new ReviewSummary.Listed(claim.id(), claim.identifier(), claim.dateOfService(), claim.error(),
                        claim.findings()));
            }
        }
    }

    /** The sample keeps the claims with errors first; beyond its size, claims are only counted. */
    private void keep(ReviewSummary.Listed claim) {
        if (sample.size() < ReviewReport.CLAIMS_LISTED) {
            sample.add(claim);
            return;
        }
        sampledOut++;
        if (claim.error()) {
            for (int i = sample.size() - 1; i >= 0; i--) {
                if (!sample.get(i).error()) {
                    sample.set(i, claim);
                    return;
                }
            }
        }
    }

    synchronized ReviewSummary summary() {
        return new ReviewSummary(claims.get(), claimsWithErrors.get(), unreadable.get(), byRule, byMonth, sample,
                sampledOut);
    }

    synchronized void problem(Path file, long line, String problem) throws IOException {
        unreadable.incrementAndGet();
        problems.printRecord(file, line, problem);
    }

    @Override
    public synchronized void close() throws IOException {
        outcomes.close();
        findings.close();
        problems.close();
    }
}
