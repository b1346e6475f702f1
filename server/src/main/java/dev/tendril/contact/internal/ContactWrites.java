package dev.tendril.contact.internal;

import dev.tendril.contact.ContactChanges.CompanyRef;
import dev.tendril.contact.ContactChanges;
import dev.tendril.contact.ContactField;
import dev.tendril.contact.ContactView;
import dev.tendril.contact.IdentifyTraits;
import dev.tendril.contact.UpsertedContact;
import dev.tendril.contact.internal.ContactInputParser.Mode;
import dev.tendril.platform.ConflictException;
import dev.tendril.platform.InvalidInputException.FieldError;
import dev.tendril.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Validates contact input and writes it: fields, typed attributes, external id and company link. */
@Component
public class ContactWrites {
    private final ContactStore store;
    private final AttributeTypes types;
    private final CompanyWrites companies;

    ContactWrites(ContactStore store, AttributeTypes types, CompanyWrites companies) {
        this.store = store;
        this.types = types;
        this.companies = companies;
    }

    public ContactView create(long workspaceId, Map<String, Object> body) {
        ContactChanges changes = parse(workspaceId, body);
        String email = (String) changes.email();
        if (email != null && store.idByEmail(workspaceId, email).isPresent()) {
            throw new ConflictException("email", "a contact with this email exists already");
        }
        String externalId = changes.identity() == null ? null : changes.identity().externalId();
        if (externalId != null && store.idByExternalId(workspaceId, externalId).isPresent()) {
            throw new ConflictException("externalId", "a contact with this externalId exists already");
        }
        long id = store.insert(workspaceId, externalId);
        write(workspaceId, id, changes);
        return store.find(workspaceId, id).orElseThrow();
    }

    public UpsertedContact upsert(long workspaceId, Map<String, Object> body) {
        ContactChanges changes = parse(workspaceId, body);
        String externalId = changes.identity() == null ? null : changes.identity().externalId();
        String email = (String) changes.email();
        if (externalId == null && email == null) {
            throw new InvalidInputException(List.of(new FieldError("email", "an upsert needs email or externalId to match on"),
                    new FieldError("externalId", "an upsert needs email or externalId to match on")));
        }
        OptionalLong existing = externalId != null ? store.idByExternalId(workspaceId, externalId) : OptionalLong.empty();
        if (existing.isEmpty() && email != null) {
            existing = store.idByEmail(workspaceId, email);
        }
        if (existing.isEmpty()) {
            long id = store.insert(workspaceId, externalId);
            write(workspaceId, id, changes);
            return new UpsertedContact(store.find(workspaceId, id).orElseThrow(), true);
        }
        long id = existing.getAsLong();
        checkUnique(workspaceId, id, changes);
        write(workspaceId, id, changes);
        return new UpsertedContact(store.find(workspaceId, id).orElseThrow(), false);
    }

    public Optional<ContactView> patch(long workspaceId, long id, Map<String, Object> body) {
        ContactChanges changes = parse(workspaceId, body);
        if (store.find(workspaceId, id).isEmpty()) {
            return Optional.empty();
        }
        checkUnique(workspaceId, id, changes);
        write(workspaceId, id, changes);
        return store.find(workspaceId, id);
    }

