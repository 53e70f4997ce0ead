package org.chemoadvisor.cdshooks.cards;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.chemoadvisor.cdshooks.adapt.AdaptedLines;
import org.chemoadvisor.cdshooks.api.Card;
import org.chemoadvisor.rules.Finding;
import org.springframework.stereotype.Component;

/**
 * The cards of one answer, bounded whatever the findings: one card per problem
 * ({@link FindingGroups}), at most {@code cds.cards.max-cards} cards and
 * {@code cds.cards.max-response-size} of JSON. When not all fit, the most severe findings are
 * shown (in the order the rules gave them) and one info card counts the rest; a card too large
 * for the room left keeps its advice but loses its suggestions.
 */
@Component
public class AnswerCards {

    /** {@code {"cards":[]}}. */
    private static final int ENVELOPE = 12;

    private final CardRenderer renderer;
    private final ObjectMapper json;
    private final boolean boundsAllowEveryCard;

    public AnswerCards(CardRenderer renderer, ObjectMapper json) {
        this.renderer = renderer;
        this.json = json;
        // The bounds count no indentation.
        this.boundsAllowEveryCard = !json.isEnabled(SerializationFeature.INDENT_OUTPUT);
    }

    /** A card shown for a finding, with its rule (for the issued-card record and the log). */
    public record Shown(Card card, String ruleId) {
    }

    /**
     * @param cards     every card of the answer, notices last
     * @param findings  the finding cards among them
     * @param notShown  findings left out (counted on the closing info card)
     */
    public record Answer(List<Card> cards, List<Shown> findings, int notShown) {
    }

    /** The findings' cards followed by {@code notices} (e.g. the data notice), within the limits. */
    public Answer cards(List<Finding> findings, AdaptedLines adapted, List<Card> notices) {
        List<List<Finding>> groups = FindingGroups.group(findings);
        Answer withinBounds = boundsAllowEveryCard ? withinBounds(groups, adapted, notices) : null;
        return withinBounds != null ? withinBounds : measured(groups, adapted, notices);
    }

    /**
     * The answer when the cards' size bounds ({@link CardSizeBound}) show that every card with a slot fits
     * with its suggestions, as it nearly always does: then {@link #measured} would keep every one of them
     * too, and writing each card once more to measure it is skipped. Null when the bounds do not show it.
     */
    Answer withinBounds(List<List<Finding>> groups, AdaptedLines adapted, List<Card> notices) {
        CardProperties limits = renderer.properties();
        int findingSlots = findingSlots(groups.size(), limits.maxCards() - notices.size());
        List<Integer> order = bySeverity(groups);
        long bound = ENVELOPE;
        for (Card notice : notices) {
            bound += CardSizeBound.of(notice) + 1;
        }
        bound += CardSizeBound.of(renderer.notShown(groups.size(), ruleIds(groups))) + 1;
        Map<Integer, Shown> shown = new TreeMap<>();
        Set<String> leftOutRules = new TreeSet<>();
        for (int i = 0; i < order.size(); i++) {
            List<Finding> group = groups.get(order.get(i));
            if (i >= findingSlots) {
                leftOutRules.add(group.get(0).ruleId());
                continue;
            }
            Card card = renderer.render(group, adapted);
            bound += CardSizeBound.of(card) + 1;
            if (bound > limits.maxResponseSize().toBytes()) {
                return null;
            }
            shown.put(order.get(i), new Shown(card, group.get(0).ruleId()));
        }
        return answer(shown, leftOutRules, order.size() - shown.size(), notices);
    }

    /** The answer with each card's size measured as the answer's ObjectMapper writes it. */
    Answer measured(List<List<Finding>> groups, AdaptedLines adapted, List<Card> notices) {
        CardProperties limits = renderer.properties();
        long room = limits.maxResponseSize().toBytes() - ENVELOPE;
        for (Card notice : notices) {
            room -= size(notice) + 1;
        }
        int findingSlots = findingSlots(groups.size(), limits.maxCards() - notices.size());
        // Room for the card that counts what was left out, at the largest it can be: cards may also
        // be left out for want of room, not only of slots.
        room -= size(renderer.notShown(groups.size(), ruleIds(groups))) + 1;
        Map<Integer, Shown> shown = new TreeMap<>();
        Set<String> leftOutRules = new TreeSet<>();
        int leftOut = 0;
        for (int index : bySeverity(groups)) {
            List<Finding> group = groups.get(index);
            if (shown.size() < findingSlots) {
                Card card = renderer.render(group, adapted);
                long size = size(card);
                if (size > room && !card.suggestions().isEmpty()) {
                    card = renderer.renderWithoutSuggestions(group, adapted);
                    size = size(card);
                }
                if (size <= room) {
                    room -= size + 1;
                    shown.put(index, new Shown(card, group.get(0).ruleId()));
                    continue;
                }
            }
            leftOut++;
            leftOutRules.add(group.get(0).ruleId());
        }
        return answer(shown, leftOutRules, leftOut, notices);
    }

    private Answer answer(Map<Integer, Shown> shown, Set<String> leftOutRules, int leftOut, List<Card> notices) {
        List<Card> cards = new ArrayList<>(shown.size() + notices.size() + 1);
        shown.values().forEach(s -> cards.add(s.card()));
        if (leftOut > 0) {
            cards.add(renderer.notShown(leftOut, leftOutRules));
        }
        cards.addAll(notices);
        return new Answer(cards, List.copyOf(shown.values()), leftOut);
    }

    /** Slots for finding cards: all of them, less one for the card that counts the rest when not all fit. */
    private static int findingSlots(int groups, int slots) {
        return groups > slots ? slots - 1 : slots;
    }

    /** Group indices, most severe first; the rules' order within a severity. */
    private static List<Integer> bySeverity(List<List<Finding>> groups) {
        return IntStream.range(0, groups.size()).boxed()
                .sorted(Comparator.comparing(i -> FindingGroups.mostSevere(groups.get(i))))
                .toList();
    }

    private static Set<String> ruleIds(List<List<Finding>> groups) {
        Set<String> ids = new TreeSet<>();
        groups.forEach(group -> ids.add(group.get(0).ruleId()));
        return ids;
    }

    /** The card's size in the answer, as the answer's own ObjectMapper writes it. */
    long size(Card card) {
        CountingStream counter = new CountingStream();
        try {
            json.writeValue(counter, card);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.count;
    }

    private static final class CountingStream extends OutputStream {

        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
