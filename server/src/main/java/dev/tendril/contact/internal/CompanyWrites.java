package dev.tendril.contact.internal;

import dev.tendril.contact.CompanyEdited;
import dev.tendril.contact.CompanyView;
import dev.tendril.contact.internal.ContactInputParser.Mode;
import dev.tendril.platform.ConflictException;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** Validates and stores company changes. */
@Component
public class CompanyWrites {
    private final CompanyStore store;

    private final ApplicationEventPublisher events;

    CompanyWrites(CompanyStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    public CompanyView create(long workspaceId, Map<String, Object> body) {
        CompanyInput input = valid(body);
        long id = store.insert(workspaceId);
        if (write(workspaceId, id, input) > 0) {
            edited(workspaceId, id);
        }
        return store.find(workspaceId, id).orElseThrow();
    }

    public Optional<CompanyView> patch(long workspaceId, long id, Map<String, Object> body) {
        CompanyInput input = valid(body);
        if (store.find(workspaceId, id).isEmpty()) {
            return Optional.empty();
        }
        write(workspaceId, id, input);
        edited(workspaceId, id);
        return store.find(workspaceId, id);
    }

    public Optional<CompanyView> find(long workspaceId, long id) {
        return store.find(workspaceId, id);
    }

    public List<CompanyView> findAll(long workspaceId, long[] ids) {
        return store.findAll(workspaceId, ids);
    }

    public boolean delete(long workspaceId, long id) {
        List<Long> linked = store.contactIds(workspaceId, id);
        if (!store.delete(workspaceId, id)) {
            return false;
        }
        if (!linked.isEmpty()) {
            events.publishEvent(new CompanyEdited(workspaceId, id, linked));
        }
        return true;
    }

    public List<CompanyView> list(long workspaceId, String domain, Cursor after, int limit) {
        return store.list(workspaceId, domain, after, limit);
    }

    public long upsertFromTraits(long workspaceId, String groupId, Map<String, Object> traits) {
        CompanyInput input = CompanyInput.parse(traits, Mode.TRAITS);
        OptionalLong existing = OptionalLong.empty();
        if (groupId != null) {
            existing = store.idBy(workspaceId, "external_id", groupId);
        }
        if (existing.isEmpty() && input.columns().get("domain") instanceof String domain) {
            existing = store.idBy(workspaceId, "domain", domain);
        }
        if (existing.isEmpty() && input.columns().get("name") instanceof String name) {
            existing = store.idBy(workspaceId, "name", name);
        }
        long id = existing.isPresent() ? existing.getAsLong() : store.insert(workspaceId);
        Optional<CompanyView> before = store.find(workspaceId, id);
        Map<String, Object> columns = new LinkedHashMap<>(input.columns());
        if (groupId != null) {
            columns.put("external_id", groupId);
        }
        if (columns.get("domain") instanceof String domain
                && store.idBy(workspaceId, "domain", domain).stream().anyMatch(other -> other != id)) {
            // Another company holds this domain: keep the traits, leave the domain where it is.
            columns.remove("domain");
        }
        store.update(workspaceId, id, columns, input.attributes());
        int linked = store.linkContactsByDomain(workspaceId, id);
        if (linked > 0 || !sameData(before, store.find(workspaceId, id))) {
            edited(workspaceId, id);
        }
        return id;
    }

    /** Tells the contacts' followers (scoring, segments), when the company has any. */
    private void edited(long workspaceId, long id) {
        List<Long> contacts = store.contactIds(workspaceId, id);
        if (!contacts.isEmpty()) {
            events.publishEvent(new CompanyEdited(workspaceId, id, contacts));
        }
    }

    private static boolean sameData(Optional<CompanyView> a, Optional<CompanyView> b) {
        return a.map(CompanyWrites::withoutTimes).equals(b.map(CompanyWrites::withoutTimes));
    }

    private static CompanyView withoutTimes(CompanyView c) {
        return new CompanyView(c.id(), c.externalId(), c.name(), c.domain(), c.industry(), c.employees(), c.annualRevenue(),
                c.plan(), c.website(), c.attributes(), null, null);
    }

    private static CompanyInput valid(Map<String, Object> body) {
        CompanyInput input = CompanyInput.parse(body, Mode.API);
        if (!input.errors().isEmpty()) {
            throw new InvalidInputException(input.errors());
        }
        return input;
    }

    /** How many contacts it linked by email domain. */
    private int write(long workspaceId, long id, CompanyInput input) {
        try {
            store.update(workspaceId, id, input.columns(), input.attributes());
        } catch (DuplicateKeyException e) {
            String field = e.getMessage() != null && e.getMessage().contains("company_domain") ? "domain" : "externalId";
            throw new ConflictException(field, "another company has this " + field);
        }
        return store.linkContactsByDomain(workspaceId, id);
    }
}
