package org.chemoadvisor.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
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

}