    /**
     * The traits of identify calls, applied in order. Who owns each email named is looked up once for
     * all the calls, and company links by email domain are made in one statement at the end (earlier for
     * a contact with another call later in the list, to keep the order), and the updates go to the
     * database together ({@link ContactStore#updateAll}), so a batch costs a few round trips rather than
     * one or more per call.
     */
    public void applyTraits(long workspaceId, List<IdentifyTraits> calls) {
        List<ContactChanges> parsed = calls.stream().map(c -> ContactInputParser.parse(c.traits(), Mode.TRAITS).changes()).toList();
        Map<String, Long> owners = store.idsByEmail(workspaceId, parsed.stream().map(ContactChanges::email)
                .filter(String.class::isInstance).map(e -> ((String) e).toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
        Set<Long> toLink = new LinkedHashSet<>();
        List<ContactStore.Update> updates = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            long id = calls.get(i).contactId();
            ContactChanges changes = parsed.get(i);
            Map<ContactField, Object> fields = new LinkedHashMap<>(changes.fields());
            if (fields.get(ContactField.EMAIL) instanceof String email) {
                String key = email.toLowerCase(Locale.ROOT);
                Long owner = owners.get(key);
                if (owner != null && owner != id) {
                    fields.remove(ContactField.EMAIL); // that email is another contact's; identity merge is alias's job
                } else {
                    owners.values().removeIf(o -> o == id); // its old email is free again
                    owners.put(key, id);
                }
            }
            Map<String, Object> attributes = types.check(workspaceId, changes.attributes(), Mode.TRAITS, new ArrayList<>());
            if (toLink.remove(id)) {
                flush(updates);
                store.linkCompaniesByEmailDomain(workspaceId, new long[] {id}); // before this call may change its email or company
            }
            ContactStore.Update update = store.updateOf(workspaceId, id, fields, attributes);
            if (update != null) {
                updates.add(update);
            }
            if (changes.company() != null) {
                flush(updates);
                writeCompany(workspaceId, id, changes.company());
            }
            if (fields.containsKey(ContactField.EMAIL)) {
                toLink.add(id);
            }
        }
        flush(updates);
        store.linkCompaniesByEmailDomain(workspaceId, toLink.stream().mapToLong(Long::longValue).toArray());
    }

    public void setCompany(long workspaceId, long id, long companyId) {
        store.setCompany(workspaceId, id, companyId);
    }

    private ContactChanges parse(long workspaceId, Map<String, Object> body) {
        if (body == null) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        ContactInputParser.Result result = ContactInputParser.parse(body, Mode.API);
        List<FieldError> errors = new ArrayList<>(result.errors());
        Map<String, Object> attributes = types.check(workspaceId, result.changes().attributes(), Mode.API, errors);
        if (result.changes().company() instanceof CompanyRef.ById(long companyId) && companies.find(workspaceId, companyId).isEmpty()) {
            errors.add(new FieldError("companyId", "no such company in this workspace"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ContactChanges c = result.changes();
        return new ContactChanges(c.fields(), attributes, c.identity(), c.company());
    }

    private void checkUnique(long workspaceId, long id, ContactChanges changes) {
        if (changes.email() instanceof String email && store.idByEmail(workspaceId, email).stream().anyMatch(other -> other != id)) {
            throw new ConflictException("email", "another contact has this email");
        }
        if (changes.identity() != null && changes.identity().externalId() != null
                && store.idByExternalId(workspaceId, changes.identity().externalId()).stream().anyMatch(other -> other != id)) {
            throw new ConflictException("externalId", "another contact has this externalId");
        }
    }

    private void write(long workspaceId, long id, ContactChanges changes) {
        writeFields(workspaceId, id, changes);
        if (changes.email() instanceof String) {
            store.linkCompaniesByEmailDomain(workspaceId, new long[] {id});
        }
    }

    private void flush(List<ContactStore.Update> updates) {
        store.updateAll(updates);
        updates.clear();
    }

    /** Fields, attributes, external id and an explicit company: everything but the link by email domain. */
    private void writeFields(long workspaceId, long id, ContactChanges changes) {
        store.update(workspaceId, id, changes.fields(), changes.attributes());
        if (changes.identity() != null) {
            store.setExternalId(workspaceId, id, changes.identity().externalId());
        }
        writeCompany(workspaceId, id, changes.company());
    }

    private void writeCompany(long workspaceId, long id, CompanyRef company) {
        switch (company) {
            case CompanyRef.ById(long companyId) -> store.setCompany(workspaceId, id, companyId);
            case CompanyRef.ByTraits(Map<String, Object> traits) ->
                    store.setCompany(workspaceId, id, companies.upsertFromTraits(workspaceId, null, traits));
            case CompanyRef.None() -> store.setCompany(workspaceId, id, null);
            case null -> { }
        }
    }
}
