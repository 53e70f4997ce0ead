package org.chemoadvisor.bulk;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The input of a review in parts that each hold whole patients, so that what one claim is checked
 * against (its Procedures, Coverage, the patient's other claims) is in memory for one part at a time
 * and memory stays bounded whatever the input size. An input that fits one part is read where it is;
 * a larger one is first split by a hash of the patient reference into files under a work directory
 * (deleted at the end), each line tagged with the file and line number it came from, so a problem is
 * still reported where it is in the input. Lines that name no patient (an Organization, a
 * Practitioner) are given to every part.
 */
final class PatientPartitions implements Closeable {

    /** Input bytes per part: a part's supporting resources and claim index fit a small heap. */
    static final long PART_BYTES = 48L << 20;
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
            partitions.split(files, all, count, read);
            return partitions;
        } catch (IOException | RuntimeException e) {
            partitions.close();
            throw e;
        }
    }

    private void split(NdjsonInputs files, List<Path> all, int count, AtomicLong read) throws IOException {
        Files.createDirectories(workDir);
        Path shared = workDir.resolve("shared.tsv");
        Path[] partFiles = new Path[count];
        OutputStream[] writers = new OutputStream[count];
        try (OutputStream sharedWriter = new BufferedOutputStream(Files.newOutputStream(shared), 1 << 16)) {
            for (int f = 0; f < all.size(); f++) {
                boolean claims = f < files.claimFiles().size();
                byte[] prefix = ((claims ? "C\t" : "S\t") + f + "\t").getBytes(StandardCharsets.US_ASCII);
                NdjsonInputs.forEachRawLine(all.get(f), (bytes, from, to, number, ascii) -> {
                    // An ASCII line that opens an object is copied as it is; any other is decoded, as the review reads it.
                    boolean copied = ascii && to > from && bytes[from] == '{';
                    String text = copied ? null : new String(bytes, from, to - from, StandardCharsets.UTF_8);
                    if (text != null && text.isBlank()) {
                        return;
                    }
                    String patient = copied ? PatientKey.ofAscii(bytes, from, to) : PatientKey.of(text);
                    OutputStream out;
                    if (patient == null && !claims) {
                        out = sharedWriter;
                    } else {
                        // Unreadable lines and claims with no patient go to one part, to be reported once.
                        int part = patient == null || patient.equals(PatientKey.UNREADABLE) ? 0
                                : Math.floorMod(patient.hashCode(), count);
                        if (writers[part] == null) {
                            partFiles[part] = workDir.resolve("part-" + part + ".tsv");
                            writers[part] = new BufferedOutputStream(Files.newOutputStream(partFiles[part]), 1 << 13);
                        }
                        out = writers[part];
                    }
                    out.write(prefix);
                    out.write(Long.toString(number).getBytes(StandardCharsets.US_ASCII));
                    out.write('\t');
                    if (copied) {
                        out.write(bytes, from, to - from);
                    } else {
                        out.write(text.getBytes(StandardCharsets.UTF_8));
                    }
                    out.write('\n');
                }, read);
            }
        } finally {
            for (OutputStream writer : writers) {
                if (writer != null) {
                    writer.close();
                }
            }
        }
        for (Path partFile : partFiles) {
            if (partFile != null) {
                claimBytes += Files.size(partFile);
                parts.add(new Spilled(partFile, shared, all));
            }
        }
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

    /** One part's lines in the work directory: {@code kind TAB file-index TAB line-number TAB json}. */
    private record Spilled(Path file, Path shared, List<Path> inputs) implements Part {

        @Override
        public void claimLines(NdjsonInputs.LineHandler handler, AtomicLong read) throws IOException {
            lines(file, 'C', handler, read);
        }

        @Override
        public void supportingLines(NdjsonInputs.LineHandler handler) throws IOException {
            lines(shared, 'S', handler, new AtomicLong());
            lines(file, 'S', handler, new AtomicLong());
        }

        private void lines(Path source, char kind, NdjsonInputs.LineHandler handler, AtomicLong read)
                throws IOException {
            try (InputStream in = Files.newInputStream(source);
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8),
                            1 << 16)) {
                String text;
                while ((text = reader.readLine()) != null) {
                    read.addAndGet(text.length() + 1);
                    if (text.charAt(0) != kind) {
                        continue;
                    }
                    int fileEnd = text.indexOf('\t', 2);
                    int numberEnd = text.indexOf('\t', fileEnd + 1);
                    handler.line(new NdjsonInputs.Line(inputs.get(Integer.parseInt(text, 2, fileEnd, 10)),
                            Long.parseLong(text, fileEnd + 1, numberEnd, 10), text.substring(numberEnd + 1)));
                }
            }
        }
    }
}
