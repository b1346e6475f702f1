package dev.tendril.event.internal;

import dev.tendril.platform.DatabaseUnavailable;
import dev.tendril.platform.OverloadedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Group commit: the batches of requests arriving together are stored together by a few writer threads, as many
 * as are queued (up to about {@code tendril.ingest.group-calls} calls) in one transaction. The group shares each
 * statement, the COPY and the commit's WAL flush, and people appearing in several of its batches are locked and
 * folded once. A request still waits until the transaction holding its batch commits: a 200 means committed.
 * A group that fails is stored again request by request, so a failing batch fails only its own request; a database
 * that cannot be reached fails the whole group at once (a 503 each, which clients retry).
 */
@Component
class GroupCommit implements SmartLifecycle {
    /** Stores the batches of several requests of one workspace in one transaction; how many calls of each were new. */
    interface Store {
        int[] store(long workspaceId, List<List<EncodedMessage>> requests);
    }

    private record Queued(long workspaceId, List<EncodedMessage> calls, CompletableFuture<Integer> stored) {}

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final Store store;
    private final int writers;
    private final int groupCalls;
    private final LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    GroupCommit(Store store, @Value("${tendril.ingest.writers:2}") int writers,
            @Value("${tendril.ingest.group-calls:2000}") int groupCalls) {
        this.store = store;
        this.writers = writers;
        this.groupCalls = groupCalls;
    }

    /** Stores the calls of one request and returns how many were new, once they are committed. */
    int store(long workspaceId, List<EncodedMessage> calls) {
        Queued queued = new Queued(workspaceId, calls, new CompletableFuture<>());
        queue.add(queued);
        // Writers leave only after they stopped running and found the queue empty: re-checking after the add closes the gap.
        if (!running && queue.remove(queued)) {
            throw stopping();
        }
        try {
            return queued.stored().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Requests waiting for a writer. */
    int queued() {
        return queue.size();
    }

    private void write() {
        List<Queued> taken = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Queued first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                int calls = first.calls().size();
                for (Queued next; calls < groupCalls && (next = queue.poll()) != null; calls += next.calls().size()) {
                    taken.add(next);
                }
                Map<Long, List<Queued>> byWorkspace = new LinkedHashMap<>();
                for (Queued q : taken) {
                    byWorkspace.computeIfAbsent(q.workspaceId(), k -> new ArrayList<>()).add(q);
                }
                byWorkspace.forEach(this::storeTogether);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                log.error("Event writer failed", e);
                taken.forEach(q -> q.stored().completeExceptionally(e));
            } finally {
                taken.clear();
            }
        }
    }

    private void storeTogether(long workspaceId, List<Queued> group) {
        try {
            int[] stored = store.store(workspaceId, group.stream().map(Queued::calls).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).stored().complete(stored[i]);
            }
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.is(e)) {
                // No request's fault: each answers 503, which clients retry; storing them one by one would make each wait again.
                var unavailable = new DataAccessResourceFailureException("the database is unavailable", e);
                group.forEach(q -> q.stored().completeExceptionally(unavailable));
            } else if (group.size() == 1) {
                group.getFirst().stored().completeExceptionally(e);
            } else {
                group.forEach(q -> storeTogether(workspaceId, List.of(q)));
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < writers; i++) {
            threads.add(Thread.ofPlatform().name("event-writer-" + i).daemon().start(this::write));
        }
    }

    /** Writers finish what is queued; they stop after the web server has answered its last requests (see {@link #getPhase}). */
    @Override
    public synchronized void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        for (Queued left; (left = queue.poll()) != null; ) {
            left.stored().completeExceptionally(stopping());
        }
    }

    private static OverloadedException stopping() {
        return new OverloadedException("The server is stopping; retry shortly", Duration.ofSeconds(1));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Below the web server's phases: started before it takes requests, stopped after its graceful shutdown. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
