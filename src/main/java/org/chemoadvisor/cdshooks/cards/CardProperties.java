package org.chemoadvisor.cdshooks.cards;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.chemoadvisor.rules.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How findings become cards, and how many an answer may hold.
 *
 * @param indicators       card indicator per finding severity; unset severities keep the defaults
 *                         (error: critical, warning: warning, information: info)
 * @param sourceLabel      the card source label shown to users
 * @param maxCards         most cards in one answer, notices included; beyond it the most severe
 *                         findings are shown and one info card counts the rest
 * @param maxSuggestions   most suggestions on one card (alternative fixes beyond it stay text)
 * @param maxResponseSize  largest answer body; cards that do not fit lose their suggestions, then
 *                         their place (counted on the info card)
 * @param deleteResourceIdAsArray  send a delete action's {@code resourceId} as a one-element array (as some
 *                         CDS Hooks examples show) instead of the string the 2.0 specification's table gives
 */
@ConfigurationProperties(prefix = "cds.cards")
public record CardProperties(Map<Severity, String> indicators,
        @DefaultValue("Chemodenervation coding advisor") String sourceLabel,
        @DefaultValue("20") int maxCards,
        @DefaultValue("3") int maxSuggestions,
        @DefaultValue("1MB") DataSize maxResponseSize,
        @DefaultValue("false") boolean deleteResourceIdAsArray) {

    private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");
    /** A finding card, the "more not shown" card and the data notice. */
    static final int MIN_CARDS = 3;
    /** Room for the notices and at least one card. */
    static final DataSize MIN_RESPONSE_SIZE = DataSize.ofKilobytes(16);

    @ConstructorBinding
    public CardProperties {
        Map<Severity, String> merged = new EnumMap<>(Map.of(
                Severity.ERROR, "critical", Severity.WARNING, "warning", Severity.INFORMATION, "info"));
        if (indicators != null) {
            merged.putAll(indicators);
        }
        merged.forEach((severity, indicator) -> {
            if (!INDICATORS.contains(indicator)) {
                throw new IllegalArgumentException("cds.cards.indicators." + severity.name().toLowerCase()
                        + " must be one of " + INDICATORS + ", not " + indicator);
            }
        });
        indicators = Map.copyOf(merged);
        if (maxCards < MIN_CARDS) {
            throw new IllegalArgumentException("cds.cards.max-cards must be at least " + MIN_CARDS + ", not " + maxCards);
        }
        if (maxSuggestions < 1) {
            throw new IllegalArgumentException("cds.cards.max-suggestions must be at least 1, not " + maxSuggestions);
        }
        if (maxResponseSize == null) {
            maxResponseSize = DataSize.ofMegabytes(1);
        }
        if (maxResponseSize.compareTo(MIN_RESPONSE_SIZE) < 0) {
            throw new IllegalArgumentException("cds.cards.max-response-size must be at least " + MIN_RESPONSE_SIZE
                    + ", not " + maxResponseSize);
        }
    }

    /** Bounds given, delete actions' resourceId as a string. */
    public CardProperties(Map<Severity, String> indicators, String sourceLabel, int maxCards, int maxSuggestions,
            DataSize maxResponseSize) {
        this(indicators, sourceLabel, maxCards, maxSuggestions, maxResponseSize, false);
    }

    /** Default bounds (20 cards, 3 suggestions per card, 1 MB). */
    public CardProperties(Map<Severity, String> indicators, String sourceLabel) {
        this(indicators, sourceLabel, 20, 3, DataSize.ofMegabytes(1), false);
    }

    public String indicatorFor(Severity severity) {
        return indicators.get(severity);
    }
}
