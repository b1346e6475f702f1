package dev.tendril.contact;

import dev.tendril.contact.internal.AttributeTypes;
import dev.tendril.contact.internal.ContactStore;
import dev.tendril.contact.internal.ContactWrites;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.NotFoundException;
import dev.tendril.platform.Page;
import dev.tendril.platform.QueryTimeout;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes contacts of a workspace. Inputs are JSON objects named as Segment's traits. */
@Service
public class Contacts {
    private final ContactWrites writes;
    private final ContactStore store;
    private final AttributeTypes types;
    private final ContactLocks locks;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Duration queryTimeout;

    Contacts(ContactWrites writes, ContactStore store, AttributeTypes types, ContactLocks locks, ApplicationEventPublisher events,
            JdbcClient jdbc, @Value("${tendril.queries.timeout:10s}") Duration queryTimeout) {
        this.jdbc = jdbc;
        this.queryTimeout = queryTimeout;
        this.writes = writes;
        this.store = store;
        this.types = types;
        this.locks = locks;
        this.events = events;
    }

    @Transactional
    public ContactView create(long workspaceId, Map<String, Object> body) {
        return edited(workspaceId, writes.create(workspaceId, body));
    }

    /** Updates the contact with the body's {@code externalId}, else its {@code email}; creates one when neither matches. */
    @Transactional
    public UpsertedContact upsert(long workspaceId, Map<String, Object> body) {
        UpsertedContact upserted = writes.upsert(workspaceId, body);
        edited(workspaceId, upserted.contact());
        return upserted;
    }

    @Transactional
    public ContactView patch(long workspaceId, String id, Map<String, Object> body) {
        return edited(workspaceId, writes.patch(workspaceId, Ids.CONTACT.require(id), body)
                .orElseThrow(() -> new NotFoundException("contact", id)));
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

    /** The row id of a contact of this workspace, for APIs nested under it; 404 when there is none. */
    public long requireId(long workspaceId, String id) {
        get(workspaceId, id);
        return Ids.CONTACT.require(id);
    }

    public ContactView get(long workspaceId, String id) {
        return find(workspaceId, Ids.CONTACT.require(id)).orElseThrow(() -> new NotFoundException("contact", id));
    }

    public Optional<ContactView> find(long workspaceId, long id) {
        return store.find(workspaceId, id);
    }

    /** These contacts of the workspace, in one query; unknown ids are left out. */
    public List<ContactView> findAll(long workspaceId, Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : store.findAll(workspaceId, ids.stream().mapToLong(Long::longValue).distinct().toArray());
    }

    /** Listeners of {@link ContactDeleted} run before the row goes, so they can still read and record what it leaves. */
    @Transactional
    public void delete(long workspaceId, String id) {
        long contactId = Ids.CONTACT.require(id);
        if (!locks.exclusive(workspaceId, new long[] {contactId})) {
            throw new NotFoundException("contact", id);
        }
        events.publishEvent(new ContactDeleted(workspaceId, contactId));
        if (!store.delete(workspaceId, contactId)) {
            throw new NotFoundException("contact", id);
        }
    }

    /** A page of the workspace's contacts matching the filter; a search a user shapes, so bounded by {@code tendril.queries.timeout}. */
    @Transactional(readOnly = true)
    public Page<ContactView> list(long workspaceId, ContactFilter filter, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        QueryTimeout.inThisTransaction(jdbc, queryTimeout);
        return Page.of(store.list(workspaceId, filter, Cursor.decode(cursor), n + 1), n,
                last -> new Cursor(null, Ids.CONTACT.require(last.id())));
    }

    /** The contacts of the workspace with these emails (any case), by lower-cased email, in one query. */
    public Map<String, Long> idsByEmail(long workspaceId, Collection<String> emails) {
        return store.idsByEmail(workspaceId, emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
    }

    /** The contacts of the workspace with these external ids, by external id, in one query. */
    public Map<String, Long> idsByExternalId(long workspaceId, Collection<String> externalIds) {
        return store.idsByExternalId(workspaceId, Set.copyOf(externalIds));
    }

    /** Up to {@code limit} contact ids below {@code belowId}, highest first: a walk over a whole workspace. */
    public long[] idsBelow(long workspaceId, long belowId, int limit) {
        return store.idsBelow(workspaceId, belowId, limit);
    }

    public long count(long workspaceId) {
        return store.count(workspaceId);
    }

    public Map<String, AttributeType> attributeTypes(long workspaceId) {
        return types.all(workspaceId);
    }
}
