package org.chemoadvisor.rulepack.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The small tables under src/test/resources/cms-layout/, written in the CMS published layouts. */
final class CmsFiles {

    private CmsFiles() {
    }

    static Path path(String name) {
        try {
            return Path.of(CmsFiles.class.getClassLoader().getResource("cms-layout/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static TableSource source(String name) {
        return TableSource.file(path(name));
    }

    /** A copy of a CMS-layout file with one line (1-based) replaced, written into {@code dir}. */
    static Path withLine(Path dir, String name, int lineNumber, String replacement) {
        try {
            List<String> lines = new java.util.ArrayList<>(Files.readAllLines(path(name), StandardCharsets.UTF_8));
            lines.set(lineNumber - 1, replacement);
            Path copy = dir.resolve(name);
            Files.write(copy, lines, StandardCharsets.UTF_8);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String line(String name, int lineNumber) {
        try {
            return Files.readAllLines(path(name), StandardCharsets.UTF_8).get(lineNumber - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
