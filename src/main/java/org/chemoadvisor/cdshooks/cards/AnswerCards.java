package org.chemoadvisor.cdshooks.cards;

import com.fasterxml.jackson.databind.ObjectMapper;
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

    public AnswerCards(CardRenderer renderer, ObjectMapper json) {
        this.renderer = renderer;
        this.json = json;
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
        CardProperties limits = renderer.properties();
        List<List<Finding>> groups = FindingGroups.group(findings);
        long room = limits.maxResponseSize().toBytes() - ENVELOPE;
        for (Card notice : notices) {
            room -= size(notice) + 1;
        }
        int slots = limits.maxCards() - notices.size();
        int findingSlots = groups.size() > slots ? slots - 1 : slots;
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
        List<Card> cards = new ArrayList<>(shown.size() + notices.size() + 1);
        shown.values().forEach(s -> cards.add(s.card()));
        if (leftOut > 0) {
            cards.add(renderer.notShown(leftOut, leftOutRules));
        }
        cards.addAll(notices);
        return new Answer(cards, List.copyOf(shown.values()), leftOut);
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
