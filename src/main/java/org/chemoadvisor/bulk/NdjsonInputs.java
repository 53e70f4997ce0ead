package org.chemoadvisor.bulk;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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

    /** One line of an input file, with where it came from (for the problem report). */
    record Line(Path file, long number, String text) {
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
        try (InputStream raw = new CountingInputStream(Files.newInputStream(file), read);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String text;
            long number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    handler.line(new Line(file, number, text));
                }
            }
        }
    }

    /**
     * As {@link #forEachLine(Path, LineHandler, AtomicLong)}, giving each line as bytes, without decoding
     * it (the split pass copies most lines unread): lines end where {@link BufferedReader#readLine} ends
     * them ({@code \n}, {@code \r} or {@code \r\n}) and are numbered alike; blank lines are given too.
     */
    static void forEachRawLine(Path file, RawLineHandler handler, AtomicLong read) throws IOException {
        try (InputStream raw = new CountingInputStream(Files.newInputStream(file), read);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            byte[] buffer = new byte[1 << 20];
            int end = 0;
            long number = 0;
            boolean eof = false;
            while (!eof || end > 0) {
                int n = eof ? -1 : in.read(buffer, end, buffer.length - end);
                eof |= n < 0;
                end += Math.max(n, 0);
                int start = 0;
                boolean ascii = true;
                for (int i = 0; i < end; i++) {
                    byte b = buffer[i];
                    if (b == '\n' || b == '\r') {
                        if (b == '\r' && i + 1 == end && !eof) {
                            break; // a \n may follow in the next read
                        }
                        handler.line(buffer, start, i, ++number, ascii);
                        i += b == '\r' && i + 1 < end && buffer[i + 1] == '\n' ? 1 : 0;
                        start = i + 1;
                        ascii = true;
                    } else if (b < 0) {
                        ascii = false;
                    }
                }
                if (eof && start < end) {
                    // The last line, without a line end.
                    handler.line(buffer, start, end, ++number, asciiOnly(buffer, start, end));
                    start = end;
                }
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                if (end == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2); // one line longer than the buffer
                }
            }
        }
    }

    private static boolean asciiOnly(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
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
        /** @param ascii true when every byte of the line is ASCII (so its bytes are its characters) */
        void line(byte[] bytes, int from, int to, long number, boolean ascii) throws IOException;
    }

    @FunctionalInterface
    interface LineHandler {
        void line(Line line) throws IOException;
    }
}
