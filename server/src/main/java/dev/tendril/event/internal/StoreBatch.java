package dev.tendril.event.internal;

import dev.tendril.contact.Companies;
import dev.tendril.contact.ContactLocks;
import dev.tendril.contact.Contacts;
import dev.tendril.contact.IdentifyTraits;
import dev.tendril.contact.Identities;
import dev.tendril.contact.IdentityRef;
import dev.tendril.contact.ResolvedIdentities;
import dev.tendril.event.ContactsChanged;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The batches of one or more requests (a group commit, {@link GroupCommit}), one transaction: drop already-seen
 * messageIds, resolve identities, apply identify and group traits, COPY the events, add to the counters and fold
 * behaviour. A 200 is sent only after this commits. Alias calls split the batch, so events after an alias see
 * the merged identity.
 */
@Component
class StoreBatch {
    private final EventStore events;
    private final Identities identities;
    private final Contacts contacts;
    private final ContactLocks locks;
    private final Companies companies;
    private final BehaviorUpdate behavior;
    private final ApplicationEventPublisher publisher;

    StoreBatch(EventStore events, Identities identities, Contacts contacts, ContactLocks locks, Companies companies,
            BehaviorUpdate behavior, ApplicationEventPublisher publisher) {
        this.locks = locks;
        this.events = events;
        this.identities = identities;
        this.contacts = contacts;
        this.companies = companies;
        this.behavior = behavior;
        this.publisher = publisher;
    }

    /**
     * {@code requests}: the batches of requests stored together, in order, as if one batch; returns how many
     * calls of each were new. {@code resolved}: the identities as resolved just before this transaction; checked again under lock.
     */
    @Transactional
    int[] store(long workspaceId, List<List<EncodedMessage>> requests, ResolvedIdentities resolved) {
        Set<String> fresh = events.claimNew(workspaceId, requests.stream().flatMap(List::stream).map(c -> c.message().messageId()).toList());
        List<EncodedMessage> pending = new ArrayList<>();
        Changed changed = new Changed(new LinkedHashSet<>(), new HashSet<>(resolved.written()));
        int[] stored = new int[requests.size()];
        for (int r = 0; r < requests.size(); r++) {
            for (EncodedMessage c : requests.get(r)) {
                TrackingCall m = c.message();
                if (!fresh.remove(m.messageId())) {
                    continue; // a duplicate: seen in an earlier request or earlier in this one
                }
                stored[r]++;
                if (m.type().equals("alias")) {
                    flush(workspaceId, pending, changed, resolved);
                    pending.clear();
                    resolved = ResolvedIdentities.NONE; // identities after an alias are resolved afresh
                    long survivor = identities.alias(workspaceId, m.name(), m.userId());
                    locks.shared(workspaceId, new long[] {survivor});
                    insert(workspaceId, List.of(new StoredEvent(c, survivor)));
                    changed.contacts().add(survivor);
                    changed.data().add(survivor);
                } else {
                    pending.add(c);
                }
            }
        }
        flush(workspaceId, pending, changed, resolved);
        if (!changed.contacts().isEmpty()) {
            changed.data().retainAll(changed.contacts()); // written identities whose calls all turned out duplicates
            publisher.publishEvent(new ContactsChanged(workspaceId, Set.copyOf(changed.contacts()), Set.copyOf(changed.data())));
        }
        return stored;
    }

    /** The batch's contacts so far, and those of them whose own data changed. */
    private record Changed(Set<Long> contacts, Set<Long> data) {}

    private void flush(long workspaceId, List<EncodedMessage> calls, Changed changed, ResolvedIdentities preResolved) {
        if (calls.isEmpty()) {
            return;
        }
        List<IdentityRef> refs = calls.stream().map(c -> c.message().identityRef()).toList();
        Map<IdentityRef, Long> resolved = preResolved.contacts();
        if (!resolved.keySet().containsAll(refs) || !locks.shared(workspaceId, ids(resolved))) {
            // A contact went away (merged, deleted) between the two transactions: resolve again, now under lock.
            ResolvedIdentities again = identities.resolve(workspaceId, refs);
            resolved = again.contacts();
            changed.data().addAll(again.written());
            locks.shared(workspaceId, ids(resolved));
        }
        List<StoredEvent> rows = new ArrayList<>(calls.size());
        List<IdentifyTraits> identified = new ArrayList<>();
        for (EncodedMessage c : calls) {
            TrackingCall m = c.message();
            long contactId = resolved.get(m.identityRef());
            switch (m.type()) {
                case "identify" -> {
                    identified.add(new IdentifyTraits(contactId, traits(m)));
                    changed.data().add(contactId);
                }
                case "group" -> {
                    changed.data().add(contactId);
                    applyIdentified(workspaceId, identified); // in call order: an earlier identify may set the company too
                    contacts.setCompany(workspaceId, contactId,
                            companies.upsertFromTraits(workspaceId, m.name(), m.traits() == null ? Map.of() : m.traits()));
                }
                default -> { }
            }
            rows.add(new StoredEvent(c, contactId));
            changed.contacts().add(contactId);
        }
        applyIdentified(workspaceId, identified);
        insert(workspaceId, rows);
    }

    /** Applies the identify calls collected so far, all at once, and empties the list. */
    private void applyIdentified(long workspaceId, List<IdentifyTraits> identified) {
        List<IdentifyTraits> withTraits = identified.stream().filter(c -> !c.traits().isEmpty()).toList();
        if (!withTraits.isEmpty()) {
            contacts.applyTraits(workspaceId, withTraits);
        }
        identified.clear();
    }

    private static long[] ids(Map<IdentityRef, Long> resolved) {
        return resolved.values().stream().mapToLong(Long::longValue).toArray();
    }

    private void insert(long workspaceId, List<StoredEvent> rows) {
        events.insert(workspaceId, rows);
        // Only now: batches sharing people queue for the counters and the behaviour fold, not for the COPY and traits.
        locks.derivedState(rows.stream().mapToLong(StoredEvent::contactId).toArray());
        Map<EventStore.CounterKey, Integer> counts = new HashMap<>();
        for (StoredEvent e : rows) {
            if (e.message().isActivity()) {
                counts.merge(EventStore.counterKey(e.contactId(), e.message()), 1, Integer::sum);
            }
        }
        events.addCounts(workspaceId, counts);
        behavior.fold(workspaceId, rows);
    }

    /** An identify call's traits, with the timezone of its context when the traits name none. */
    private static Map<String, Object> traits(TrackingCall m) {
        Map<String, Object> traits = new LinkedHashMap<>(m.traits() == null ? Map.of() : m.traits());
        if (!traits.containsKey("timezone") && m.context() != null && m.context().get("timezone") instanceof String tz) {
            traits.put("timezone", tz);
        }
        return traits;
    }
}
