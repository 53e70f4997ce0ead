package org.chemoadvisor.rulepack.load;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where a table is read from: a resource in the jar, a file, or the table (.txt/.csv entry) inside
 * a .zip as CMS publishes them. {@code name} is what every message calls it.
 */
record TableSource(String name, Opener opener) {

    interface Opener {
        InputStream open() throws IOException;
    }

    static TableSource classpath(String resource) {
        return new TableSource(resource, () -> {
            InputStream in = TableSource.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("not found on the classpath");
            }
            return in;
        });
    }

    static TableSource file(Path path) {
        if (path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return zipEntry(path);
        }
        return new TableSource(path.toString(), () -> Files.newInputStream(path));
    }

    /**
     * Text is read as UTF-8; a byte that is not UTF-8 (CMS text files are often Windows-1252)
     * becomes U+FFFD. Only free text such as a rationale can hold such bytes: codes, numbers and
     * dates are ASCII, so nothing the rules use is affected.
     */
    Reader openReader() throws IOException {
        return new InputStreamReader(opener.open(), StandardCharsets.UTF_8);
    }

    private static TableSource zipEntry(Path path) {
        String entryName;
        try (ZipFile zip = new ZipFile(path.toFile())) {
            entryName = firstTable(zip);
        } catch (IOException e) {
            throw new RulePackLoadException(path + ": cannot be read as a zip file: " + e.getMessage(), e);
        }
        if (entryName == null) {
            throw new RulePackLoadException(path + ": the zip file holds no .txt or .csv table");
        }
        return new TableSource(path + "!/" + entryName, () -> {
            ZipFile zip = new ZipFile(path.toFile());
            ZipEntry entry = zip.getEntry(entryName);
            return new FilterInputStream(zip.getInputStream(entry)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        });
    }

    /** The largest .txt/.csv entry: CMS zips may also hold a short read-me or disclaimer text. */
    private static String firstTable(ZipFile zip) {
        ZipEntry best = null;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String lower = entry.getName().toLowerCase(Locale.ROOT);
            boolean table = !entry.isDirectory() && (lower.endsWith(".txt") || lower.endsWith(".csv"));
            if (table && (best == null || entry.getSize() > best.getSize())) {
                best = entry;
            }
        }
        return best == null ? null : best.getName();
    }
}
