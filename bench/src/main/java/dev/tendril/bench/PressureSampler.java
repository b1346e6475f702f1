package dev.tendril.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a slow moment waited for CPU or for the disk: samples Linux's pressure stall totals
 * ({@code /proc/pressure/cpu} and {@code io}, the "some" line: time in which at least one runnable task waited)
 * every 100 ms. Linux only; where the files are missing it reports nothing.
 */
final class PressureSampler implements AutoCloseable {
    private static final Path CPU = Path.of("/proc/pressure/cpu");
    private static final Path IO = Path.of("/proc/pressure/io");

    private record Sample(long nanos, long cpuStallMicros, long ioStallMicros) {}

    private final List<Sample> timeline = new ArrayList<>();
    private final Thread thread;

    PressureSampler() {
        this.thread = Thread.ofPlatform().daemon().name("pressure-sampler").start(this::loop);
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long cpu = someTotal(CPU);
                long io = someTotal(IO);
                if (cpu < 0 || io < 0) {
                    return;
                }
                synchronized (this) {
                    timeline.add(new Sample(System.nanoTime(), cpu, io));
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            // stopped
        }
    }

    /** The share of the time between two {@link System#nanoTime} readings in which some task waited for CPU and for I/O. */
    synchronized String between(long fromNanos, long toNanos) {
        List<Sample> window = timeline.stream().filter(s -> s.nanos() >= fromNanos && s.nanos() < toNanos).toList();
        if (window.size() < 2) {
            return "stall: not sampled";
        }
        Sample first = window.getFirst();
        Sample last = window.getLast();
        double micros = (last.nanos() - first.nanos()) / 1e3;
        return String.format(Locale.ROOT, "stall (some task waiting): CPU %.0f%%, I/O %.0f%% of the time",
                100 * (last.cpuStallMicros() - first.cpuStallMicros()) / micros, 100 * (last.ioStallMicros() - first.ioStallMicros()) / micros);
    }

    /** The "some … total=" microseconds of a pressure file; -1 where it cannot be read. */
    private static long someTotal(Path file) {
        try {
            String some = Files.readAllLines(file).getFirst();
            return Long.parseLong(some.substring(some.indexOf("total=") + "total=".length()).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(5000);
    }
}
