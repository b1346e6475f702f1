package dev.tendril.contact.internal;

import dev.tendril.contact.ContactLocks;
import dev.tendril.contact.ContactsMerged;
import dev.tendril.contact.IdentityRef;
import dev.tendril.contact.ResolvedIdentities;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Maps userId / anonymousId / email to contact ids for a whole batch with two bulk lookups, and
 * only goes row by row for what is new. Anonymous contacts are promoted in place when they first
 * identify, and merged into the known contact when the person turns out to exist already.
 */
@Component
public class IdentityResolution {
    private final IdentityStore identities;
    private final ContactStore contacts;
    private final ContactLocks locks;
    private final ApplicationEventPublisher events;

    IdentityResolution(IdentityStore identities, ContactStore contacts, ContactLocks locks, ApplicationEventPublisher events) {
        this.identities = identities;
        this.contacts = contacts;
        this.locks = locks;
        this.events = events;
    }

    private final class Batch {
        final long workspaceId;
        final Map<String, Long> users;
        final Map<String, Long> anonymous;
        final Map<Long, Long> mergedInto = new HashMap<>();

        Batch(long workspaceId, Set<String> userIds, Set<String> anonymousIds) {
            this.workspaceId = workspaceId;
            this.users = identities.byExternalIds(workspaceId, userIds);
            this.anonymous = identities.byAnonymousIds(workspaceId, anonymousIds);
        }

        long resolve(IdentityRef ref) {
            if (ref.userId() != null) {
                Long id = users.get(ref.userId());
                if (id != null) {
                    linkAnonymous(ref.anonymousId(), id);
                    return id;
                }
                if (ref.email() != null) {
                    id = contacts.idByEmail(workspaceId, ref.email()).stream()
                            .filter(known -> identities.externalId(workspaceId, known) == null).boxed().findFirst().orElse(null);
                }
                if (id == null && ref.anonymousId() != null) {
                    Long anon = anonymous.get(ref.anonymousId());
                    if (anon != null && identities.isAnonymous(workspaceId, anon)) {
                        id = anon;
                    }
                }
                if (id == null) {
                    id = contacts.insert(workspaceId, ref.userId());
                } else {
                    contacts.setExternalId(workspaceId, id, ref.userId()); // found by email or device: it had none
                }
                users.put(ref.userId(), id);
                linkAnonymous(ref.anonymousId(), id);
                return id;
            }
            if (ref.email() != null) {
                var known = contacts.idByEmail(workspaceId, ref.email());
                if (known.isPresent()) {
                    linkAnonymous(ref.anonymousId(), known.getAsLong());
                    return known.getAsLong();
                }
            }
            Long id = anonymous.get(ref.anonymousId());
            if (id == null) {
                id = contacts.insert(workspaceId, null);
                identities.addIdentity(workspaceId, IdentityStore.ANONYMOUS, ref.anonymousId(), id);
                anonymous.put(ref.anonymousId(), id);
            }
            return id;
        }

        void linkAnonymous(String anonymousId, long contactId) {
            if (anonymousId == null) {
                return;
            }
            Long existing = anonymous.get(anonymousId);
            if (existing == null) {
                identities.addIdentity(workspaceId, IdentityStore.ANONYMOUS, anonymousId, contactId);
            } else if (existing != contactId && identities.isAnonymous(workspaceId, existing)) {
                merge(existing, contactId);
            } else {
                return; // the anonymous id is another known person's device history: leave it with them
            }
            anonymous.put(anonymousId, contactId);
        }

        void merge(long sourceId, long targetId) {
            locks.exclusive(workspaceId, new long[] {sourceId, targetId}); // no batch may still be writing for either
            events.publishEvent(new ContactsMerged(workspaceId, sourceId, targetId));
            identities.absorb(workspaceId, sourceId, targetId);
            identities.delete(workspaceId, sourceId);
            mergedInto.put(sourceId, targetId);
            users.replaceAll((k, v) -> v == sourceId ? targetId : v);
            anonymous.replaceAll((k, v) -> v == sourceId ? targetId : v);
        }

        /**
         * People seen for the first time with nothing that could name an existing contact (no email, an
         * unknown anonymous id) are created in bulk; everything else goes through {@link #resolve}.
         */
        void createNewPeople(List<IdentityRef> refs) {
            Set<String> newUsers = new LinkedHashSet<>();
            Set<String> newAnonymous = new LinkedHashSet<>();
            for (IdentityRef ref : refs) {
                boolean unknownDevice = ref.anonymousId() == null || !anonymous.containsKey(ref.anonymousId());
                if (ref.email() != null || !unknownDevice) {
                    continue;
                }
                if (ref.userId() != null && !users.containsKey(ref.userId())) {
                    newUsers.add(ref.userId());
                } else if (ref.userId() == null) {
                    newAnonymous.add(ref.anonymousId());
                }
            }
            if (!newUsers.isEmpty()) {
                users.putAll(identities.createForUserIds(workspaceId, newUsers));
                Map<String, Long> devices = new LinkedHashMap<>();
                for (IdentityRef ref : refs) {
                    if (ref.anonymousId() != null && newUsers.contains(ref.userId()) && !anonymous.containsKey(ref.anonymousId())) {
                        devices.putIfAbsent(ref.anonymousId(), users.get(ref.userId()));
                    }
                }
                identities.addIdentities(workspaceId, IdentityStore.ANONYMOUS, devices);
                anonymous.putAll(devices);
                newAnonymous.removeAll(devices.keySet());
            }
            if (!newAnonymous.isEmpty()) {
                anonymous.putAll(identities.createForAnonymousIds(workspaceId, newAnonymous));
            }
        }

