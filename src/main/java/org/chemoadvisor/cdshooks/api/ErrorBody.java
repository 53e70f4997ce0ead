package org.chemoadvisor.cdshooks.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Error answer: a short code, a sentence naming the problem, and for 412 the data that was missing. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String error, String message, List<String> missing) {

    public ErrorBody(String error, String message) {
        this(error, message, List.of());
    }
}
