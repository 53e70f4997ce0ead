package org.chemoadvisor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Collection;
import java.util.Locale;
import org.chemoadvisor.rules.Finding;
import org.springframework.stereotype.Component;

/**
 * The service's own meters (on /actuator/prometheus with the request timers): what the rules find,
 * what becomes of the cards, how the prefetch fallback fares. Tags hold rule IDs, severities,
 * outcomes and prefetch keys only, never request content.
 */
@Component
public class AdviceMetrics {

    /** Findings per rule ID, severity and channel ({@code cds-hooks} or {@code claim-validate}). */
    public static final String FINDINGS = "chemo.findings";
    /** Cards answered per rule ID. */
    public static final String CARDS_ISSUED = "chemo.cards.issued";
    /** Feedback entries received per outcome (accepted, overridden). */
    public static final String CARDS_FEEDBACK = "chemo.cards.feedback";
    /** Prefetch fallback reads per prefetch key and outcome (read, refused, deadline, too-large, failed). */
    public static final String PREFETCH_FALLBACK = "chemo.prefetch.fallback";

    private final MeterRegistry registry;

    public AdviceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters that go nowhere, for code built outside Spring (tests, the benchmarks). */
    public static AdviceMetrics none() {
        return new AdviceMetrics(new CompositeMeterRegistry());
    }

    public void findings(String channel, Collection<Finding> findings) {
        for (Finding finding : findings) {
            Counter.builder(FINDINGS).description("Coding findings by rule, severity and channel")
                    .tag("rule", finding.ruleId())
                    .tag("severity", finding.severity().name().toLowerCase(Locale.ROOT))
                    .tag("channel", channel)
                    .register(registry).increment();
        }
    }

    public void cardsIssued(Collection<String> ruleIds) {
        for (String ruleId : ruleIds) {
            Counter.builder(CARDS_ISSUED).description("CDS Hooks cards answered by rule")
                    .tag("rule", ruleId).register(registry).increment();
        }
    }

    public void feedback(String outcome, long entries) {
        if (entries > 0) {
            Counter.builder(CARDS_FEEDBACK).description("CDS Hooks feedback entries by outcome")
                    .tag("outcome", outcome).register(registry).increment(entries);
        }
    }

    public void prefetchFallback(String key, String outcome) {
        Counter.builder(PREFETCH_FALLBACK).description("Prefetch fallback reads from fhirServer by key and outcome")
                .tag("key", key).tag("outcome", outcome).register(registry).increment();
    }
}
