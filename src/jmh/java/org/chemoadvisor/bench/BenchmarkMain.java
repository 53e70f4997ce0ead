package org.chemoadvisor.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ServicePathBenchmarks} and prints one table: each stage's time and its ratio to the
 * parse floor of the same input, measured in the same run. Takes JMH's own command-line options
 * ({@code -f}, {@code -wi}, {@code -i}, {@code -w}, {@code -r}, a benchmark regex, ...). Defaults: 1 fork,
 * 5 x 2 s warm-up, 5 x 2 s measurement per benchmark; the whole order-sign path needs about 10 s of
 * warm-up before its figure settles (with 3 x 1 s its error spanned half the score), and all
 * benchmarks still run in about 5 minutes, the service's start-up in each fork included.
 */
public final class BenchmarkMain {

    private static final Map<String, String> FLOOR = floors(
            "parseOrderSign", "parseOrderSign", "rulesOrderSign", "parseOrderSign", "orderSign", "parseOrderSign",
            "parseClaim", "parseClaim", "rulesClaim", "parseClaim",
            "validateStructural", "parseClaim", "validateRulesOnly", "parseClaim",
            "bulkParseClaim", "bulkParseClaim", "bulkPatientKey", "bulkParseClaim", "bulkIndexLine", "bulkParseClaim",
            "bulkReviewClaim", "bulkParseClaim");

    private BenchmarkMain() {
    }

    /** benchmark, floor, benchmark, floor, ...: which benchmark each is read against. */
    private static Map<String, String> floors(String... pairs) {
        Map<String, String> floors = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            floors.put(pairs[i], pairs[i + 1]);
        }
        return floors;
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions given = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(given);
        if (given.getIncludes().isEmpty()) {
            options.include(ServicePathBenchmarks.class.getSimpleName());
        }
        if (!given.getForkCount().hasValue()) {
            options.forks(1);
        }
        if (!given.getWarmupIterations().hasValue()) {
            options.warmupIterations(5);
        }
        if (!given.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(2));
        }
        if (!given.getMeasurementIterations().hasValue()) {
            options.measurementIterations(5);
        }
        if (!given.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(2));
        }
        print(new Runner(options.build()).run());
    }

    private static void print(Collection<RunResult> results) {
        Map<String, Result<?>> byName = new LinkedHashMap<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            byName.put(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult());
        }
        System.out.println();
        System.out.println("| benchmark | score | error (99.9%) | unit | x parse floor |");
        System.out.println("|---|---|---|---|---|");
        byName.forEach((name, result) -> System.out.println(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s | %s |",
                name, result.getScore(), result.getScoreError(), result.getScoreUnit(), ratio(name, result, byName))));
        System.out.println("(cores: " + Runtime.getRuntime().availableProcessors() + ")");
    }

    private static String ratio(String name, Result<?> result, Map<String, Result<?>> byName) {
        Result<?> floor = byName.get(FLOOR.get(name));
        if (floor == null || !floor.getScoreUnit().equals(result.getScoreUnit())) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f", result.getScore() / floor.getScore());
    }
}
