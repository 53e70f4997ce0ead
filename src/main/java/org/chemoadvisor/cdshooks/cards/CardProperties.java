package org.chemoadvisor.cdshooks.cards;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.chemoadvisor.rules.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How findings become cards.
 *
 * @param indicators   card indicator per finding severity; unset severities keep the defaults
 *                     (error: critical, warning: warning, information: info)
 * @param sourceLabel  the card source label shown to users
 */
@ConfigurationProperties(prefix = "cds.cards")
public record CardProperties(Map<Severity, String> indicators,
        @DefaultValue("Chemodenervation coding advisor") String sourceLabel) {

    private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");

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
    }

    public String indicatorFor(Severity severity) {
        return indicators.get(severity);
    }
}
