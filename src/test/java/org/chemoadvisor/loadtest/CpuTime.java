package org.chemoadvisor.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) a process has used so far, from {@code /proc/PID/stat}, so each phase can
 * say how the shared cores were split between the service and this load generator. Linux only;
 * elsewhere (or for an exited process) the reading is -1.
 */
final class CpuTime {

    /** USER_HZ: the unit of utime/stime in /proc/PID/stat, 100 on every mainstream Linux architecture. */
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTime() {
    }

    /** CPU seconds used by process {@code pid}, or -1 when it cannot be read. */
    static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name (which may contain spaces), starting at field 3 (state).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime: fields 14, 15
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
