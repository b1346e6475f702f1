package dev.tendril.contact;

import dev.tendril.contact.internal.IdentityResolution;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves the people behind events to contacts, making contacts for new ones and merging an
 * anonymous history into the known profile when an identify or alias reveals who it was.
 */
@Service
public class Identities {
    private final IdentityResolution resolution;

    Identities(IdentityResolution resolution) {
        this.resolution = resolution;
    }

    /** One contact id per ref, in order; runs inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ResolvedIdentities resolve(long workspaceId, List<IdentityRef> refs) {
        return resolution.resolve(workspaceId, refs);
    }

    /** Segment {@code alias}: the person known as {@code previousId} is {@code userId}. Returns the surviving contact. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long alias(long workspaceId, String previousId, String userId) {
        return resolution.alias(workspaceId, previousId, userId);
    }
}
