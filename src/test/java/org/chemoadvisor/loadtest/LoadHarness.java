package org.chemoadvisor.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntFunction;

/**
 * HTTP load generator for the running service (not part of the tests; {@code scripts/load-test.sh} runs it):
 * <pre>
 *   LoadHarness keys DIR
 *   LoadHarness run --base URL --keys DIR [--pid PID] [--ready-ms MS] [--jar FILE] [--seconds 10]
 *                   [--warmup-seconds 10] [--rates 200,1000] [--max-concurrency 8] [--project .]
 *                   [--endpoints order-sign,validate]
 * </pre>
 * For order-sign and {@code $validate}: a warm-up, then each fixed rate (open loop) and max (closed loop),
 * each with pre-minted tokens; prints one Markdown table (p50/p99/p99.9, throughput, errors, the CPU time the
 * service and this generator used in each phase, resident memory).
 */
public final class LoadHarness {

    static final String ORDER_SIGN_PATH = "/cds-services/chemodenervation-order-sign";
    static final String VALIDATE_PATH = "/fhir/Claim/$validate";
    private static final int WARM_UP_RATE = 500;

    private final Map<String, String> options;
    private final String base;
    private final Tokens tokens;
    private final Phase phase;
    private final List<String> rows = new ArrayList<>();

    private LoadHarness(Map<String, String> options) {
        this.options = options;
        this.base = required(options, "base");
        this.tokens = Tokens.load(Path.of(required(options, "keys")));
        // It shares the cores with the service, so it is kept cheap: one thread completes the responses (the
        // client's default is a thread per concurrent exchange) and their bodies are discarded unread.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newSingleThreadExecutor(daemon("load-client")))
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.phase = new Phase(client);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("keys")) {
            Tokens.generate(Path.of(args[1]));
            return;
        }
        if (args.length == 0 || !args[0].equals("run")) {
            System.err.println("usage: LoadHarness keys DIR | LoadHarness run --base URL --keys DIR [options]");
            System.exit(2);
        }
        new LoadHarness(parse(args, 1)).run();
    }

    private void run() throws Exception {
        Path project = Path.of(options.getOrDefault("project", "."));
        byte[] orderSign = Files.readAllBytes(project.resolve("cds-hooks/order-sign/06-recode-64642-with-64645.request.json"));
        byte[] claim = Files.readAllBytes(project.resolve("fhir-resources/examples/claim-clean-64644-64645-95874.json"));
        URI orderSignUri = URI.create(base + ORDER_SIGN_PATH);
        URI validateUri = URI.create(base + VALIDATE_PATH);
        List<String> endpoints = List.of(options.getOrDefault("endpoints", "order-sign,validate").split(","));
        if (endpoints.contains("order-sign")) {
            endpoint("order-sign", count -> requests(orderSignUri, "application/json", orderSign,
                    tokens.cds(orderSignUri.toString(), count)));
        }
        if (endpoints.contains("validate")) {
            endpoint("$validate (structural)", count -> requests(validateUri, "application/fhir+json", claim,
                    tokens.fhir(base + "/fhir", count)));
        }
        print();
    }

    /** Warm-up, the fixed rates, then max, for one endpoint; {@code requests} pre-mints a token for each request. */
    private void endpoint(String name, IntFunction<List<HttpRequest>> requests) throws Exception {
        int seconds = intOption("seconds", 10);
        phase.fixedRate(requests.apply(WARM_UP_RATE * intOption("warmup-seconds", 10)), WARM_UP_RATE);
        double best = 0;
        for (String rate : options.getOrDefault("rates", "200,1000").split(",")) {
            int perSecond = Integer.parseInt(rate.trim());
            List<HttpRequest> batch = requests.apply(perSecond * seconds);
            Split split = new Split();
            Phase.Result result = phase.fixedRate(batch, perSecond);
            best = Math.max(best, result.throughput());
            row(name, Integer.toString(perSecond), result, split.end(result.latencies().length));
        }
        // Enough tokens for three times the best rate seen; the phase ends when time or tokens run out.
        List<HttpRequest> batch = requests.apply((int) Math.max(5_000, 3 * best * seconds));
        Split split = new Split();
        Phase.Result result = phase.max(batch, intOption("max-concurrency", 8), seconds);
        row(name, "max (" + intOption("max-concurrency", 8) + " conn.)", result, split.end(result.latencies().length));
    }

    private static List<HttpRequest> requests(URI uri, String contentType, byte[] body, List<String> tokens) {
        return tokens.stream().map(token -> Phase.post(uri, contentType, body, token).build()).toList();
    }

    private void row(String endpoint, String rate, Phase.Result result, String cpu) throws IOException {
        rows.add(String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.2f | %.2f | %d / %d %s | %s | %s |", endpoint,
                rate, result.throughput(), result.percentileMillis(50), result.percentileMillis(99),
                result.percentileMillis(99.9), result.errors(), result.latencies().length,
                result.errorKinds().isEmpty() ? "" : result.errorKinds().toString(), cpu, memory("VmRSS")));
    }

    /**
     * CPU used by the service and by this generator during one phase: seconds, and milliseconds per request.
     * Both share the machine's cores, so a generator's share is capacity the service did not get.
     */
    private final class Split {
        private final long servicePid = options.containsKey("pid") ? Long.parseLong(options.get("pid")) : -1;
        private final double service = CpuTime.seconds(servicePid);
        private final double generator = CpuTime.seconds(ProcessHandle.current().pid());
        private final long wallStart = System.nanoTime();

        String end(int requests) {
            double serviceUsed = CpuTime.seconds(servicePid) - service;
            double generatorUsed = CpuTime.seconds(ProcessHandle.current().pid()) - generator;
            double wall = (System.nanoTime() - wallStart) / 1e9;
            return String.format(Locale.ROOT, "%s | %s | %.0f%%", cpu(serviceUsed, service, requests),
                    cpu(generatorUsed, generator, requests),
                    100 * (serviceUsed + generatorUsed) / (wall * Runtime.getRuntime().availableProcessors()));
        }

        private static String cpu(double used, double before, int requests) {
            return before < 0 || requests == 0 ? "?"
                    : String.format(Locale.ROOT, "%.1f s (%.2f ms/req)", used, 1000 * used / requests);
        }
    }

    private void print() throws IOException {
        System.out.println();
        System.out.println("| endpoint | rate (req/s) | achieved (req/s) | p50 ms | p99 ms | p99.9 ms | errors / requests"
                + " | service CPU | generator CPU | both, % of cores | RSS MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("| start-up to ready | peak RSS (VmHWM) | jar | cores |");
        System.out.println("|---|---|---|---|");
        String jar = options.containsKey("jar")
                ? String.format(Locale.ROOT, "%.1f MB", Files.size(Path.of(options.get("jar"))) / 1e6) : "?";
        System.out.printf(Locale.ROOT, "| %s ms | %s MB | %s | %d |%n", options.getOrDefault("ready-ms", "?"),
                memory("VmHWM"), jar, Runtime.getRuntime().availableProcessors());
    }

    /** A /proc/PID/status field of the service, in MB; "?" without --pid. */
    private String memory(String field) throws IOException {
        String pid = options.get("pid");
        if (pid == null) {
            return "?";
        }
        Path status = Path.of("/proc", pid, "status");
        if (!Files.exists(status)) {
            return "exited";
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field + ":")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                return String.format(Locale.ROOT, "%.0f", kb / 1024.0);
            }
        }
        return "?";
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** {@code --name value} pairs from {@code args[from]} on. */
    static Map<String, String> parse(String[] args, int from) {
        Map<String, String> options = new HashMap<>();
        for (int i = from; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
