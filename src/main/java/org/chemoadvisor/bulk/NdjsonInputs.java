package org.chemoadvisor.bulk;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The input files of a review, as FHIR Bulk Data {@code $export} writes them: {@code <Type>.ndjson}
 * or {@code <Type>-N.ndjson} (optionally {@code .gz}), one resource a line; a directory stands for
 * the files in it. Files of Claims or Bundles are reviewed; the others (Procedure, Coverage,
 * Patient...) are what the Claims reference.
 */
final class NdjsonInputs {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LF = 0x0a0a0a0a0a0a0a0aL;
    private static final long CR = 0x0d0d0d0d0d0d0d0dL;

    /**
     * One line of an input file as its UTF-8 bytes, with where it came from (for the problem report).
     * The readers without HAPI take the bytes; {@link #text()} decodes them for HAPI's parser.
     */
    record Line(Path file, long number, byte[] bytes) {

        /** The line decoded as UTF-8, a malformed sequence replaced as a {@link BufferedReader} replaces it. */
        String text() {
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final List<Path> claimFiles = new ArrayList<>();
    private final List<Path> supportingFiles = new ArrayList<>();

    NdjsonInputs(List<Path> inputs) throws IOException {
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> files = Files.list(input)) {
                    files.filter(NdjsonInputs::isNdjson).sorted().forEach(this::add);
                }
            } else if (Files.isRegularFile(input)) {
                add(input);
            } else {
                throw new IOException(input + ": no such file or directory");
            }
        }
    }

    List<Path> claimFiles() {
        return claimFiles;
    }

    List<Path> supportingFiles() {
        return supportingFiles;
    }

    private void add(Path file) {
        String type = resourceType(file);
        (type.equals("claim") || type.equals("bundle") ? claimFiles : supportingFiles).add(file);
    }

    static boolean isNdjson(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".ndjson") || name.endsWith(".ndjson.gz") || name.endsWith(".jsonl");
    }

    /** {@code Claim-2.ndjson.gz} -> {@code claim}: the resource type a Bulk Data file is named for. */
    static String resourceType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < name.length() && Character.isLetter(name.charAt(end))) {
            end++;
        }
        return name.substring(0, end);
    }

    /** Reads a file line by line, gunzipping a {@code .gz}; blank lines are skipped. */
    static void forEachLine(Path file, LineHandler handler) throws IOException {
        forEachLine(file, handler, new AtomicLong());
    }

    /** As {@link #forEachLine(Path, LineHandler)}, adding the file bytes read (compressed, for a .gz) to {@code read}. */
    static void forEachLine(Path file, LineHandler handler, AtomicLong read) throws IOException {
        forEachRawLine(file, (bytes, from, to, number, offset) -> {
            if (!isBlank(bytes, from, to)) {
                handler.line(new Line(file, number, Arrays.copyOfRange(bytes, from, to)));
            }
        }, read);
    }

    /** As {@link String#isBlank()} says of the line decoded. */
    static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return new String(bytes, from, to - from, StandardCharsets.UTF_8).isBlank();
            }
            if (!Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * As {@link #forEachLine(Path, LineHandler, AtomicLong)}, giving each line as bytes, without decoding
     * it (the split pass reads no more of most lines than their patient): lines end where
     * {@link BufferedReader#readLine} ends them ({@code \n}, {@code \r} or {@code \r\n}) and are numbered
     * alike; blank lines are given too, each with its offset in the file (in the gunzipped stream, for a .gz).
     */
    static void forEachRawLine(Path file, RawLineHandler handler, AtomicLong read) throws IOException {
        forEachRawLine(file, 0, Long.MAX_VALUE, handler, read);
    }

    /**
     * As {@link #forEachRawLine(Path, RawLineHandler, AtomicLong)}, for the lines that start in
     * {@code [from, to)} of a plain file ({@code from} the start of a line), numbered from 1 at
     * {@code from}; a .gz is read whole ({@code from} 0). Answers how many lines there were.
     */
    static long forEachRawLine(Path file, long from, long to, RawLineHandler handler, AtomicLong read)
            throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file).position(from);
                InputStream raw = new CountingInputStream(Channels.newInputStream(channel), read);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            byte[] buffer = new byte[1 << 20];
            long base = from; // the offset in the stream of buffer[0]
            int end = 0;
            long number = 0;
            boolean eof = false;
            while (!eof || end > 0) {
                int n = eof ? -1 : in.read(buffer, end, buffer.length - end);
                eof |= n < 0;
                end += Math.max(n, 0);
                int start = 0;
                for (int i = lineEnd(buffer, 0, end); i < end; i = lineEnd(buffer, start, end)) {
                    boolean cr = buffer[i] == '\r';
                    if (cr && i + 1 == end && !eof) {
                        break; // a \n may follow in the next read
                    }
                    if (base + start >= to) {
                        return number;
                    }
                    handler.line(buffer, start, i, ++number, base + start);
                    start = i + (cr && i + 1 < end && buffer[i + 1] == '\n' ? 2 : 1);
                }
                if (base + start >= to) {
                    return number;
                }
                if (eof && start < end) {
                    // The last line, without a line end.
                    handler.line(buffer, start, end, ++number, base + start);
                    start = end;
                }
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                base += start;
                if (end == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2); // one line longer than the buffer
                }
            }
            return number;
        }
    }

    /**
     * The start of the first line at or after {@code offset} in a plain file: just past the next
     * {@code \n} from {@code offset - 1} (a {@code \n} always ends a line, alone or after a {@code \r});
     * the file's size when there is none. Where the split pass cuts a file for its threads.
     */
    static long lineStartFrom(Path file, long offset) throws IOException {
        if (offset == 0) {
            return 0;
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            long position = offset - 1;
            while (position < size) {
                buffer.clear();
                int n = channel.position(position).read(buffer);
                for (int i = 0; i < n; i++) {
                    if (buffer.get(i) == '\n') {
                        return position + i + 1;
                    }
                }
                position += Math.max(n, 0);
            }
            return size;
        }
    }

    /**
     * The index of the first {@code \n} or {@code \r} from {@code from}, or {@code to}: eight bytes at a
     * time (a byte equal to the pattern's is a zero byte of the XOR, found with the usual carry trick),
     * as a line of a claims export is some 2 KB and the split pass looks at every byte of the input.
     */
    static int lineEnd(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            if ((hasZeroByte(word ^ LF) | hasZeroByte(word ^ CR)) != 0) {
                break;
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return i;
            }
        }
        return to;
    }

    private static long hasZeroByte(long word) {
        return (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
    }

    /** The total size of the files, for the progress line's estimate. */
    static long size(List<Path> files) throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }

    private static final class CountingInputStream extends FilterInputStream {

        private final AtomicLong read;

        CountingInputStream(InputStream in, AtomicLong read) {
            super(in);
            this.read = read;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }
    }

    @FunctionalInterface
    interface RawLineHandler {
        /** @param offset where the line starts in the file (in the gunzipped stream, for a .gz) */
        void line(byte[] bytes, int from, int to, long number, long offset) throws IOException;
    }

    @FunctionalInterface
    interface LineHandler {
        void line(Line line) throws IOException;
    }
}
