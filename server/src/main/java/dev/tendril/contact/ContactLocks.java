package dev.tendril.contact;

import dev.tendril.contact.internal.ContactStore;
import dev.tendril.platform.AdvisoryLock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one home of contact locking. Every lock is held until the caller's transaction ends and is taken in id order,
 * so concurrent writers of the same people queue instead of deadlocking. They are advisory locks on the contacts'
 * ids ({@link AdvisoryLock}), not row locks: readers and foreign-key checks never wait for them.
 * <ul>
 * <li>{@link #exclusive}: deletes, merges, stage moves and consent changes, one writer per contact;</li>
 * <li>{@link #shared}: ingestion; batches sharing people do not wait for each other, yet no exclusive holder can
 * take these contacts away meanwhile;</li>
 * <li>{@link #derivedState}: a shared holder's last step, before it rewrites per-contact counters and behaviour;</li>
 * <li>{@link #keep}: a reader writing rows about contacts (scores), who must not see them deleted meanwhile.</li>
 * </ul>
 */
@Service
public class ContactLocks {
    private final JdbcClient jdbc;
    private final ContactStore store;

    ContactLocks(JdbcClient jdbc, ContactStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /**
     * Locks these contacts exclusively; false when one of them is gone (deleted, or merged into another since the
     * caller resolved it). The existence check is a statement of its own, so its snapshot is taken after the locks
     * are granted and sees a delete or merge committed meanwhile.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean exclusive(long workspaceId, long[] contactIds) {
        AdvisoryLock.CONTACT.lockAll(jdbc, contactIds, false);
        return store.allExist(workspaceId, contactIds);
    }

    /** The shared form of {@link #exclusive}, for ingestion; false when one of them is gone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean shared(long workspaceId, long[] contactIds) {
        AdvisoryLock.CONTACT.lockAll(jdbc, contactIds, true);
        return store.allExist(workspaceId, contactIds);
    }

    /**
     * Exclusive locks on these contacts' derived state (counters, behaviour), taken by a {@link #shared} holder as
     * late as it can, so batches sharing people queue only for that last part; an {@link #exclusive} holder has no
     * need of it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void derivedState(long[] contactIds) {
        AdvisoryLock.CONTACT_DERIVED_STATE.lockAll(jdbc, contactIds, false);
    }

    /**
     * Keeps these contacts from being deleted or merged away until the transaction ends ({@code for key share}), so
     * rows the caller writes about them stay valid, without holding up edits or ingestion; returns the stage and
     * owner of those of the workspace (what scoring reads of them), by id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, StageAndOwner> keep(long workspaceId, long[] contactIds) {
        return store.stagesAndOwnersAndKeep(workspaceId, contactIds);
    }
}
