package dev.tendril.event.internal;

import dev.tendril.contact.Identities;
import dev.tendril.contact.IdentityRef;
import dev.tendril.contact.ResolvedIdentities;
import dev.tendril.platform.PlanCache;
import java.util.List;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Resolves a group's identities (outside its transaction), then stores the group in one transaction, retried on lock conflicts. */
@Component
class StoreGroup implements GroupCommit.Store {
    private static final int MAX_ATTEMPTS = 3;

    private final StoreBatch storeBatch;
    private final Identities identities;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;

    StoreGroup(StoreBatch storeBatch, Identities identities, TransactionTemplate tx, JdbcClient jdbc) {
        this.storeBatch = storeBatch;
        this.identities = identities;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    @Override
    public int[] store(long workspaceId, List<List<EncodedMessage>> requests) {
        int calls = requests.stream().mapToInt(List::size).sum();
        ResolvedIdentities resolved = resolveIdentitiesFirst(workspaceId, requests, calls);
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(s -> {
                    PlanCache.reuseInThisTransaction(jdbc, calls);
                    return storeBatch.store(workspaceId, requests, resolved);
                });
            } catch (TransientDataAccessException e) {
                // A lock conflict rolled the whole group back: nothing was stored, so trying again is safe.
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * New people, first identifies and merges are written in a short transaction of their own, so the
     * group's transaction finds every identity already there and takes no identity locks while it
     * copies events. A group that fails afterwards leaves only these identity rows, which its retry reuses.
     */
    private ResolvedIdentities resolveIdentitiesFirst(long workspaceId, List<List<EncodedMessage>> requests, int calls) {
        List<IdentityRef> refs = requests.stream().flatMap(List::stream).map(EncodedMessage::message)
                .filter(m -> !m.type().equals("alias")).map(TrackingCall::identityRef).toList();
        return refs.isEmpty() ? ResolvedIdentities.NONE : tx.execute(s -> {
            PlanCache.reuseInThisTransaction(jdbc, calls);
            return identities.resolve(workspaceId, refs);
        });
    }
}
