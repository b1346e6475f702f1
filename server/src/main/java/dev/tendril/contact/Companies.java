package dev.tendril.contact;

import dev.tendril.contact.internal.CompanyWrites;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.NotFoundException;
import dev.tendril.platform.Page;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Companies of a workspace; contacts are linked to them by id or by email domain. */
@Service
public class Companies {
    private final CompanyWrites writes;

    Companies(CompanyWrites writes) {
        this.writes = writes;
    }

    @Transactional
    public CompanyView create(long workspaceId, Map<String, Object> body) {
        return writes.create(workspaceId, body);
    }

    @Transactional
    public CompanyView patch(long workspaceId, String id, Map<String, Object> body) {
        return writes.patch(workspaceId, Ids.COMPANY.require(id), body)
                .orElseThrow(() -> new NotFoundException("company", id));
    }

    public CompanyView get(long workspaceId, String id) {
        return writes.find(workspaceId, Ids.COMPANY.require(id)).orElseThrow(() -> new NotFoundException("company", id));
    }

    public Optional<CompanyView> find(long workspaceId, long id) {
        return writes.find(workspaceId, id);
    }

    /** These companies of the workspace, in one query; unknown ids are left out. */
    public List<CompanyView> findAll(long workspaceId, Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : writes.findAll(workspaceId, ids.stream().mapToLong(Long::longValue).distinct().toArray());
    }

    @Transactional
    public void delete(long workspaceId, String id) {
        if (!writes.delete(workspaceId, Ids.COMPANY.require(id))) {
            throw new NotFoundException("company", id);
        }
    }

    public Page<CompanyView> list(long workspaceId, String domain, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        return Page.of(writes.list(workspaceId, domain, Cursor.decode(cursor), n + 1), n,
                last -> new Cursor(null, Ids.COMPANY.require(last.id())));
    }

    /** Finds or makes the company a Segment {@code group} call or a {@code company} trait names. */
    @Transactional
    public long upsertFromTraits(long workspaceId, String groupId, Map<String, Object> traits) {
        return writes.upsertFromTraits(workspaceId, groupId, traits);
    }
}
