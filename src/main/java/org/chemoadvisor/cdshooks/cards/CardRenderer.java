package org.chemoadvisor.cdshooks.cards;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.chemoadvisor.cdshooks.adapt.AdaptedLines;
import org.chemoadvisor.cdshooks.api.Card;
import org.chemoadvisor.cdshooks.api.Coding;
import org.chemoadvisor.cdshooks.api.Link;
import org.chemoadvisor.cdshooks.api.Source;
import org.chemoadvisor.cdshooks.api.Suggestion;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.RuleIds;
import org.springframework.beans.factory.annotation.Autowired;
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
    private final CitationLinks citationLinks;

    @Autowired
    public CardRenderer(CardProperties properties, SuggestionBuilder suggestions, CitationLinks citationLinks) {
        this.properties = properties;
        this.suggestions = suggestions;
        this.citationLinks = citationLinks;
    }

    public CardRenderer(CardProperties properties, SuggestionBuilder suggestions) {
        this(properties, suggestions, new CitationLinks(null));
    }

    public Card render(Finding finding, AdaptedLines adapted) {
        return render(List.of(finding), adapted);
    }

    /**
     * One card for findings of one problem ({@link FindingGroups#group}): one suggestion making all
     * their edits, or, when their edits contradict each other, their fixes as alternatives (at most
     * {@code cds.cards.max-suggestions}).
     */
    public Card render(List<Finding> sameProblem, AdaptedLines adapted) {
        return render(sameProblem, adapted, true);
    }

    /** As {@link #render(List, AdaptedLines)}, with the fixes as text only: the answer has no room for them. */
    public Card renderWithoutSuggestions(List<Finding> sameProblem, AdaptedLines adapted) {
        return render(sameProblem, adapted, false);
    }

    private Card render(List<Finding> sameProblem, AdaptedLines adapted, boolean withSuggestions) {
        Finding finding = FindingGroups.merge(sameProblem);
        List<Fix> fixes = finding.fix() != null ? List.of(finding.fix()) : FindingGroups.fixes(sameProblem);
        List<Suggestion> offered = new ArrayList<>();
        List<String> asText = new ArrayList<>();
        for (Fix fix : fixes) {
            Optional<Suggestion> suggestion = withSuggestions && offered.size() < properties.maxSuggestions()
                    ? suggestions.suggest(fix, adapted) : Optional.empty();
            suggestion.ifPresentOrElse(offered::add, () -> asText.add(fix.label()));
        }
        StringBuilder detail = new StringBuilder(finding.detail() == null ? "" : finding.detail().strip());
        if (!asText.isEmpty()) {
            paragraph(detail, (offered.isEmpty() ? "**Suggested fix:** " : "**Other fixes:** ")
                    + FindingGroups.quoted(asText)
                    + (withSuggestions ? "" : " (not offered as a suggestion: this answer reached its size limit)"));
        }
        // Rules may already close their detail with the source; say it once.
        if (!finding.citations().isEmpty() && !detail.toString().contains(SOURCE_HEADING)) {
            paragraph(detail, SOURCE_HEADING + " " + String.join("; ", finding.citations().stream()
                    .map(this::citationMarkdown).toList()));
        }
        String sourceUrl = finding.citations().stream().map(c -> citationLinks.resolvable(c.url()))
                .filter(CardRenderer::present).findFirst().orElse(null);
        Source source = new Source(properties.sourceLabel(), sourceUrl,
                new Coding(RuleIds.SYSTEM, finding.ruleId(), "Chemodenervation coding rule " + finding.ruleId()));
        return new Card(CardIds.next(), shorten(finding.summary()), detail.toString(),
                properties.indicatorFor(finding.severity()), source, offered,
                offered.isEmpty() ? null : AT_MOST_ONE, OverrideReasons.ALL, links(finding.citations()));
    }

    /** An info card saying which data the advice could not use, and what was assumed instead. */
    public Card dataNotice(String summary, String detail) {
        return new Card(CardIds.next(), shorten(summary), detail, "info",
                new Source(properties.sourceLabel(), null, null), List.of(), null, List.of(), List.of());
    }

    /**
     * The info card closing an answer that could not show every finding: how many were left out,
     * of which rules, and why (the card limit or the answer size limit).
     */
    public Card notShown(int count, Collection<String> ruleIds) {
        String summary = count + (count == 1 ? " more finding was" : " more findings were") + " not shown";
        String detail = "This answer shows at most " + properties.maxCards() + " cards (`cds.cards.max-cards`) within "
                + properties.maxResponseSize().toKilobytes() + " KB (`cds.cards.max-response-size`), the most severe "
                + "first. " + count + (count == 1 ? " more finding" : " more findings") + " ("
                + String.join(", ", new TreeSet<>(ruleIds)) + ") did not fit. Fix the problems shown and check the "
                + "orders again to see the rest.";
        return dataNotice(summary, detail);
    }

    public CardProperties properties() {
        return properties;
    }

    private List<Link> links(List<Citation> citations) {
        Map<String, Link> byUrl = new LinkedHashMap<>();
        for (Citation citation : citations) {
            String url = citationLinks.resolvable(citation.url());
            if (present(url)) {
                byUrl.putIfAbsent(url, Link.absolute(citation.toString(), url));
            }
        }
        return new ArrayList<>(byUrl.values());
    }

    private String citationMarkdown(Citation citation) {
        String url = citationLinks.resolvable(citation.url());
        return present(url) ? "[" + citation + "](" + url + ")" : citation.toString();
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
