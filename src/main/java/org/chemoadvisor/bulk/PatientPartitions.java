package org.chemoadvisor.bulk;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The input of a review in parts that each hold whole patients, so that what one claim is checked
 * against (its Procedures, Coverage, the patient's other claims) is in memory for one part at a time
 * and memory stays bounded whatever the input size. An input that fits one part is read where it is;
 * a larger one is first split by a hash of the patient reference: each part's lines are listed in a
 * file under a work directory (deleted at the end) by input file, line number and offset, so that the
 * review reads them from the input itself, and a problem is still reported where it is in the input
 * (a gzipped file cannot be read by offset: its lines are copied into the list). Lines that name no patient (an Organization, a
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
        Path shared = workDir.resolve("shared.bin");
        Path[] partFiles = new Path[count];
        DataOutputStream[] writers = new DataOutputStream[count];
        try (DataOutputStream sharedWriter = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(shared), 1 << 16))) {
            for (int f = 0; f < all.size(); f++) {
                int file = f;
                boolean claims = f < files.claimFiles().size();
                // A line of a plain file is found again by its offset; a gzipped one cannot be, so it is copied.
                boolean copied = all.get(f).toString().endsWith(".gz");
                NdjsonInputs.forEachRawLine(all.get(f), (bytes, from, to, number, offset) -> {
                    if (NdjsonInputs.isBlank(bytes, from, to)) {
                        return;
                    }
                    String patient = PatientKey.of(bytes, from, to);
                    DataOutputStream out;
                    if (patient == null && !claims) {
                        out = sharedWriter;
                    } else {
                        // Unreadable lines and claims with no patient go to one part, to be reported once.
                        int part = patient == null || patient.equals(PatientKey.UNREADABLE) ? 0
                                : Math.floorMod(patient.hashCode(), count);
                        if (writers[part] == null) {
                            partFiles[part] = workDir.resolve("part-" + part + ".bin");
                            writers[part] = new DataOutputStream(
                                    new BufferedOutputStream(Files.newOutputStream(partFiles[part]), 1 << 13));
                        }
                        out = writers[part];
                    }
                    if (claims) {
                        claimBytes += to - from + 1;
                    }
                    out.writeByte(claims ? 'C' : 'S');
                    out.writeInt(file);
                    out.writeLong(number);
                    out.writeInt(to - from);
                    out.writeLong(copied ? -1 : offset);
                    if (copied) {
                        out.write(bytes, from, to - from);
                    }
                }, read);
            }
        } finally {
            for (DataOutputStream writer : writers) {
                if (writer != null) {
                    writer.close();
                }
            }
        }
        for (Path partFile : partFiles) {
            if (partFile != null) {
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

    /**
     * One part's lines, listed in the work directory as {@code kind, file index, line number, length,
     * offset} (offset -1: the line's bytes follow, copied from a gzipped file), and read from the
     * input by offset: the split writes an index, not a second copy of the input.
     */
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
            FileChannel[] channels = new FileChannel[inputs.size()];
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(source),
                    1 << 16))) {
                int next;
                while ((next = in.read()) >= 0) {
                    int input = in.readInt();
                    long number = in.readLong();
                    int length = in.readInt();
                    long offset = in.readLong();
                    if (next != kind) {
                        in.skipNBytes(offset < 0 ? length : 0);
                        continue;
                    }
                    byte[] bytes = new byte[length];
                    if (offset < 0) {
                        in.readFully(bytes);
                    } else {
                        if (channels[input] == null) {
                            channels[input] = FileChannel.open(inputs.get(input), StandardOpenOption.READ);
                        }
                        readFully(channels[input], bytes, offset);
                    }
                    read.addAndGet(length + 1);
                    handler.line(new NdjsonInputs.Line(inputs.get(input), number, bytes));
                }
            } finally {
                for (FileChannel channel : channels) {
                    if (channel != null) {
                        channel.close();
                    }
                }
            }
        }

        private static void readFully(FileChannel channel, byte[] bytes, long offset) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new EOFException(offset + ": the input file changed while it was reviewed");
                }
            }
        }
    }
}
