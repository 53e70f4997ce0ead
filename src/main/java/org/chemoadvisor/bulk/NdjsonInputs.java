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
    interface LineHandler {
        void line(Line line) throws IOException;
    }
}
