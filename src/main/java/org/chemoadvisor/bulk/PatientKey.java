package org.chemoadvisor.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Whose record a line of an export belongs to, read from a few top-level fields without building
 * the resource: a Claim's {@code patient}, a Procedure's (or any resource's) {@code subject}, a
 * Coverage's {@code beneficiary}, a Patient's own id; for a Bundle, its Claim's patient. Null when
 * the line names no patient (an Organization, a Practitioner); {@link #UNREADABLE} when it is not a
 * JSON object. The command splits its input by it and the Spark job groups by it.
 */
public final class PatientKey {

    /** The key of a line that is not a JSON object (the review reports it, once). */
    public static final String UNREADABLE = "\u0000unreadable";

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper TREES = new ObjectMapper();

    private PatientKey() {
    }

    public static String of(String line) {
        try (JsonParser parser = JSON.createParser(line)) {
            return of(parser, () -> line);
        } catch (IOException e) {
            return UNREADABLE;
        }
    }

    /** As {@link #of(String)}, for a line's UTF-8 bytes. */
    static String of(byte[] bytes, int from, int to) {
        try (JsonParser parser = JSON.createParser(bytes, from, to - from)) {
            return of(parser, () -> new String(bytes, from, to - from, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return UNREADABLE;
        }
    }

    /** @param line the line's text, asked for only when it is a Bundle (read whole) */
    private static String of(JsonParser parser, Supplier<String> line) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return UNREADABLE;
        }
        String type = null;
        String id = null;
        String reference = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "resourceType" -> type = parser.getValueAsString();
                case "id" -> id = parser.getValueAsString();
                case "patient", "subject", "beneficiary" -> reference = value == JsonToken.START_OBJECT
                        ? reference(parser) : reference;
                default -> parser.skipChildren();
            }
            if (reference != null && type != null && !type.equals("Patient") && !type.equals("Bundle")) {
                // The rest of the line (most of a Claim) need not be read: a resource names its patient once.
                break;
            }
        }
        if ("Patient".equals(type)) {
            return id == null ? null : "Patient/" + id;
        }
        if ("Bundle".equals(type)) {
            return ofBundle(line.get());
        }
        return reference != null && reference.startsWith("Patient/") ? reference : null;
    }

    private static String reference(JsonParser parser) throws IOException {
        String reference = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("reference")) {
                reference = parser.getValueAsString();
            } else {
                parser.skipChildren();
            }
        }
        return reference;
    }

    private static String ofBundle(String line) throws IOException {
        for (JsonNode entry : TREES.readTree(line).path("entry")) {
            if (entry.at("/resource/resourceType").asText().equals("Claim")) {
                String reference = entry.at("/resource/patient/reference").asText(null);
                return reference != null && reference.startsWith("Patient/") ? reference : null;
            }
        }
        return null;
    }
}
