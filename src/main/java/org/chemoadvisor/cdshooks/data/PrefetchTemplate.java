package org.chemoadvisor.cdshooks.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the prefetch tokens of CDS Hooks 2.0: {@code {{context.X}}} and the user tokens
 * ({@code {{userPractitionerId}}} ...) derived from {@code context.userId}.
 */
final class PrefetchTemplate {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{([A-Za-z.]+)}}");

    private PrefetchTemplate() {
    }

    /** The query with every token replaced, or empty when a token has no value in the context. */
    static Optional<String> expand(String template, JsonNode context) {
        Matcher matcher = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Optional<String> value = value(matcher.group(1), context);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(value.get(), StandardCharsets.UTF_8)));
        }
        matcher.appendTail(out);
        return Optional.of(out.toString());
    }

    private static Optional<String> value(String token, JsonNode context) {
        if (token.startsWith("context.")) {
            return text(context.path(token.substring("context.".length())));
        }
        // userPractitionerId, userPatientId ...: the id part of context.userId when its type matches.
        if (token.startsWith("user") && token.endsWith("Id")) {
            String type = token.substring("user".length(), token.length() - "Id".length());
            return text(context.path("userId"))
                    .filter(userId -> userId.startsWith(type + "/"))
                    .map(userId -> userId.substring(type.length() + 1));
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
