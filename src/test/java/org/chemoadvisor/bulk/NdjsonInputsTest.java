package org.chemoadvisor.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines are read as bytes: they end, and are numbered, where {@link BufferedReader#readLine} ends them. */
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

        byte[] stream = content.toString().getBytes(StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(content.toString()))) {
            String text;
            for (long number = 1; (text = reader.readLine()) != null; number++) {
                if (!text.isBlank()) {
                    expected.add(number + ":" + text);
                }
            }
        }

        for (Path file : List.of(plain, gzip)) {
            List<String> lines = new ArrayList<>();
            NdjsonInputs.forEachLine(file, line -> lines.add(line.number() + ":" + line.text()));
            List<String> raw = new ArrayList<>();
            NdjsonInputs.forEachRawLine(file, (bytes, from, to, number, offset) -> {
                String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
                // Where the split finds the line again: the same bytes at that offset of the (gunzipped) file.
                assertThat(Arrays.copyOfRange(stream, (int) offset, (int) offset + to - from))
                        .isEqualTo(Arrays.copyOfRange(bytes, from, to));
                if (!NdjsonInputs.isBlank(bytes, from, to)) {
                    raw.add(number + ":" + text);
                }
            }, new AtomicLong());

            assertThat(expected).hasSize(5);
            assertThat(lines).as(file.toString()).isEqualTo(expected);
            assertThat(raw).as(file.toString()).isEqualTo(expected);
        }
    }

    @Test
    void aBlankLineIsWhatStringIsBlankSays() {
        for (String line : List.of("", " ", "\t \u000B\f", "\u001C", "\u2003", " x ", "\u00A0", "é")) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(NdjsonInputs.isBlank(bytes, 0, bytes.length)).as("'%s'", line).isEqualTo(line.isBlank());
        }
    }

    @Test
    void aLineEndIsFoundWhereverItFallsInAWord() {
        Random random = new Random(7);
        // Bytes that differ from \n or \r in one bit, or only in the high bit, must not be taken for them.
        byte[] alphabet = {'x', '{', 0x0b, 0x0c, 0x09, 0x1a, (byte) 0x8a, (byte) 0x8d, (byte) 0xca, '\n', '\r'};
        for (int round = 0; round < 5000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(6) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'a';
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int to = from + random.nextInt(bytes.length - from + 1);
            int expected = from;
            while (expected < to && bytes[expected] != '\n' && bytes[expected] != '\r') {
                expected++;
            }
            assertThat(NdjsonInputs.lineEnd(bytes, from, to)).as(Arrays.toString(bytes) + " " + from + ".." + to)
                    .isEqualTo(expected);
        }
    }
}
