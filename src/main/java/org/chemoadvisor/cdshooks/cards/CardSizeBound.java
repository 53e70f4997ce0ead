package org.chemoadvisor.cdshooks.cards;

import java.util.List;
import java.util.function.ToLongFunction;
import org.chemoadvisor.cdshooks.api.Action;
import org.chemoadvisor.cdshooks.api.Card;
import org.chemoadvisor.cdshooks.api.Coding;
import org.chemoadvisor.cdshooks.api.Link;
import org.chemoadvisor.cdshooks.api.Source;
import org.chemoadvisor.cdshooks.api.Suggestion;

/**
 * An upper bound of a card's size as Jackson writes it without indentation, from the lengths of its
 * strings: a character of text takes at most 6 bytes (a {@code \}{@code uXXXX} escape), of raw resource JSON
 * at most 3 (UTF-8), and every field is counted, present or not, with its name, quotes, colon and
 * comma. Far cheaper than writing the card, so that an answer well inside its size limit is not
 * written twice; {@code CardSizeBoundTest} holds it above the written size and to every field of the API.
 */
final class CardSizeBound {

    /** The name's quotes, the colon, the comma, and {@code null} or a value's quotes or brackets. */
    private static final int FIELD = 8;

    private CardSizeBound() {
    }

    static long of(Card card) {
        return 2 + text("uuid", card.uuid()) + text("summary", card.summary()) + text("detail", card.detail())
                + text("indicator", card.indicator()) + object("source", card.source(), CardSizeBound::source)
                + list("suggestions", card.suggestions(), CardSizeBound::suggestion)
                + text("selectionBehavior", card.selectionBehavior())
                + list("overrideReasons", card.overrideReasons(), CardSizeBound::coding)
                + list("links", card.links(), CardSizeBound::link);
    }

    private static long suggestion(Suggestion suggestion) {
        return 2 + text("label", suggestion.label()) + text("uuid", suggestion.uuid()) + name("isRecommended") + 5
                + list("actions", suggestion.actions(), CardSizeBound::action);
    }

    private static long action(Action action) {
        long resource = action.resource() == null ? 0 : 3L * action.resource().json().length();
        long resourceId = action.resourceId() == null ? 0 : 6L * action.resourceId().reference().length() + 2;
        return 2 + text("type", action.type()) + text("description", action.description())
                + name("resource") + resource + name("resourceId") + resourceId;
    }

    private static long source(Source source) {
        return 2 + text("label", source.label()) + text("url", source.url())
                + object("topic", source.topic(), CardSizeBound::coding);
    }

    private static long link(Link link) {
        return 2 + text("label", link.label()) + text("url", link.url()) + text("type", link.type())
                + text("appContext", link.appContext());
    }

    private static long coding(Coding coding) {
        return 2 + text("system", coding.system()) + text("code", coding.code()) + text("display", coding.display());
    }

    private static long text(String name, String value) {
        return name(name) + (value == null ? 0 : 6L * value.length());
    }

    private static <T> long object(String name, T value, ToLongFunction<T> bound) {
        return name(name) + (value == null ? 0 : bound.applyAsLong(value));
    }

    private static <T> long list(String name, List<T> values, ToLongFunction<T> bound) {
        long size = name(name);
        if (values != null) {
            for (T value : values) {
                size += bound.applyAsLong(value) + 1;
            }
        }
        return size;
    }

    private static long name(String name) {
        return name.length() + FIELD;
    }
}
