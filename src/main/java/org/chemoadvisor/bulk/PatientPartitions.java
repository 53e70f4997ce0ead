package org.chemoadvisor.bulk;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The input of a review in parts that each hold whole patients, so that what one claim is checked
 * against (its Procedures, Coverage, the patient's other claims) is in memory a part or two at a
 * time and memory stays bounded whatever the input size. An input that fits one part is read where
 * it is; a larger one is first split, on every core, by a hash of the patient reference: each part's
 * lines are listed under a work directory (deleted at the end) by file, line number and offset
 * ({@link PartLists}), so that the review reads them from the input itself and a problem is still
 * reported where it is in the input (a gzipped file cannot be read by offset: its lines are copied
 * into the lists). Lines that name no patient (an Organization, a Practitioner) are given to every part.
 */
final class PatientPartitions implements Closeable {

    /**
     * Input bytes per part: two parts (one checked while the next is read) fit a small heap, and what a
     * part holds lives short enough that the young collections copy little of it.
     */
    static final long PART_BYTES = 4L << 20;
    /** A plain file is cut into a segment per thread, each at least this large. */
    private static final long MIN_SEGMENT_BYTES = 4L << 20;
    /** How much larger than its size a gzipped file is taken to be, for the number of parts. */
    private static final int GZIP_RATIO = 8;

    /** The lines of one part: its claims (Claim or Bundle lines) and what they reference. */
    interface Part {
        void claimLines(NdjsonInputs.LineHandler handler, AtomicLong read) throws IOException;

        void supportingLines(NdjsonInputs.LineHandler handler) throws IOException;
    }

    private final List<Part> parts = new ArrayList<>();
    private final Path workDir;
    private long claimBytes;

    private PatientPartitions(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * @param read the input bytes read while splitting (for the progress line)
     */
    static PatientPartitions of(NdjsonInputs files, Path workDir, long partBytes, AtomicLong read)
            throws IOException {
        return of(files, workDir, partBytes, Runtime.getRuntime().availableProcessors(), MIN_SEGMENT_BYTES, read);
    }

    /** As above, split by {@code threads}, a plain file cut in segments of at least {@code minSegmentBytes}. */
    static PatientPartitions of(NdjsonInputs files, Path workDir, long partBytes, int threads, long minSegmentBytes,
            AtomicLong read) throws IOException {
        long estimated = 0;
        List<Path> all = new ArrayList<>(files.claimFiles());
        all.addAll(files.supportingFiles());
        for (Path file : all) {
            estimated += Files.size(file) * (file.toString().endsWith(".gz") ? GZIP_RATIO : 1);
        }
        int count = estimated <= partBytes ? 1 : (int) Math.min(4096, estimated / partBytes + 1);
        if (count <= 1) {
            PatientPartitions whole = new PatientPartitions(null);
            whole.claimBytes = NdjsonInputs.size(files.claimFiles());
            whole.parts.add(new InPlace(files));
            return whole;
        }
        PatientPartitions partitions = new PatientPartitions(workDir);
        try {
            partitions.split(files, all, count, threads, minSegmentBytes, read);
            return partitions;
        } catch (IOException | RuntimeException e) {
            partitions.close();
            throw e;
        }
    }

    /**
     * Splits the input on every core: each plain file is cut at line starts into a segment per thread
     * (a gzipped file is one segment), the segments are handed out in input order, and each thread
     * writes its own lists; a line's number is its number in its segment until every segment is counted.
     */
    private void split(NdjsonInputs files, List<Path> all, int count, int threads, long minSegmentBytes,
            AtomicLong read) throws IOException {
        Files.createDirectories(workDir);
        List<PartLists.Segment> cut = segments(all, files.claimFiles().size(), threads, minSegmentBytes);
        long[] lines = new long[cut.size()];
        AtomicInteger nextSegment = new AtomicInteger();
        List<PartLists.Writer> writers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                PartLists.Writer writer = new PartLists.Writer(workDir, t, count);
                writers.add(writer);
                done.add(pool.submit(() -> {
                    long claimBytes = 0;
                    for (int k = nextSegment.getAndIncrement(); k < cut.size(); k = nextSegment.getAndIncrement()) {
                        long[] bytes = new long[1];
                        lines[k] = splitSegment(cut.get(k), k, count, writer, bytes, read);
                        claimBytes += bytes[0];
                    }
                    return claimBytes;
                }));
            }
            for (Future<Long> thread : done) {
                claimBytes += thread.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
            for (PartLists.Writer writer : writers) {
                writer.close();
            }
        }
        List<PartLists.Segment> segments = new ArrayList<>();
        for (int k = 0; k < cut.size(); k++) {
            boolean sameFile = k > 0 && cut.get(k - 1).file().equals(cut.get(k).file());
            long first = sameFile ? segments.get(k - 1).firstLine() + lines[k - 1] : 1;
            segments.add(cut.get(k).numberedFrom(first));
        }
        List<Path> shared = lists(writers, -1);
        for (int part = 0; part < count; part++) {
            List<Path> lists = lists(writers, part);
            if (!lists.isEmpty()) {
                parts.add(new Spilled(lists, shared, segments));
            }
        }
    }

    /** The input's segments in input order: claim files first (as {@code all} lists them). */
    private static List<PartLists.Segment> segments(List<Path> all, int claimFiles, int threads,
            long minSegmentBytes) throws IOException {
        List<PartLists.Segment> segments = new ArrayList<>();
        for (int f = 0; f < all.size(); f++) {
            Path file = all.get(f);
            boolean claims = f < claimFiles;
            if (file.toString().endsWith(".gz")) {
                segments.add(new PartLists.Segment(file, 0, Long.MAX_VALUE, claims, true, 1));
                continue;
            }
            long size = Files.size(file);
            int cuts = (int) Math.max(1, Math.min(threads, size / minSegmentBytes));
            long from = 0;
            for (int c = 1; c <= cuts; c++) {
                long to = c == cuts ? size : Math.max(from, NdjsonInputs.lineStartFrom(file, size * c / cuts));
                if (to > from || c == cuts) {
                    segments.add(new PartLists.Segment(file, from, to, claims, false, 1));
                }
                from = to;
            }
        }
        return segments;
    }

    /** One segment's lines to the lists of their parts; answers how many lines it has (blank ones too). */
    private static long splitSegment(PartLists.Segment segment, int k, int count, PartLists.Writer writer,
            long[] claimBytes, AtomicLong read) throws IOException {
        return NdjsonInputs.forEachRawLine(segment.file(), segment.from(), segment.to(),
                (bytes, from, to, number, offset) -> {
                    if (NdjsonInputs.isBlank(bytes, from, to)) {
                        return;
                    }
                    String patient = PatientKey.of(bytes, from, to);
                    int part;
                    if (patient == null && !segment.claims()) {
                        part = -1;
                    } else {
                        // Unreadable lines and claims with no patient go to one part, to be reported once.
                        part = patient == null || patient.equals(PatientKey.UNREADABLE) ? 0
                                : Math.floorMod(patient.hashCode(), count);
                    }
                    if (segment.claims()) {
                        claimBytes[0] += to - from + 1;
                    }
                    writer.write(part, segment.claims() ? PartLists.CLAIM : PartLists.SUPPORTING, k, number, bytes,
                            from, to, segment.copied() ? -1 : offset);
                }, read);
    }

    private static List<Path> lists(List<PartLists.Writer> writers, int part) {
        List<Path> lists = new ArrayList<>();
        for (PartLists.Writer writer : writers) {
            if (writer.list(part) != null) {
                lists.add(writer.list(part));
            }
        }
        return lists;
    }

    List<Part> parts() {
        return parts;
    }

    /** The bytes the review pass reads for its claims, for the progress estimate. */
    long claimBytes() {
        return claimBytes;
    }

    @Override
    public void close() throws IOException {
        if (workDir == null || !Files.exists(workDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The whole input as one part, read from the input files themselves. */
    private record InPlace(NdjsonInputs files) implements Part {

        @Override
        public void claimLines(NdjsonInputs.LineHandler handler, AtomicLong read) throws IOException {
            for (Path file : files.claimFiles()) {
                NdjsonInputs.forEachLine(file, handler, read);
            }
        }

        @Override
        public void supportingLines(NdjsonInputs.LineHandler handler) throws IOException {
            for (Path file : files.supportingFiles()) {
                NdjsonInputs.forEachLine(file, handler);
            }
        }
    }

    /** One part's lines, read from the input by the lists the split wrote for it. */
    private record Spilled(List<Path> lists, List<Path> shared, List<PartLists.Segment> segments) implements Part {

        @Override
        public void claimLines(NdjsonInputs.LineHandler handler, AtomicLong read) throws IOException {
            PartLists.read(lists, PartLists.CLAIM, segments, handler, read);
        }

        @Override
        public void supportingLines(NdjsonInputs.LineHandler handler) throws IOException {
            PartLists.read(shared, PartLists.SUPPORTING, segments, handler, new AtomicLong());
            PartLists.read(lists, PartLists.SUPPORTING, segments, handler, new AtomicLong());
        }
    }
}
