package org.chemoadvisor.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The split pass reads lines as bytes: they end, and are numbered, where the review's text reading ends them. */
class NdjsonInputsTest {

    @Test
    void rawLinesAreTheLinesReadLineGives(@TempDir Path dir) throws IOException {
        StringBuilder content = new StringBuilder();
        // A \r\n straddling the 1 MiB read buffer, a line longer than the buffer, every line end, blank lines, é.
        content.append("x".repeat((1 << 20) - 1)).append("\r\n");
        content.append("{\"a\":1}\r{\"b\":\"é\"}\n\n  \r\n");
        content.append("y".repeat(3 << 20)).append('\n');
        content.append("{\"last\":true}");
        Path plain = dir.resolve("Claim.ndjson");
        Files.writeString(plain, content, StandardCharsets.UTF_8);
        Path gzip = dir.resolve("Claim.ndjson.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(content.toString().getBytes(StandardCharsets.UTF_8));
        }

        for (Path file : List.of(plain, gzip)) {
            List<String> expected = new ArrayList<>();
            NdjsonInputs.forEachLine(file, line -> expected.add(line.number() + ":" + line.text()));
            List<String> raw = new ArrayList<>();
            List<Boolean> ascii = new ArrayList<>();
            NdjsonInputs.forEachRawLine(file, (bytes, from, to, number, isAscii) -> {
                String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
                if (!text.isBlank()) {
                    raw.add(number + ":" + text);
                    ascii.add(isAscii);
                }
            }, new AtomicLong());

            assertThat(raw).as(file.toString()).hasSize(5).isEqualTo(expected);
            assertThat(ascii).containsExactly(true, true, false, true, true);
        }
    }
}
