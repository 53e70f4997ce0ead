package org.chemoadvisor.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Checks a JSON text against {@link JsonLimits} by streaming its tokens, for parsers that cannot
 * be given limits of their own. HAPI FHIR 8.8.0 parses JSON with one static ObjectMapper
 * ({@code JacksonStructure.OBJECT_MAPPER}) built from Jackson's process-wide defaults when the class
 * is first loaded; {@code StreamReadConstraints.overrideDefaultStreamReadConstraints} would change
 * every Jackson user in the JVM and only works if it runs before HAPI's first parse. Streaming the
 * tokens once first costs a fraction of the parse and holds no tree.
 */
public final class JsonLimitCheck {

    private final JsonFactory factory;

    JsonLimitCheck(JsonLimits limits) {
        this.factory = JsonFactory.builder()
                .streamReadConstraints(limits.constraints())
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * The limit {@code json} goes over, or the member it names twice in one object, or empty; other
     * malformed JSON is left for the real parser to report.
     */
    public Optional<String> violation(String json) {
        try (JsonParser parser = factory.createParser(json)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken().isScalarValue()) {
                    parser.getText(); // string lengths are checked when the value is read
                }
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return JsonReadProblems.of(e).map(JsonReadProblems.Problem::message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
