package org.chemoadvisor.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.chemoadvisor.loadtest.Timeline.Window;

/**
 * Soak and fault test of the running service (not part of the tests; {@code scripts/soak-test.sh} runs it):
 * <pre>
 *   SoakHarness --base URL --keys DIR --pid-file FILE [--exits-file FILE] [--service-log FILE]
 *               [--jvm-options FILE] [--histograms DIR] [--minutes 10] [--rate 50] [--hostile-every 5]
 *               [--warmup-seconds 30] [--baseline-seconds 60] [--slow-max-seconds 90]
 *               [--hostile-only NAME,NAME] [--project .]
 * </pre>
 * Valid order-sign and {@code $validate} traffic at a steady open-loop rate for the whole run
 * ({@link SteadyTraffic}); after the warm-up and a baseline window of valid traffic alone, the hostile
 * requests ({@link HostileRequests}) one every few seconds until the end ({@code --hostile-every 0}: none, a
 * control run; {@code --hostile-only}: only the kinds whose name contains one of the words). The JVM is
 * watched throughout ({@link ServiceWatch}). Prints the outcomes per endpoint and hostile kind, p50/p99 of the
 * valid traffic in the baseline and hostile windows, the live heap after a full GC at the end of the warm-up
 * and at the end, deaths and restarts, and a PASS/FAIL line per target; exits 1 when a target fails.
 */
public final class SoakHarness {

    private static final double MAX_HEAP_GROWTH = 0.10;
    private static final double MAX_P99_RATIO = 2.0;

    private final Map<String, String> options;
    private final String base;
    private final int minutes;
    private final int rate;
    private final int hostileEvery;
    private final int warmupSeconds;
    private final int baselineSeconds;
    private final int slowMaxSeconds;
    private volatile long clockZero = System.nanoTime();

    private SoakHarness(Map<String, String> options) {
        this.options = options;
        this.base = LoadHarness.required(options, "base");
        this.minutes = intOption("minutes", 10);
        this.rate = intOption("rate", 50);
        this.hostileEvery = intOption("hostile-every", 5);
        this.warmupSeconds = intOption("warmup-seconds", 30);
        this.baselineSeconds = intOption("baseline-seconds", 60);
        this.slowMaxSeconds = intOption("slow-max-seconds", 90);
        if (minutes * 60 - warmupSeconds - baselineSeconds < Math.max(1, hostileEvery) || warmupSeconds < 10
                || baselineSeconds < 1 || rate < 2) {
            throw new IllegalArgumentException("--minutes must leave a hostile window (at least --hostile-every seconds)"
                    + " after --warmup-seconds (at least 10) and --baseline-seconds; --rate at least 2");
        }
    }

    public static void main(String[] args) throws Exception {
        int failed = new SoakHarness(LoadHarness.parse(args, 0)).run();
        System.exit(failed == 0 ? 0 : 1);
    }

