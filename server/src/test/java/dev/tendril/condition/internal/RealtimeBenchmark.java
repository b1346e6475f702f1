package dev.tendril.condition.internal;

import dev.tendril.condition.ContactSnapshot;
import dev.tendril.condition.internal.RealtimeWorkload.Change;
import dev.tendril.condition.internal.RealtimeWorkload.Segment;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: one changed contact re-evaluated in memory ({@link EvaluateCondition}) against the {@link RealtimeWorkload}'s 100
 * segments, either all of them (the baseline) or only those whose {@link ConditionReads} read what changed, as
 * {@link ReevaluateChanged} selects them. Each benchmark returns the number of matching segments, so none is optimised
 * away. Run by {@link RealtimeBench} ({@code bench/run realtime}); not a test.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RealtimeBenchmark {
    private List<Segment> segments;
    private ContactSnapshot contact;

    @Setup
    public void setUp() {
        segments = RealtimeWorkload.segments();
        contact = RealtimeWorkload.contact();
    }

    @Benchmark
    public int all() {
        int matching = 0;
        for (Segment s : segments) {
            matching += matches(s);
        }
        return matching;
    }

    @Benchmark
    public int event() {
        return selected(Change.EVENT);
    }

    @Benchmark
    public int contactEdit() {
        return selected(Change.CONTACT_EDIT);
    }

    @Benchmark
    public int score() {
        return selected(Change.SCORE);
    }

    /** Walks every segment's cached reads, as the real-time worker does, and evaluates the ones the change can affect. */
    private int selected(Change change) {
        int matching = 0;
        for (Segment s : segments) {
            if (change.reads.test(s.reads())) {
                matching += matches(s);
            }
        }
        return matching;
    }

    private int matches(Segment s) {
        return EvaluateCondition.evaluate(s.condition(), contact, RealtimeWorkload.NOW) ? 1 : 0;
    }
}
