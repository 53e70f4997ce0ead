package org.chemoadvisor.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Mutations of a request body as bytes and characters: noise, truncation, invalid UTF-8. */
final class ByteMutations {

    /** Byte sequences that are not UTF-8: stray continuation, truncated and overlong forms, surrogates, 0xFF. */
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0x80}, {(byte) 0xC3, 0x28}, {(byte) 0xE2, 0x28, (byte) 0xA1}, {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC},
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80}, {0x00}};
    private static final String JSON_NOISE = "{}[]\",:\\0123456789.-+eEtrufalsn \t\n\u0000\u00e9\u20ac\ud83d\ude00<>&";
    /** Characters after which a JSON text can be cut: each gives a different kind of incomplete document. */
    private static final String CUT_AFTER = "{[:,\"0123456789tfn}] \\";

    private final Random random;

    ByteMutations(Random random) {
        this.random = random;
    }

    /** One to ten bytes flipped, inserted or deleted. */
    byte[] noise(byte[] body) {
        List<Byte> bytes = new ArrayList<>(body.length + 10);
        for (byte b : body) {
            bytes.add(b);
        }
        int mutations = 1 + random.nextInt(10);
        for (int i = 0; i < mutations && !bytes.isEmpty(); i++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(3)) {
                case 0 -> bytes.set(at, (byte) random.nextInt(256));
                case 1 -> bytes.add(at, (byte) random.nextInt(256));
                default -> bytes.remove(at);
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    /** A few characters replaced by characters that mean something in JSON (or are exotic). */
    byte[] charNoise(String text) {
        StringBuilder out = new StringBuilder(text);
        int mutations = 1 + random.nextInt(5);
        for (int i = 0; i < mutations; i++) {
            int at = random.nextInt(out.length());
            char c = JSON_NOISE.charAt(random.nextInt(JSON_NOISE.length()));
            if (Character.isSurrogate(out.charAt(at)) || Character.isSurrogate(c)) {
                out.insert(at, "\ud83d\ude00");
            } else {
                out.setCharAt(at, c);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The text cut right after a randomly chosen kind of character (an opening brace, a colon, inside a string ...). */
    byte[] truncate(String text) {
        char kind = CUT_AFTER.charAt(random.nextInt(CUT_AFTER.length()));
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == kind) {
                positions.add(i + 1);
            }
        }
        int cut = positions.isEmpty() ? random.nextInt(text.length() + 1) : positions.get(random.nextInt(positions.size()));
        return text.substring(0, cut).getBytes(StandardCharsets.UTF_8);
    }

    /** One or more invalid UTF-8 sequences put into the body, inside or outside strings. */
    byte[] invalidUtf8(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 16);
        int at = random.nextInt(body.length + 1);
        out.write(body, 0, at);
        int sequences = 1 + random.nextInt(3);
        for (int i = 0; i < sequences; i++) {
            out.writeBytes(INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
        }
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }
}
