package dev.tendril.event.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tendril.platform.OverloadedException;
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

class GroupCommitTest {
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private GroupCommit commit;

    /** One store call: the workspace and each request's first messageId. */
    private record Call(long workspaceId, List<String> firsts) {}

    @AfterEach
    void stop() {
        commit.stop();
        requests.shutdownNow();
    }

    @Test
    void requestsQueuedWhileAGroupIsStoredAreStoredTogetherAndEachLearnsItsOwnCount() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Call> calls = new CopyOnWriteArrayList<>();
        commit = started(1, (workspaceId, batches) -> {
            calls.add(call(workspaceId, batches));
            firstStarted.countDown();
            await(release);
            return batches.stream().mapToInt(List::size).toArray();
        });

        Future<Integer> first = requests.submit(() -> commit.store(1, calls("a", 1)));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Integer> second = requests.submit(() -> commit.store(1, calls("b", 2)));
        waitUntilQueued(1);
        Future<Integer> third = requests.submit(() -> commit.store(1, calls("c", 3)));
        waitUntilQueued(2);
        Future<Integer> otherWorkspace = requests.submit(() -> commit.store(2, calls("d", 4)));
        waitUntilQueued(3);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(otherWorkspace.get(10, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0)).isEqualTo(new Call(1, List.of("a0")));
        assertThat(calls.subList(1, 3)).containsExactlyInAnyOrder(new Call(1, List.of("b0", "c0")), new Call(2, List.of("d0")));
    }

    @Test
    void aFailingGroupIsStoredAgainRequestByRequestSoOnlyTheFailingRequestFails() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Call> calls = new CopyOnWriteArrayList<>();
        commit = started(1, (workspaceId, batches) -> {
            calls.add(call(workspaceId, batches));
            firstStarted.countDown();
            await(release);
            if (batches.stream().anyMatch(b -> b.getFirst().message().messageId().startsWith("bad"))) {
                throw new IllegalStateException("bad batch");
            }
            return batches.stream().mapToInt(List::size).toArray();
        });

        Future<Integer> first = requests.submit(() -> commit.store(1, calls("a", 1)));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Integer> good = requests.submit(() -> commit.store(1, calls("b", 2)));
        waitUntilQueued(1);
        Future<Integer> bad = requests.submit(() -> commit.store(1, calls("bad", 3)));
        waitUntilQueued(2);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("bad batch");
        assertThat(calls.stream().map(Call::firsts)).containsExactly(List.of("a0"), List.of("b0", "bad0"), List.of("b0"), List.of("bad0"));
    }

    @Test
    void stoppingFinishesWhatIsQueuedAndThenRefusesWithA503() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        commit = started(2, (workspaceId, batches) -> {
            firstStarted.countDown();
            await(release);
            return batches.stream().mapToInt(List::size).toArray();
        });
        Future<Integer> storing = requests.submit(() -> commit.store(1, calls("a", 5)));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();

        Future<?> stopping = requests.submit(() -> commit.stop());
        release.countDown();
        stopping.get(10, TimeUnit.SECONDS);

        assertThat(storing.get()).isEqualTo(5);
        assertThat(commit.isRunning()).isFalse();
        assertThatThrownBy(() -> commit.store(1, calls("b", 1))).isInstanceOf(OverloadedException.class);
    }

    private GroupCommit started(int writers, GroupCommit.Store store) {
        GroupCommit groupCommit = new GroupCommit(store, writers, 2000);
        groupCommit.start();
        return groupCommit;
    }

    private void waitUntilQueued(int requests) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commit.queued() < requests && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(commit.queued()).isEqualTo(requests);
    }

    private static Call call(long workspaceId, List<List<EncodedMessage>> batches) {
        return new Call(workspaceId, batches.stream().map(b -> b.getFirst().message().messageId()).toList());
    }

    private static List<EncodedMessage> calls(String prefix, int n) {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        return IntStream.range(0, n).mapToObj(i -> new EncodedMessage(new SegmentMessage("track", prefix + i, "u1", null,
                "Signed Up", null, null, null, null, null, now, now, now), now, null, null, null, null)).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
