package dev.tendril.contact;

import java.util.List;

/**
 * A company changed (created with contacts linked by email domain, edited through the API or a Segment
 * {@code group} call, or deleted); {@code contactIds} are the contacts whose company data changed with
 * it. Published inside the changing transaction, so listeners note their follow-up work atomically.
 */
public record CompanyEdited(long workspaceId, long companyId, List<Long> contactIds) {}
