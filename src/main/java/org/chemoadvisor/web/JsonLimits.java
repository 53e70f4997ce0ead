package org.chemoadvisor.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chemo.json.*}: how deep and how long the JSON this service reads may be. The body size
 * is limited separately ({@code cds.max-request-size}, {@code chemo.fhir.max-request-size}); these
 * bound what a body within that size can cost to parse (a 5 MB body of {@code [[[[...} would
 * otherwise recurse millions of levels).
 *
 * @param maxNestingDepth  deepest nesting of objects and arrays
 * @param maxStringLength  longest string value, in characters
 */
@ConfigurationProperties("chemo.json")
public record JsonLimits(@DefaultValue("200") int maxNestingDepth, @DefaultValue("1000000") int maxStringLength) {

    public StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength)
                .build();
    }

    /** The message for the caller when {@code thrown} (or a cause) is a Jackson limit being exceeded. */
    public static Optional<String> exceeded(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException e) {
                // Jackson's message names the limit and the value reached, never the input.
                return Optional.of("The JSON is over a limit of this service (chemo.json.*): " + e.getOriginalMessage());
            }
        }
        return Optional.empty();
    }
}
