package org.chemoadvisor.bench;

import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.chemoadvisor.metrics.AdviceMetrics;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Severity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the service's own meters cost a hook call like order-sign's example (two findings, two cards) on a
 * Prometheus registry with a common-tag filter, as Spring Boot configures one. Run with
 * {@code -Djmh.args="AdviceMetrics"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class AdviceMetricsBenchmarks {

    private AdviceMetrics metrics;
    private List<Finding> findings;
    private List<String> cards;

    @Setup
    public void setUp() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(MeterFilter.commonTags(List.of(
                io.micrometer.core.instrument.Tag.of("application", "chemo-coding-advisor"))));
        metrics = new AdviceMetrics(registry);
        findings = List.of(finding("CHEMO-01", Severity.ERROR), finding("CHEMO-19", Severity.WARNING));
        cards = List.of("CHEMO-01", "CHEMO-19");
    }

    private static Finding finding(String rule, Severity severity) {
        return new Finding(rule, severity, "summary", "detail", List.of(), List.of(), null, Set.of());
    }

    @Benchmark
    public AdviceMetrics hookCallMeters() {
        metrics.findings("cds-hooks", findings);
        metrics.cardsIssued(cards);
        return metrics;
    }
}
