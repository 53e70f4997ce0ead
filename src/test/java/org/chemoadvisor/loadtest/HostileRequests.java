package org.chemoadvisor.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.chemoadvisor.hostile.RawJson;

/**
 * The hostile requests of the soak run, sent over raw sockets ({@link RawHttp}) on a schedule through the
 * hostile window: one kind every {@code every} seconds, the kinds in turn (a kind with copies &gt; 1 sends
 * that many at once); while the service is not ready (restarting after a crash) the schedule is held. Each carries a valid token, so it reaches the code that reads the body. Every answer
 * is classified ({@link Outcome}) into the shared {@link Tally} under the kind's name, timed, and checked
 * against what the service should answer once it is hardened.
 */
final class HostileRequests {

    static final String FEEDBACK_PATH = LoadHarness.ORDER_SIGN_PATH + "/feedback";
    private static final String CPT_MODIFIER = "http://www.ama-assn.org/go/cpt-modifier";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TRICKLE = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private enum Auth { CDS, FHIR, TWO_CDS, TWO_FHIR }

    /** What the hardened service should answer: a label for the report and the test. */
    record Expected(String label, Predicate<RawHttp.Answer> test) {

        static Expected statuses(int... statuses) {
            return new Expected(String.join("/", Arrays.stream(statuses).mapToObj(Integer::toString).toList()),
                    a -> Arrays.stream(statuses).anyMatch(s -> s == a.status()));
        }

        static Expected anyClientError() {
            return new Expected("4xx", a -> a.outcome() == Outcome.S4XX);
        }

        static Expected timeoutOrClosed() {
            return new Expected("408 or closed", a -> a.status() == 408 || a.outcome() == Outcome.CLOSED);
        }
    }

    /** One kind of hostile request. */
    record Kind(String name, String path, String contentType, List<String> headers, byte[] body, Auth auth,
            boolean trickle, int copies, Expected expected) {
    }

    /** One request sent: when (nanoTime), when its answer or failure came (0 while in flight), and that answer. */
    record Sent(Kind kind, long sentAt, long doneAt, RawHttp.Answer answer) {
    }

    private final List<Kind> kinds;
    private final String host;
    private final int port;
    private final String base;
    private final Tokens tokens;
    private final Timeline timeline;
    private final int everySeconds;
    private final Duration slowMax;
    private final Tally tally;
    private final Consumer<String> log;
    private final ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hostile");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Sent> sent = new ArrayList<>();
    private final Thread scheduler;
    private volatile long held;

    HostileRequests(List<Kind> kinds, String base, Tokens tokens, Timeline timeline, int everySeconds, Duration slowMax,
            Tally tally, Consumer<String> log) {
        this.kinds = kinds;
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.base = base;
        this.tokens = tokens;
        this.timeline = timeline;
        this.everySeconds = everySeconds;
        this.slowMax = slowMax;
        this.tally = tally;
        this.log = log;
        kinds.forEach(kind -> tally.declare(kind.name()));
        this.scheduler = new Thread(this::schedule, "hostile-scheduler");
        scheduler.setDaemon(true);
    }