        /** The contact when resolving needs no write: the ids are known and already linked. */
        Long withoutWrites(IdentityRef ref) {
            if (ref.userId() != null) {
                // A known user id decides on its own: an email trait then only updates the profile.
                Long id = users.get(ref.userId());
                if (id == null || (ref.anonymousId() != null && !id.equals(anonymous.get(ref.anonymousId())))) {
                    return null;
                }
                return id;
            }
            return ref.email() != null ? null : anonymous.get(ref.anonymousId());
        }

        long current(long id) {
            Long next = mergedInto.get(id);
            return next == null ? id : current(next);
        }
    }

    /**
     * Most calls come from people already known by exactly these ids: they resolve from two bulk
     * lookups without locks. Only calls that must write an identity (a new person, a first identify,
     * a merge) take advisory locks on their ids and re-read them before deciding.
     */
    public ResolvedIdentities resolve(long workspaceId, List<IdentityRef> refs) {
        Batch known = new Batch(workspaceId, userIds(refs), anonymousIds(refs));
        Map<IdentityRef, Long> out = new LinkedHashMap<>();
        List<IdentityRef> writing = new ArrayList<>();
        for (IdentityRef ref : refs) {
            Long id = known.withoutWrites(ref);
            if (id != null) {
                out.put(ref, id);
            } else {
                writing.add(ref);
            }
        }
        if (writing.isEmpty()) {
            return new ResolvedIdentities(out, Set.of());
        }
        List<String> lockKeys = new ArrayList<>();
        for (IdentityRef ref : writing) {
            if (ref.userId() != null) {
                lockKeys.add("u:" + ref.userId());
            }
            if (ref.anonymousId() != null) {
                lockKeys.add("a:" + ref.anonymousId());
            }
            if (ref.email() != null) {
                lockKeys.add("e:" + ref.email());
            }
        }
        identities.lock(workspaceId, lockKeys);
        Batch batch = new Batch(workspaceId, userIds(writing), anonymousIds(writing));
        batch.createNewPeople(writing);
        for (IdentityRef ref : writing) {
            out.put(ref, batch.resolve(ref));
        }
        out.replaceAll((ref, id) -> batch.current(id));
        Set<Long> written = new HashSet<>();
        writing.forEach(ref -> written.add(out.get(ref)));
        return new ResolvedIdentities(out, written);
    }

    private static Set<String> userIds(List<IdentityRef> refs) {
        return present(refs, IdentityRef::userId);
    }

    private static Set<String> anonymousIds(List<IdentityRef> refs) {
        return present(refs, IdentityRef::anonymousId);
    }

    private static Set<String> present(List<IdentityRef> refs, Function<IdentityRef, String> id) {
        Set<String> ids = new LinkedHashSet<>();
        for (IdentityRef ref : refs) {
            if (id.apply(ref) != null) {
                ids.add(id.apply(ref));
            }
        }
        return ids;
    }

    public long alias(long workspaceId, String previousId, String userId) {
        identities.lock(workspaceId, List.of("u:" + userId, "u:" + previousId, "a:" + previousId));
        // an alias of an id to itself names one user (Set.of would refuse the repeat)
        Batch batch = new Batch(workspaceId, new LinkedHashSet<>(List.of(userId, previousId)), Set.of(previousId));
        Long target = batch.users.get(userId);
        Long source = batch.users.containsKey(previousId) ? batch.users.get(previousId) : batch.anonymous.get(previousId);
        if (source == null && target == null) {
            long id = contacts.insert(workspaceId, userId);
            identities.addIdentity(workspaceId, IdentityStore.ANONYMOUS, previousId, id);
            return id;
        }
        if (source == null) {
            identities.addIdentity(workspaceId, IdentityStore.ANONYMOUS, previousId, target);
            return target;
        }
        if (target == null) {
            String former = identities.externalId(workspaceId, source);
            if (former != null) {
                identities.addIdentity(workspaceId, IdentityStore.FORMER_USER_ID, former, source);
            }
            contacts.setExternalId(workspaceId, source, userId);
            return source;
        }
        if (!source.equals(target)) {
            batch.merge(source, target);
        }
        return target;
    }
}
