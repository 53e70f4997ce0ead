package org.chemoadvisor.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * What the readers of export lines without HAPI ({@link ExportClaimReader}, {@link SupportingResourceReader})
 * share: Jackson's streaming parser, a key given twice refused, and the checks every value of the
 * common shape passes. A value that fails one throws {@link NotCommon}, and the line goes to HAPI.
 */
final class ExportJson {

    /** Jackson's own check for a key given twice builds a HashSet per object of more than two keys: {@link #field} checks. */
    static final JsonFactory FACTORY = new JsonFactory();
    /**
     * The keys of the objects being read on this thread, by nesting depth. {@link #read} hands them to
     * {@link #field} through the parser's root context, which costs less than a thread-local look-up per key.
     */
    private static final ThreadLocal<Keys> KEYS = ThreadLocal.withInitial(Keys::new);

    /** Thrown (without a stack trace) when a line is not of the common shape. */
    static final class NotCommon extends RuntimeException {
        static final NotCommon INSTANCE = new NotCommon();

        private NotCommon() {
            super(null, null, false, false);
        }
    }

    /** Reads a resource of the common shape from a parser on its line; throws NotCommon when it is not. */
    @FunctionalInterface
    interface LineReader<T> {
        T read(JsonParser parser) throws IOException;
    }

    private ExportJson() {
    }

    /** What {@code reader} reads of the line, or null when it is not of the common shape (or not JSON). */
    static <T> T read(String line, LineReader<T> reader) {
        try (JsonParser parser = FACTORY.createParser(line)) {
            parser.assignCurrentValue(KEYS.get());
            return reader.read(parser);
        } catch (IOException | NotCommon e) {
            return null;
        }
    }

    /** As {@link #read(String, LineReader)}, for the line's UTF-8 bytes: no String is made of the line. */
    static <T> T read(byte[] line, LineReader<T> reader) {
        if (!opensObject(line)) {
            return null;
        }
        try (JsonParser parser = FACTORY.createParser(line)) {
            parser.assignCurrentValue(KEYS.get());
            return reader.read(parser);
        } catch (IOException | NotCommon e) {
            return null;
        }
    }

    /**
     * Whether the line starts as a JSON object, after ASCII blanks: Jackson's byte parser would skip a
     * byte-order mark that its parser of text (and HAPI's) refuses, so such a line is left to HAPI.
     */
    static boolean opensObject(byte[] line) {
        for (byte b : line) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return false;
    }

    static void expect(JsonParser parser, JsonToken token) {
        if (parser.currentToken() != token) {
            throw NotCommon.INSTANCE;
        }
    }

    /**
     * Moves to the next field's value; false at the end of the object. A key the object already had is
     * not of the common shape (HAPI refuses it): every object of the shape is read through here.
     */
    static boolean field(JsonParser parser) throws IOException {
        if (parser.nextToken() == JsonToken.END_OBJECT) {
            return false;
        }
        expect(parser, JsonToken.FIELD_NAME);
        JsonStreamContext object = parser.getParsingContext();
        keys(object).add(object.getNestingDepth(), object.getCurrentIndex(), parser.currentName());
        parser.nextToken();
        return true;
    }

    /** Those {@link #read} put on the parser's root context; the thread's own for a parser made elsewhere. */
    private static Keys keys(JsonStreamContext context) {
        JsonStreamContext root = context;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCurrentValue() instanceof Keys keys ? keys : KEYS.get();
    }

    /** The keys read so far of each object open on a thread (a few per object: a scan costs less than a set). */
    private static final class Keys {
        private static final int DEPTH = 16;
        private final String[][] names = new String[DEPTH][16];

        /** @param index the key's place in its object (0: the first key, which starts the object's list) */
        void add(int depth, int index, String name) {
            if (depth >= DEPTH) {
                throw NotCommon.INSTANCE;
            }
            String[] seen = names[depth];
            for (int i = 0; i < index; i++) {
                if (seen[i].equals(name)) {
                    throw NotCommon.INSTANCE;
                }
            }
            if (index == seen.length) {
                seen = names[depth] = Arrays.copyOf(seen, index * 2);
            }
            seen[index] = name;
        }
    }

    /** A non-empty string. */
    static String string(JsonParser parser) throws IOException {
        expect(parser, JsonToken.VALUE_STRING);
        String value = parser.getText();
        if (value.isEmpty()) {
            throw NotCommon.INSTANCE;
        }
        return value;
    }

    /** A non-empty string without surrounding whitespace (which HAPI's parser or the adapter would trim). */
    static String trimmed(JsonParser parser) throws IOException {
        String value = string(parser);
        if (value.isBlank() || !value.strip().equals(value) || !value.trim().equals(value)) {
            throw NotCommon.INSTANCE;
        }
        return value;
    }

    /** A non-empty string the review does not read (a display): checked without making a String of it. */
    static void ignoredString(JsonParser parser) throws IOException {
        expect(parser, JsonToken.VALUE_STRING);
        if (parser.getTextLength() == 0) {
            throw NotCommon.INSTANCE;
        }
    }

    static void nonEmpty(int size) {
        if (size == 0) {
            throw NotCommon.INSTANCE;
        }
    }
}