    /** A progress line on stderr, stamped with the run's clock (seconds from the start of the traffic). */
    private void log(String line) {
        System.err.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - clockZero) / 1e9, line);
    }

    private int run() throws Exception {
        Path project = Path.of(options.getOrDefault("project", "."));
        Tokens tokens = Tokens.load(Path.of(LoadHarness.required(options, "keys")));
        byte[] orderSign = Files.readAllBytes(project.resolve("cds-hooks/order-sign/06-recode-64642-with-64645.request.json"));
        byte[] claim = Files.readAllBytes(project.resolve("fhir-resources/examples/claim-clean-64644-64645-95874.json"));
        URI orderSignUri = URI.create(base + LoadHarness.ORDER_SIGN_PATH);
        URI validateUri = URI.create(base + LoadHarness.VALIDATE_PATH);
        // CDS tokens: one per request, minted at most ~5 s ahead of use (order-sign gets half the rate).
        // The /fhir token: one for all requests, a new one every minute (it lives 290 s).
        TokenSupply cdsTokens = TokenSupply.unique("order-sign", Math.max(20, rate / 2 * 5),
                () -> tokens.cdsToken(orderSignUri.toString()));
        TokenSupply fhirTokens = TokenSupply.reused("fhir", 60, () -> tokens.fhirToken(base + "/fhir"));
        List<SteadyTraffic.Endpoint> endpoints = List.of(
                new SteadyTraffic.Endpoint("order-sign (valid)", orderSignUri, "application/json", orderSign, cdsTokens),
                new SteadyTraffic.Endpoint("$validate (valid)", validateUri, "application/fhir+json", claim, fhirTokens));
        log("building the hostile requests ...");
        String only = options.getOrDefault("hostile-only", "");
        List<HostileRequests.Kind> kinds = HostileRequests.standard(project,
                only.isBlank() ? List.of() : List.of(only.split(",")));
        for (HostileRequests.Kind kind : kinds) {
            log(String.format(Locale.ROOT, "  %s: %,d bytes%s", kind.name(), kind.body().length,
                    kind.headers().isEmpty() ? "" : " " + kind.headers()));
        }
        cdsTokens.fill();
        fhirTokens.fill();

        Tally tally = new Tally();
        ServiceWatch watch = new ServiceWatch(Path.of(LoadHarness.required(options, "pid-file")), this::log);
        if (watch.pid() <= 0 || !watch.alive()) {
            throw new IllegalStateException("The service is not running (PID file " + options.get("pid-file") + ")");
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "soak-client");
                    thread.setDaemon(true);
                    return thread;
                }))
                .connectTimeout(Duration.ofSeconds(5)).build();
        Timeline timeline = Timeline.of(System.nanoTime() + Timeline.nanos(0.1), warmupSeconds, baselineSeconds,
                minutes * 60);
        clockZero = timeline.start();
        SteadyTraffic traffic = new SteadyTraffic(client, endpoints, rate, timeline, tally);
        HostileRequests hostile = new HostileRequests(kinds, base, tokens, timeline, hostileEvery,
                Duration.ofSeconds(slowMaxSeconds), tally, this::log);
        log(String.format(Locale.ROOT, "valid traffic at %d req/s for %d min: warm-up %d s, baseline %d s, then a hostile"
                + " request every %d s; service PID %d", rate, minutes, warmupSeconds, baselineSeconds, hostileEvery,
                watch.pid()));
        watch.start();
        traffic.start();
        hostile.start();

        // The start heap is measured late in the warm-up with the valid traffic paused and drained, as the end
        // heap is measured after it, so neither counts requests in flight; warm-up requests only are skipped.
        sleepUntil(timeline.baselineFrom() - Timeline.nanos(Math.min(10, warmupSeconds / 2.0)));
        boolean drained = traffic.pause(3_000);
        ServiceWatch.Heap heapStart = watch.liveHeap(watch.pid(), histogramFile("start"));
        traffic.resume();
        log("live heap after GC (start): " + heap(heapStart) + (drained ? "" : " (some requests still in flight)"));
        if (System.nanoTime() > timeline.baselineFrom()) {
            log("(the measurement ran into the baseline window; requests due meanwhile were skipped)");
        }
        while (System.nanoTime() < timeline.end()) {
            sleepUntil(Math.min(timeline.end(), System.nanoTime() + Timeline.nanos(30)));
            log(progress(timeline, tally, traffic, hostile, watch));
        }
        log("traffic ended; waiting for outstanding answers (valid: up to 40 s, trickled bodies: up to "
                + slowMaxSeconds + " s) ...");
        traffic.awaitEnd();
        hostile.awaitEnd();
        if (traffic.outstanding() > 0 || hostile.inFlightAt(System.nanoTime()).stream().anyMatch(h -> h.doneAt() == 0)) {
            log("(requests still in flight at the end measurement)");
        }
        ServiceWatch.Heap heapEnd = watch.liveHeap(watch.pid(), histogramFile("end"));
        log("live heap after GC (end): " + heap(heapEnd));
        watch.stop();
        return report(timeline, tally, traffic, hostile, watch, heapStart, heapEnd, cdsTokens.waits() + fhirTokens.waits());
    }

    private String progress(Timeline timeline, Tally tally, SteadyTraffic traffic, HostileRequests hostile,
            ServiceWatch watch) {
        StringBuilder line = new StringBuilder(timeline.windowAt(System.nanoTime()).label).append(": valid sent ")
                .append(traffic.sent());
        for (Outcome outcome : Outcome.values()) {
            int n = traffic.endpoints().stream().mapToInt(e -> tally.count(e.name(), outcome)).sum();
            if (n > 0) {
                line.append(", ").append(outcome.label).append(' ').append(n);
            }
        }
        line.append("; hostile sent ").append(hostile.sent().size()).append("; service PID ").append(watch.pid())
                .append(watch.alive() ? " up" : " DOWN");
        return line.toString();
    }

    private int report(Timeline timeline, Tally tally, SteadyTraffic traffic, HostileRequests hostile, ServiceWatch watch,
            ServiceWatch.Heap heapStart, ServiceWatch.Heap heapEnd, int tokenWaits) throws IOException {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add(String.format(Locale.ROOT, "## Soak and fault test: %d min; valid traffic %d req/s (order-sign and $validate"
                + " in turn, %,d sent, %,d skipped while the start heap was measured, at most %.0f ms behind schedule);"
                + " %d s warm-up, %d s baseline, then a hostile request every %d s (%d sent; held %.0f s while the"
                + " service was not ready)", minutes, rate, traffic.sent(), traffic.skipped(), traffic.maxSendLagMillis(),
                warmupSeconds, baselineSeconds, hostileEvery, hostile.sent().size(), hostile.heldSeconds()).replace("then a hostile request every 0 s (0 sent; held 0 s while the service was not ready)",
                        "no hostile requests (control run)"));
        out.add("");
        out.add("Outcomes by endpoint (whole run, warm-up included):");
        out.add("");
        out.addAll(tally.table("endpoint / hostile request"));
        if (traffic.outstanding() > 0) {
            out.add("");
            out.add(traffic.outstanding() + " valid requests never got an answer or a failure (not counted above).");
        }

        out.add("");
        out.add("Valid traffic, ms from each request's scheduled time (every request due in the window, answered or not):");
        out.add("");
        out.add("| endpoint | baseline n | baseline p50 | baseline p99 | hostile n | hostile p50 | hostile p99 | p99 hostile / baseline |");
        out.add("|---|---|---|---|---|---|---|---|");
        List<String> ratioFailures = new ArrayList<>();
        List<String> ratios = new ArrayList<>();
        for (SteadyTraffic.Endpoint endpoint : traffic.endpoints()) {
            Phase.Result baseline = traffic.result(endpoint.name(), Window.BASELINE);
            Phase.Result during = traffic.result(endpoint.name(), Window.HOSTILE);
            double ratio = during.percentileMillis(99) / baseline.percentileMillis(99);
            out.add(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %d | %.1f | %.1f | %.2f |", endpoint.name(),
                    baseline.latencies().length, baseline.percentileMillis(50), baseline.percentileMillis(99),
                    during.latencies().length, during.percentileMillis(50), during.percentileMillis(99), ratio));
            ratios.add(String.format(Locale.ROOT, "%s %.2fx", endpoint.name(), ratio));
            if (!(ratio <= MAX_P99_RATIO)) {
                ratioFailures.add(endpoint.name());
            }
        }
        if (tokenWaits > 0) {
            out.add("");
            out.add("(the sender waited " + tokenWaits + " times for a token to be minted: the generator fell behind)");
        }

        List<ServiceWatch.Event> deaths = watch.deaths();
        if (hostileEvery > 0) {
            out.add("");
            out.add("Hostile requests (time to the status line, or to the failure; \"as expected\": what the hardened service"
                    + " should answer, for information):");
            out.add("");
            out.add("| hostile request | sent | expected | as expected | p50 ms | max ms | largest answer body | service died while in flight |");
            out.add("|---|---|---|---|---|---|---|---|");
            hostile.summaries(deaths.stream().map(ServiceWatch.Event::nanoTime).toList()).forEach((kind, s) -> {
                long killed = deaths.stream().filter(d -> hostile.inFlightAt(d.nanoTime()).stream()
                        .anyMatch(sent -> sent.kind() == kind)).count();
                out.add(String.format(Locale.ROOT, "| %s | %d | %s | %d | %s | %s | %,d B | %s |", kind.name(), s.sent(),
                        kind.expected().label(), s.asExpected(), millis(s.p50Millis()), millis(s.maxMillis()),
                        s.maxBodyBytes(), killed == 0 ? "" : killed + "x"));
            });
        }

        out.add("");
        out.add("Service JVM:");
        out.add("");
        out.add("| live heap after GC, start | live heap after GC, end | change | PID at start | PID at end | deaths | exits (code) | OutOfMemoryError lines in its log |");
        out.add("|---|---|---|---|---|---|---|---|");
        double change = heapEnd.liveMb() / heapStart.liveMb() - 1;
        boolean heapComparable = heapStart.error() == null && heapEnd.error() == null && heapStart.pid() == heapEnd.pid()
                && watch.sameJvmThroughout();
        out.add(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d%s | %d | %s | %d |", heap(heapStart), heap(heapEnd),
                heapComparable ? String.format(Locale.ROOT, "%+.1f%%", 100 * change) : "n/a", watch.firstPid(), watch.pid(),
                watch.alive() ? "" : " (not running)", deaths.size(), exits(), oomLines()));
        if (heapComparable && !heapStart.histogram().isEmpty() && !heapEnd.histogram().isEmpty()) {
            out.add("- live bytes changed most (start -> end): " + topChanges(heapStart.histogram(), heapEnd.histogram(), 8)
                    + (options.containsKey("histograms") ? " (histograms in " + options.get("histograms") + ")" : ""));
        }
        for (ServiceWatch.Event death : deaths) {
            String inFlight = hostile.inFlightAt(death.nanoTime()).stream()
                    .map(s -> String.format(Locale.ROOT, "%s (sent at %.1f s)", s.kind().name(), timeline.at(s.sentAt())))
                    .distinct().collect(Collectors.joining("; "));
            out.add(String.format(Locale.ROOT, "- PID %d gone at %.1f s (%s window); hostile requests in flight: %s",
                    death.pid(), timeline.at(death.nanoTime()), timeline.windowAt(death.nanoTime()).label,
                    inFlight.isEmpty() ? "none" : inFlight));
        }
        String flags = options.containsKey("jvm-options")
                ? Files.readAllLines(Path.of(options.get("jvm-options"))).stream().filter(l -> !l.startsWith("#"))
                        .collect(Collectors.joining(" ")).strip() : "?";
        out.add("");
        out.add("JVM flags: " + flags + (flags.contains("ExitOnOutOfMemoryError") ? ""
                : "  (no -XX:+ExitOnOutOfMemoryError: an OutOfMemoryError may leave the JVM running, broken)"));

        out.add("");
        int failed = 0;
        boolean noCrash = deaths.isEmpty() && watch.sameJvmThroughout();
        failed += target(out, noCrash, "0 crashes", noCrash ? "PID " + watch.firstPid() + " ran throughout"
                : deaths.size() + " death(s); the JVM " + (watch.firstPid() == watch.pid() ? "was not restarted"
                        : "was restarted (PID " + watch.firstPid() + " -> " + watch.pid() + ")"));
        int fiveXx = tally.count(Outcome.S5XX);
        failed += target(out, fiveXx == 0, "0 5xx", fiveXx == 0 ? "none" : fiveXx + ": " + tally.rowsWith(Outcome.S5XX));
        boolean flat = heapComparable && Math.abs(change) <= MAX_HEAP_GROWTH;
        failed += target(out, flat, "live heap flat (within 10%)", heapComparable
                ? String.format(Locale.ROOT, "%.1f MB -> %.1f MB (%+.1f%%)", heapStart.liveMb(), heapEnd.liveMb(), 100 * change)
                : "not comparable: " + (heapStart.error() != null ? "start " + heapStart.error()
                        : heapEnd.error() != null ? "end " + heapEnd.error() : "not the same JVM at start and end"));
        failed += target(out, ratioFailures.isEmpty(), "valid p99 within 2x of baseline while hostile requests run",
                String.join(", ", ratios) + (hostileEvery > 0 ? "" : " (control run: no hostile requests)"));
        out.forEach(System.out::println);
        return failed;
    }

    private static int target(List<String> out, boolean pass, String target, String detail) {
        out.add((pass ? "PASS" : "FAIL") + "  " + target + ": " + detail);
        return pass ? 0 : 1;
    }

    /** Where the class histogram of the start or end heap goes: the work directory (--histograms), if given. */
    private Path histogramFile(String when) {
        String dir = options.get("histograms");
        return dir == null ? null : Path.of(dir, "heap-histogram-" + when + ".txt");
    }

    /** The classes whose live bytes changed most between the two histograms. */
    private static String topChanges(Map<String, Long> start, Map<String, Long> end, int count) {
        Map<String, Long> delta = new HashMap<>();
        end.forEach((type, bytes) -> delta.put(type, bytes - start.getOrDefault(type, 0L)));
        start.forEach((type, bytes) -> delta.putIfAbsent(type, -bytes));
        return delta.entrySet().stream().filter(e -> e.getValue() != 0)
                .sorted((a, b) -> Long.compare(Math.abs(b.getValue()), Math.abs(a.getValue()))).limit(count)
                .map(e -> String.format(Locale.ROOT, "%s %+.1f MB", e.getKey(), e.getValue() / 1048576.0))
                .collect(Collectors.joining(", "));
    }

    private static String millis(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.0f", millis);
    }

    private static String heap(ServiceWatch.Heap heap) {
        return heap.error() != null ? heap.error() + " (PID " + heap.pid() + ")"
                : String.format(Locale.ROOT, "%.1f MB (of %.0f MB committed; PID %d)", heap.liveMb(), heap.capacityMb(),
                        heap.pid());
    }

    /** The supervisor's record of exits: "PID code" per death (code 3: -XX:+ExitOnOutOfMemoryError). */
    private String exits() throws IOException {
        String file = options.get("exits-file");
        if (file == null || !Files.exists(Path.of(file))) {
            return "none";
        }
        String exits = Files.readAllLines(Path.of(file)).stream().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> {
                    String[] f = l.split(" ");
                    return f.length >= 3 ? "PID " + f[1] + ": " + f[2] : l;
                }).collect(Collectors.joining(", "));
        return exits.isEmpty() ? "none" : exits;
    }

    private long oomLines() throws IOException {
        String file = options.get("service-log");
        if (file == null || !Files.exists(Path.of(file))) {
            return -1;
        }
        try (var lines = Files.lines(Path.of(file), java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains("OutOfMemoryError")).count();
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, wait / 1_000_000));
        }
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }
}