    /** The standard kinds whose name contains one of {@code filters} (case-insensitive); all when empty. */
    static List<Kind> standard(Path project, List<String> filters) {
        List<Kind> all = standard(project);
        if (filters.isEmpty()) {
            return all;
        }
        List<Kind> chosen = all.stream().filter(kind -> filters.stream()
                .anyMatch(f -> kind.name().toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT)))).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("No hostile request matches " + filters + "; they are: "
                    + all.stream().map(Kind::name).toList());
        }
        return chosen;
    }

    /** The kinds the issue lists, built from the project's examples. */
    static List<Kind> standard(Path project) {
        String orderSign = read(project.resolve("cds-hooks/order-sign/06-recode-64642-with-64645.request.json"));
        String claim = read(project.resolve("fhir-resources/examples/claim-clean-64644-64645-95874.json"));
        String validate = LoadHarness.VALIDATE_PATH;
        String order = LoadHarness.ORDER_SIGN_PATH;
        String fhirJson = "application/fhir+json";
        String json = "application/json";
        List<String> gzip = List.of("Content-Encoding: gzip");
        return List.of(
                new Kind("gzip bomb (100 MB inflated) -> $validate", validate, fhirJson, gzip,
                        gzipBomb("{\"resourceType\":\"Claim\",", "\"status\":\"active\"}", 100_000_000), Auth.FHIR,
                        false, 1, Expected.statuses(413, 415)),
                new Kind("gzip bomb (100 MB inflated) -> order-sign", order, json, gzip,
                        gzipBomb("{\"hook\":\"order-sign\",", "\"hookInstance\":\"bomb\"}", 100_000_000), Auth.CDS,
                        false, 1, Expected.statuses(413, 415)),
                new Kind("Claim with 10,000 items -> $validate", validate, fhirJson, List.of(), claimWithItems(claim, 10_000),
                        Auth.FHIR, false, 1, Expected.statuses(413, 422)),
                new Kind("2,000 orderDetail modifiers -> order-sign", order, json, List.of(), modifiers(orderSign, 2_000),
                        Auth.CDS, false, 1, Expected.statuses(400)),
                new Kind("slow body, 1 byte/s, x2 -> $validate", validate, fhirJson, List.of(), utf8(claim), Auth.FHIR,
                        true, 2, Expected.timeoutOrClosed()),
                new Kind("slow body, 1 byte/s, x2 -> order-sign", order, json, List.of(), utf8(orderSign), Auth.CDS,
                        true, 2, Expected.timeoutOrClosed()),
                new Kind("malformed JSON -> $validate", validate, fhirJson, List.of(),
                        utf8(claim.substring(0, claim.length() / 2) + "\",,}{"), Auth.FHIR, false, 1,
                        Expected.anyClientError()),
                new Kind("malformed JSON -> order-sign", order, json, List.of(),
                        utf8(orderSign.substring(0, orderSign.length() / 2) + "\",,}{"), Auth.CDS, false, 1,
                        Expected.anyClientError()),
                new Kind("duplicate JSON keys -> feedback", FEEDBACK_PATH, json, List.of(), utf8(duplicateKeysFeedback()),
                        Auth.CDS, false, 1, Expected.anyClientError()),
                new Kind("nesting 100,000 deep -> order-sign", order, json, List.of(),
                        utf8("{\"hook\":\"order-sign\",\"hookInstance\":\"deep\",\"context\":{\"draftOrders\":"
                                + RawJson.nestedArrays(100_000) + "}}"), Auth.CDS, false, 1, Expected.anyClientError()),
                new Kind("nesting 100,000 deep -> $validate", validate, fhirJson, List.of(),
                        utf8("{\"resourceType\":\"Claim\",\"status\":\"active\",\"extension\":"
                                + RawJson.nestedArrays(100_000) + "}"), Auth.FHIR, false, 1, Expected.anyClientError()),
                new Kind("5,000-character hook -> order-sign", order, json, List.of(), longHook(orderSign, 5_000),
                        Auth.CDS, false, 1, Expected.anyClientError()),
                new Kind("two Authorization headers -> order-sign", order, json, List.of(), utf8(orderSign),
                        Auth.TWO_CDS, false, 1, Expected.anyClientError()),
                new Kind("two Authorization headers -> $validate", validate, fhirJson, List.of(), utf8(claim),
                        Auth.TWO_FHIR, false, 1, Expected.anyClientError()));
    }

    void start() {
        scheduler.start();
    }

    private void schedule() {
        if (everySeconds <= 0) {
            return; // a control run: valid traffic only
        }
        try {
            long due = timeline.hostileFrom();
            for (long k = 0; ; k++, due += Timeline.nanos(everySeconds)) {
                if (due >= timeline.end()) {
                    return;
                }
                Phase.waitUntil(due);
                if (!ready()) {
                    // Sent to a service that is down (restarting after a crash), it would test nothing.
                    log.accept("service not ready: hostile requests held until it is");
                    long heldFrom = System.nanoTime();
                    while (!ready() && System.nanoTime() < timeline.end()) {
                        Thread.sleep(250);
                    }
                    held += System.nanoTime() - heldFrom;
                    due = System.nanoTime();
                    if (due >= timeline.end()) {
                        return;
                    }
                }
                Kind kind = kinds.get((int) (k % kinds.size()));
                for (int copy = 0; copy < kind.copies(); copy++) {
                    pool.execute(() -> send(kind));
                }
            }
        } catch (RuntimeException e) {
            log.accept("hostile scheduler stopped: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Not ready: nobody listens, or readiness is not 200 (a slow answer counts as up: slow is not down). */
    private boolean ready() {
        RawHttp.Answer answer = RawHttp.exchange(host, port, "GET", "/actuator/health/readiness", List.of(), new byte[0],
                null, Duration.ofSeconds(5));
        return answer.outcome() == Outcome.TIMEOUT || answer.status() == 200;
    }

    /** Seconds the schedule was held because the service was not ready. */
    double heldSeconds() {
        return held / 1e9;
    }

    private void send(Kind kind) {
        List<String> headers = new ArrayList<>(kind.headers());
        headers.add("Content-Type: " + kind.contentType());
        headers.add("Accept: " + kind.contentType());
        try {
            for (String token : tokens(kind)) {
                headers.add("Authorization: Bearer " + token);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot mint a token", e);
        }
        int index;
        long sentAt = System.nanoTime();
        synchronized (sent) {
            index = sent.size();
            sent.add(new Sent(kind, sentAt, 0, null));
        }
        Duration timeout = kind.trickle() ? slowMax : ANSWER_TIMEOUT;
        RawHttp.Answer answer = RawHttp.exchange(host, port, "POST", kind.path(), headers, kind.body(),
                kind.trickle() ? TRICKLE : null, timeout);
        if (answer.outcome() == Outcome.TIMEOUT && answer.detail().equals("no answer")) {
            answer = new RawHttp.Answer(answer.outcome(), 0, kind.trickle()
                    ? "still open after " + timeout.toSeconds() + " s" : "no answer in " + timeout.toSeconds() + " s",
                    answer.nanos(), 0);
        }
        long doneAt = System.nanoTime();
        synchronized (sent) {
            sent.set(index, new Sent(kind, sentAt, doneAt, answer));
        }
        tally.add(kind.name(), answer.outcome(), answer.detail());
        log.accept(String.format(Locale.ROOT, "hostile %s: %s after %.0f ms (sent at %.1f s; expected %s)%s",
                kind.name(), answer.detail(), answer.nanos() / 1e6, timeline.at(sentAt), kind.expected().label(),
                kind.expected().test().test(answer) ? "" : "  <- not as expected"));
    }

    private List<String> tokens(Kind kind) throws Exception {
        String cdsAudience = base + kind.path();
        String fhirAudience = base + "/fhir";
        return switch (kind.auth()) {
            case CDS -> List.of(tokens.cdsToken(cdsAudience));
            case FHIR -> List.of(tokens.fhirToken(fhirAudience));
            case TWO_CDS -> List.of(tokens.cdsToken(cdsAudience), tokens.cdsToken(cdsAudience));
            case TWO_FHIR -> List.of(tokens.fhirToken(fhirAudience), tokens.fhirToken(fhirAudience));
        };
    }

    /** Waits for the scheduler and every request sent (a trickled one lasts at most the slow cap). */
    void awaitEnd() throws InterruptedException {
        scheduler.join();
        pool.shutdown();
        pool.awaitTermination(Math.max(slowMax.toSeconds(), ANSWER_TIMEOUT.toSeconds()) + 15, TimeUnit.SECONDS);
    }

    List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** Hostile requests in flight at {@code nanoTime} (or answered up to a second before: the answer to a crash). */
    List<Sent> inFlightAt(long nanoTime) {
        long slack = TimeUnit.SECONDS.toNanos(1);
        return sent().stream().filter(s -> s.sentAt() <= nanoTime && (s.doneAt() == 0 || s.doneAt() + slack >= nanoTime))
                .toList();
    }

    /** Per kind: requests sent, answers as expected, p50 and max time to the answer (ms), largest answer body. */
    record KindSummary(int sent, int asExpected, double p50Millis, double maxMillis, long maxBodyBytes) {
    }

    /** {@code deaths}: when the service died (nanoTime); an answer the death explains is never as expected. */
    Map<Kind, KindSummary> summaries(List<Long> deaths) {
        Map<Kind, KindSummary> summaries = new LinkedHashMap<>();
        List<Sent> all = sent();
        long slack = TimeUnit.SECONDS.toNanos(1);
        for (Kind kind : kinds) {
            List<Sent> mine = all.stream().filter(s -> s.kind() == kind && s.answer() != null).toList();
            long[] nanos = mine.stream().mapToLong(s -> s.answer().nanos()).toArray();
            Phase.Result result = new Phase.Result(nanos, 0, 0, Map.of());
            summaries.put(kind, new KindSummary(mine.size(),
                    (int) mine.stream().filter(s -> kind.expected().test().test(s.answer()))
                            .filter(s -> deaths.stream().noneMatch(d -> s.sentAt() <= d && d <= s.doneAt() + slack))
                            .count(),
                    result.percentileMillis(50), result.percentileMillis(100),
                    mine.stream().mapToLong(s -> s.answer().bodyBytes()).max().orElse(0)));
        }
        return summaries;
    }

    // ---- payloads

    /** {@code prefix}, then spaces up to {@code inflated} bytes, then {@code suffix}: gzip at best compression (~1000:1). */
    static byte[] gzipBomb(String prefix, String suffix, int inflated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(inflated / 900);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(utf8(prefix));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            long left = inflated - prefix.length() - suffix.length();
            while (left > 0) {
                int n = (int) Math.min(spaces.length, left);
                gzip.write(spaces, 0, n);
                left -= n;
            }
            gzip.write(utf8(suffix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The claim with its first item repeated {@code count} times (sequence 1..count). */
    static byte[] claimWithItems(String claim, int count) {
        ObjectNode root = (ObjectNode) tree(claim);
        JsonNode first = root.withArray("item").get(0);
        ArrayNode items = JSON.createArrayNode();
        for (int i = 1; i <= count; i++) {
            ObjectNode item = first.deepCopy();
            item.put("sequence", i);
            items.add(item);
        }
        root.set("item", items);
        return bytes(root);
    }

    /** The order-sign request with {@code count} orderDetail modifier codings on its first ServiceRequest. */
    static byte[] modifiers(String orderSign, int count) {
        ObjectNode root = (ObjectNode) tree(orderSign);
        ObjectNode serviceRequest = (ObjectNode) root.path("context").path("draftOrders").path("entry").get(0)
                .path("resource");
        ArrayNode details = serviceRequest.putArray("orderDetail");
        String[] codes = {"50", "XS", "59", "RT", "LT", "JZ", "26", "XU", "KX", "GA"};
        for (int i = 0; i < count; i++) {
            details.addObject().putArray("coding").addObject().put("system", CPT_MODIFIER).put("code", codes[i % codes.length]);
        }
        return bytes(root);
    }

    /** The order-sign request with a hook name {@code length} characters long. */
    static byte[] longHook(String orderSign, int length) {
        ObjectNode root = (ObjectNode) tree(orderSign);
        root.put("hook", "order-sign" + "x".repeat(length - "order-sign".length()));
        return bytes(root);
    }

    /** Feedback with every member given twice, differently (and the array itself twice). */
    static String duplicateKeysFeedback() {
        return "{\"feedback\":[{\"card\":\"9368d37b-283f-44a0-93ea-547cebab93ed\","
                + "\"card\":\"00000000-0000-0000-0000-000000000000\",\"outcome\":\"accepted\",\"outcome\":\"overridden\","
                + "\"outcomeTimestamp\":\"2026-11-26T10:00:00Z\",\"outcomeTimestamp\":\"not a date\"}],"
                + "\"feedback\":[{\"card\":\"x\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2026-11-26T10:00:00Z\"}]}";
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
