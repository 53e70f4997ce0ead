package org.chemoadvisor.cdshooks.cards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chemoadvisor.cdshooks.adapt.AdaptedLines;
import org.chemoadvisor.cdshooks.api.Card;
import org.chemoadvisor.cdshooks.api.Coding;
import org.chemoadvisor.cdshooks.api.Link;
import org.chemoadvisor.cdshooks.api.Source;
import org.chemoadvisor.cdshooks.api.Suggestion;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.RuleIds;
import org.springframework.stereotype.Component;

/** Findings to CDS Hooks cards: what and why in the detail, the source with its version, the fix as a suggestion. */
@Component
public class CardRenderer {

    /** CDS Hooks 2.0: the summary SHOULD be under 140 characters. */
    static final int SUMMARY_LIMIT = 139;
    private static final String AT_MOST_ONE = "at-most-one";
    private static final String SOURCE_HEADING = "**Source:**";

    private final CardProperties properties;
    private final SuggestionBuilder suggestions;

    public CardRenderer(CardProperties properties, SuggestionBuilder suggestions) {
        this.properties = properties;
        this.suggestions = suggestions;
    }

    public Card render(Finding finding, AdaptedLines adapted) {
        Optional<Suggestion> suggestion = suggestions.suggest(finding.fix(), adapted);
        StringBuilder detail = new StringBuilder(finding.detail() == null ? "" : finding.detail().strip());
        if (suggestion.isEmpty() && finding.fix() != null) {
            paragraph(detail, "**Suggested fix:** " + finding.fix().label());
        }
        // Rules may already close their detail with the source; say it once.
        if (!finding.citations().isEmpty() && !detail.toString().contains(SOURCE_HEADING)) {
            paragraph(detail, SOURCE_HEADING + " " + String.join("; ", finding.citations().stream()
                    .map(CardRenderer::citationMarkdown).toList()));
        }
        String sourceUrl = finding.citations().stream().map(Citation::url).filter(CardRenderer::present)
                .findFirst().orElse(null);
        Source source = new Source(properties.sourceLabel(), sourceUrl,
                new Coding(RuleIds.SYSTEM, finding.ruleId(), "Chemodenervation coding rule " + finding.ruleId()));
        return new Card(UUID.randomUUID().toString(), shorten(finding.summary()), detail.toString(),
                properties.indicatorFor(finding.severity()), source, suggestion.map(List::of).orElse(List.of()),
                suggestion.isPresent() ? AT_MOST_ONE : null, OverrideReasons.ALL, links(finding.citations()));
    }

    /** An info card saying which data the advice could not use, and what was assumed instead. */
    public Card dataNotice(String summary, String detail) {
        return new Card(UUID.randomUUID().toString(), shorten(summary), detail, "info",
                new Source(properties.sourceLabel(), null, null), List.of(), null, List.of(), List.of());
    }

    private static List<Link> links(List<Citation> citations) {
        Map<String, Link> byUrl = new LinkedHashMap<>();
        for (Citation citation : citations) {
            if (present(citation.url())) {
                byUrl.putIfAbsent(citation.url(), Link.absolute(citation.toString(), citation.url()));
            }
        }
        return new ArrayList<>(byUrl.values());
    }

    private static String citationMarkdown(Citation citation) {
        return present(citation.url()) ? "[" + citation + "](" + citation.url() + ")" : citation.toString();
    }

    private static void paragraph(StringBuilder detail, String text) {
        if (detail.length() > 0) {
            detail.append("\n\n");
        }
        detail.append(text);
    }

    static String shorten(String summary) {
        return summary.length() <= SUMMARY_LIMIT ? summary : summary.substring(0, SUMMARY_LIMIT - 1) + "\u2026";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
