package dev.tendril.event.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tendril.platform.OverloadedException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

class GroupCommitTest {
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final HeldStore store = new HeldStore();
    private GroupCommit commit;

    /** One store call: the workspace and each request's first messageId. */
    private record Call(long workspaceId, List<String> firsts) {}

    /**
     * Records each call and holds them all until released, so requests queue behind the first; a group holding a
     * request whose messageIds start with "bad" fails, one with "down" finds the database unreachable; otherwise every
     * call counts as new.
     */
    private static final class HeldStore implements GroupCommit.Store {
        final List<Call> calls = new CopyOnWriteArrayList<>();
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public int[] store(long workspaceId, List<List<EncodedMessage>> batches) {
            calls.add(new Call(workspaceId, batches.stream().map(b -> b.getFirst().message().messageId()).toList()));
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (batches.stream().anyMatch(b -> b.getFirst().message().messageId().startsWith("bad"))) {
                throw new IllegalStateException("bad batch");
            }
            if (batches.stream().anyMatch(b -> b.getFirst().message().messageId().startsWith("down"))) {
                // as a transaction that lost its connection fails: on its rollback, holding the loss
                var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
                rollback.initApplicationException(new DataAccessResourceFailureException("An I/O error occurred while sending to the backend"));
                throw rollback;
            }
            return batches.stream().mapToInt(List::size).toArray();
        }
    }

    @AfterEach
    void stop() {
        commit.stop();
        requests.shutdownNow();
    }

    @Test
    void requestsQueuedWhileAGroupIsStoredAreStoredTogetherAndEachLearnsItsOwnCount() throws Exception {
        commit = started(1);
        Future<Integer> first = whileTheFirstIsHeld(1, "a", 1);
        Future<Integer> second = queued(1, "b", 2, 1);
        Future<Integer> third = queued(1, "c", 3, 2);
        Future<Integer> otherWorkspace = queued(2, "d", 4, 3);
        store.release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(otherWorkspace.get(10, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(store.calls).hasSize(3);
        assertThat(store.calls.get(0)).isEqualTo(new Call(1, List.of("a0")));
        assertThat(store.calls.subList(1, 3)).containsExactlyInAnyOrder(new Call(1, List.of("b0", "c0")), new Call(2, List.of("d0")));
    }

    @Test
    void aFailingGroupIsStoredAgainRequestByRequestSoOnlyTheFailingRequestFails() throws Exception {
        commit = started(1);
        Future<Integer> first = whileTheFirstIsHeld(1, "a", 1);
        Future<Integer> good = queued(1, "b", 2, 1);
        Future<Integer> bad = queued(1, "bad", 3, 2);
        store.release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("bad batch");
        assertThat(store.calls.stream().map(Call::firsts))
                .containsExactly(List.of("a0"), List.of("b0", "bad0"), List.of("b0"), List.of("bad0"));
    }

    @Test
    void aGroupTheDatabaseCannotTakeFailsWholeAsTheDatabaseUnavailableWithoutATryPerRequest() throws Exception {
        commit = started(1);
        Future<Integer> first = whileTheFirstIsHeld(1, "a", 1);
        Future<Integer> down = queued(1, "down", 2, 1);
        Future<Integer> other = queued(1, "b", 3, 2);
        store.release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        // DataAccessResourceFailureException: a 503 with Retry-After (ProblemHandler), where the rollback's exception is a 500
        assertThatThrownBy(() -> down.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DataAccessResourceFailureException.class);
        assertThatThrownBy(() -> other.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DataAccessResourceFailureException.class);
        assertThat(store.calls.stream().map(Call::firsts)).containsExactly(List.of("a0"), List.of("down0", "b0"));
    }

    @Test
    void stoppingFinishesWhatIsQueuedAndThenRefusesWithA503() throws Exception {
        commit = started(2);
        Future<Integer> storing = whileTheFirstIsHeld(1, "a", 5);

        Future<?> stopping = requests.submit(() -> commit.stop());
        store.release.countDown();
        stopping.get(10, TimeUnit.SECONDS);

        assertThat(storing.get()).isEqualTo(5);
        assertThat(commit.isRunning()).isFalse();
        assertThatThrownBy(() -> commit.store(1, calls("b", 1))).isInstanceOf(OverloadedException.class);
    }

    private GroupCommit started(int writers) {
        GroupCommit groupCommit = new GroupCommit(store, writers, 2000);
        groupCommit.start();
        return groupCommit;
    }

    /** A request that a writer has taken and is holding. */
    private Future<Integer> whileTheFirstIsHeld(long workspaceId, String prefix, int n) throws InterruptedException {
        Future<Integer> first = requests.submit(() -> commit.store(workspaceId, calls(prefix, n)));
        assertThat(store.started.await(10, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    /** A request sent after the others, once it waits in the queue as the {@code position}th. */
    private Future<Integer> queued(long workspaceId, String prefix, int n, int position) throws InterruptedException {
        Future<Integer> request = requests.submit(() -> commit.store(workspaceId, calls(prefix, n)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commit.queued() < position && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(commit.queued()).isEqualTo(position);
        return request;
    }

    private static List<EncodedMessage> calls(String prefix, int n) {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        return IntStream.range(0, n).mapToObj(i -> new EncodedMessage(new TrackingCall("track", prefix + i, "u1", null,
                "Signed Up", null, null, null, null, null, now, now, now), now, null, null, null, null)).toList();
    }
}
