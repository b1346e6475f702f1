package dev.tendril.contact;

import dev.tendril.contact.internal.ContactWrites;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.NotFoundException;
import dev.tendril.platform.Page;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes contacts of a workspace. Inputs are JSON objects named as Segment's traits. */
@Service
public class Contacts {
    /** The contact after an upsert, and whether it was made by it. */
    public record Upserted(ContactView contact, boolean created) {}

    private final ContactWrites writes;
    private final ApplicationEventPublisher events;

    Contacts(ContactWrites writes, ApplicationEventPublisher events) {
        this.writes = writes;
        this.events = events;
    }

    @Transactional
    public ContactView create(long workspaceId, Map<String, Object> body) {
        return edited(workspaceId, writes.create(workspaceId, body));
    }

    /** Updates the contact with the body's {@code externalId}, else its {@code email}; creates one when neither matches. */
    @Transactional
    public Upserted upsert(long workspaceId, Map<String, Object> body) {
        Upserted upserted = writes.upsert(workspaceId, body);
        edited(workspaceId, upserted.contact());
        return upserted;
    }

    @Transactional
    public ContactView patch(long workspaceId, String id, Map<String, Object> body) {
        return edited(workspaceId, writes.patch(workspaceId, Ids.CONTACT.require(id), body)
                .orElseThrow(() -> new NotFoundException("contact", id)));
    }

    /**
     * Moves contacts between lifecycle stages in one statement, each only if it is still in the stage the
     * move is from (the caller holds their {@link #lock}s); returns the ids moved, each announced as edited.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<Long> moveStages(long workspaceId, List<StageMove> moves) {
        Set<Long> moved = writes.moveStages(workspaceId, moves);
        if (!moved.isEmpty()) {
            events.publishEvent(new ContactsEdited(workspaceId, Set.copyOf(moved)));
        }
        return moved;
    }

    private ContactView edited(long workspaceId, ContactView contact) {
        events.publishEvent(new ContactsEdited(workspaceId, Set.of(Ids.CONTACT.require(contact.id()))));
        return contact;
    }

    /**
     * Applies Segment {@code identify} traits of several calls, in order: unknown traits become attributes,
     * bad values are left out, an email another contact has is not taken from it.
     */
    @Transactional
    public void applyTraits(long workspaceId, List<IdentifyTraits> calls) {
        writes.applyTraits(workspaceId, calls);
    }

    @Transactional
    public void setCompany(long workspaceId, long contactId, long companyId) {
        writes.setCompany(workspaceId, contactId, companyId);
    }

    /**
     * Locks these contacts, in id order, until the caller's transaction ends: the one lock that every
     * writer of a contact's derived state (traits, counters, behaviour, stage, consent) takes first, and
     * deletes and merges too, so concurrent writers of the same people queue instead of deadlocking and
     * nothing is written for a contact that is going away. It is a lock on the contact's id, not on its
     * row: readers and foreign-key checks never wait for it. False when one of them is gone (deleted, or
     * merged into another since the caller resolved it).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lock(long workspaceId, long[] contactIds) {
        return writes.lock(workspaceId, contactIds);
    }

    /**
     * The shared form of {@link #lock}, for ingestion: batches holding it do not wait for each other, yet
     * no delete, merge or other exclusive holder can take these contacts away until the transaction ends.
     * Writers of derived state that must not interleave (counters, behaviour) add {@link #lockDerivedState}
     * as late as they can, so batches sharing people queue only for that last part.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lockShared(long workspaceId, long[] contactIds) {
        return writes.share(workspaceId, contactIds);
    }

    /**
     * Exclusive locks on these contacts' derived state (a lock class of its own, in id order), taken by a
     * holder of {@link #lockShared} before it reads and rewrites per-contact state; an exclusive
     * {@link #lock} holder has no need of it, as no shared holder can be working on those contacts.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockDerivedState(long[] contactIds) {
        writes.lockDerivedState(contactIds);
    }

    /** The row id of a contact of this workspace, for APIs nested under it; 404 when there is none. */
    public long requireId(long workspaceId, String id) {
        get(workspaceId, id);
        return Ids.CONTACT.require(id);
    }

    public ContactView get(long workspaceId, String id) {
        return find(workspaceId, Ids.CONTACT.require(id)).orElseThrow(() -> new NotFoundException("contact", id));
    }

    public Optional<ContactView> find(long workspaceId, long id) {
        return writes.find(workspaceId, id);
    }

    /** These contacts of the workspace, in one query; unknown ids are left out. */
    public List<ContactView> findAll(long workspaceId, Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : writes.findAll(workspaceId, ids.stream().mapToLong(Long::longValue).distinct().toArray());
    }

    /**
     * The stage and owner of many contacts in one query, by id (ids that are not contacts of the workspace are left
     * out), the contacts kept from being deleted or merged away until the caller's transaction ends
     * ({@code for key share}), so rows the caller writes about them stay valid; edits and ingestion are not held up.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, StageAndOwner> stagesAndOwnersAndKeep(long workspaceId, long[] ids) {
        return writes.stagesAndOwnersAndKeep(workspaceId, ids);
    }

    /** Listeners of {@link ContactDeleted} run before the row goes, so they can still read and record what it leaves. */
    @Transactional
    public void delete(long workspaceId, String id) {
        long contactId = Ids.CONTACT.require(id);
        if (!writes.lock(workspaceId, new long[] {contactId})) {
            throw new NotFoundException("contact", id);
        }
        events.publishEvent(new ContactDeleted(workspaceId, contactId));
        if (!writes.delete(workspaceId, contactId)) {
            throw new NotFoundException("contact", id);
        }
    }

    public Page<ContactView> list(long workspaceId, ContactFilter filter, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        return Page.of(writes.list(workspaceId, filter, Cursor.decode(cursor), n + 1), n,
                last -> new Cursor(null, Ids.CONTACT.require(last.id())));
    }

    /** Up to {@code limit} contact ids below {@code belowId}, highest first: a walk over a whole workspace. */
    public long[] idsBelow(long workspaceId, long belowId, int limit) {
        return writes.idsBelow(workspaceId, belowId, limit);
    }

    public long count(long workspaceId) {
        return writes.count(workspaceId);
    }

    public Map<String, AttributeType> attributeTypes(long workspaceId) {
        return writes.attributeTypes(workspaceId);
    }
}
