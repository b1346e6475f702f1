package dev.tendril.testing;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for the background workers (real-time segments, scoring) in tests. */
public final class Eventually {
    private Eventually() {}

    /**
     * Asks {@code value} every 25 ms until {@code done} holds, for at most 5 s; returns the last value seen.
     * On a timeout it prints the background workers' stacks (one unexplained timeout was seen once, not reproduced).
     */
    public static <T> T eventually(Supplier<T> value, Predicate<T> done) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        T last = value.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            last = value.get();
        }
        if (!done.test(last)) {
            Thread.getAllStackTraces().forEach((th, st) -> {
                if (th.getName().startsWith("worker-")) {
                    System.err.println("DIAG " + th + " " + th.getState() + " " + Arrays.toString(st).replace(", ", "\n  "));
                }
            });
        }
        return last;
    }
}
