package org.chemoadvisor.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches the service's JVM through the run: the PID file {@code scripts/soak-test.sh} writes at each start
 * (it restarts the service when it dies, as a supervisor would, unless told not to), polled four times a
 * second; a PID that is gone is a death, a new PID in the file a restart. Also measures the live heap
 * ({@link #liveHeap}: a full GC and the objects it left, with {@code jcmd}).
 */
final class ServiceWatch {

    /** A death or a (re)start seen, at {@code nanoTime}. */
    record Event(long nanoTime, long pid, boolean death) {
    }

    /**
     * Live heap after a full GC and committed heap, MB, of {@code pid}; {@code error} set (and sizes -1) when
     * it could not be read. {@code histogram}: live bytes per class (from {@code GC.class_histogram}).
     */
    record Heap(long pid, double liveMb, double capacityMb, String error, Map<String, Long> histogram) {

        Heap(long pid, String error) {
            this(pid, -1, -1, error, Map.of());
        }
    }

    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)");
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");

    private static final Pattern G1_HEAP = Pattern.compile("garbage-first heap\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern ANY_HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private final Path pidFile;
    private final Consumer<String> log;
    private final List<Event> events = new ArrayList<>();
    private final Thread poller;
    private volatile boolean stopped;
    private long pid = -1;
    private boolean alive;
    private long firstPid = -1;
    private Instant firstStart;

    ServiceWatch(Path pidFile, Consumer<String> log) {
        this.pidFile = pidFile;
        this.log = log;
        poll();
        this.poller = new Thread(() -> {
            while (!stopped) {
                poll();
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "service-watch");
        poller.setDaemon(true);
    }

    void start() {
        poller.start();
    }

    void stop() throws InterruptedException {
        stopped = true;
        poller.join();
        poll();
    }

    private synchronized void poll() {
        long now = System.nanoTime();
        if (pid > 0 && alive && !isAlive(pid)) {
            alive = false;
            events.add(new Event(now, pid, true));
            log.accept("service PID " + pid + " is gone");
        }
        long inFile = readPidFile();
        if (inFile > 0 && inFile != pid) {
            if (pid > 0) {
                if (alive) {
                    // The file names a new JVM while the old PID still runs: the old one is on its way out.
                    events.add(new Event(now, pid, true));
                }
                log.accept("service restarted as PID " + inFile);
            } else {
                firstPid = inFile;
                firstStart = ProcessHandle.of(inFile).flatMap(p -> p.info().startInstant()).orElse(null);
            }
            pid = inFile;
            alive = isAlive(inFile);
            events.add(new Event(now, inFile, false));
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private long readPidFile() {
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    synchronized long firstPid() {
        return firstPid;
    }

    synchronized long pid() {
        return pid;
    }

    synchronized boolean alive() {
        return alive;
    }

    /** The JVM running at the start is the one running now: same PID, same start time, never seen dead. */
    synchronized boolean sameJvmThroughout() {
        Instant start = ProcessHandle.of(firstPid).flatMap(p -> p.info().startInstant()).orElse(null);
        return pid == firstPid && alive && deaths().isEmpty() && firstStart != null && firstStart.equals(start);
    }

    synchronized List<Event> deaths() {
        return events.stream().filter(Event::death).toList();
    }

    /**
     * The live heap of the JVM: {@code jcmd PID GC.class_histogram} runs a full GC and counts the objects left,
     * in the same pause (the "used" of {@code GC.heap_info} after {@code GC.run} also counts whatever the
     * traffic allocated in the second between the two commands). The histogram is kept in
     * {@code histogramFile} when given, so a change can be traced to what grew; {@code GC.heap_info} gives
     * the committed heap. Without a histogram: {@code GC.run}, then the used heap of {@code GC.heap_info}.
     */
    Heap liveHeap(long pid, Path histogramFile) {
        if (!isAlive(pid)) {
            return new Heap(pid, "not running");
        }
        Map<String, Long> histogram = new HashMap<>();
        long total = -1;
        Optional<String> classes = jcmd(pid, "GC.class_histogram");
        if (classes.isPresent()) {
            for (String line : classes.get().lines().toList()) {
                Matcher h = HISTOGRAM_LINE.matcher(line);
                Matcher t = HISTOGRAM_TOTAL.matcher(line);
                if (h.find()) {
                    histogram.merge(h.group(2), Long.parseLong(h.group(1)), Long::sum);
                } else if (t.find()) {
                    total = Long.parseLong(t.group(1));
                }
            }
            if (histogramFile != null) {
                try {
                    Files.writeString(histogramFile, classes.get());
                } catch (IOException e) {
                    log.accept("cannot write " + histogramFile + ": " + e);
                }
            }
        } else if (jcmd(pid, "GC.run").isEmpty()) {
            return new Heap(pid, "jcmd GC.class_histogram and GC.run failed");
        }
        Optional<String> info = jcmd(pid, "GC.heap_info");
        if (info.isEmpty()) {
            return new Heap(pid, "jcmd GC.heap_info failed");
        }
        Matcher m = G1_HEAP.matcher(info.get());
        if (!m.find()) {
            m = ANY_HEAP.matcher(info.get());
            if (!m.find()) {
                return new Heap(pid, "unreadable GC.heap_info: " + info.get().lines().findFirst().orElse(""));
            }
        }
        double liveMb = total >= 0 ? total / 1048576.0 : Long.parseLong(m.group(2)) / 1024.0;
        return new Heap(pid, liveMb, Long.parseLong(m.group(1)) / 1024.0, null, Map.copyOf(histogram));
    }

    private Optional<String> jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String executable = Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
        Path output = null;
        try {
            output = Files.createTempFile("soak-jcmd", ".txt");
            Process process = new ProcessBuilder(executable, Long.toString(pid), command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                log.accept("jcmd " + command + " timed out");
                return Optional.empty();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                log.accept("jcmd " + pid + " " + command + " failed: " + text.strip());
                return Optional.empty();
            }
            return Optional.of(text);
        } catch (IOException e) {
            log.accept("jcmd " + command + ": " + e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a temp file left behind
                }
            }
        }
    }
}
