package dev.tendril.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/** CPU seconds used by processes and by the whole machine, read from /proc; Linux only. */
final class CpuMeter {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private CpuMeter() {}

    static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND; // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0; // the process has gone
        }
    }

    /** The process and all its live descendants, e.g. a postmaster and its backends. */
    static double treeSeconds(OptionalLong pid) {
        if (pid.isEmpty()) {
            return 0;
        }
        return ProcessHandle.of(pid.getAsLong())
                .map(p -> LongStream.concat(LongStream.of(p.pid()), p.descendants().mapToLong(ProcessHandle::pid)).mapToDouble(CpuMeter::seconds).sum())
                .orElse(0.0);
    }

    static double self() {
        return seconds(ProcessHandle.current().pid());
    }

    /** Busy CPU seconds of all cores together, whoever used them. */
    static double machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                if (i != 4 && i != 5) { // skip idle and iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
