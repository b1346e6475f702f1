package dev.tendril.contact;

import java.util.Map;
import java.util.Set;

/**
 * The contact of each identity ref, and those of them whose identity was written while resolving
 * (a new person, a first identify, a merge): their own data changed, not only their activity.
 */
public record ResolvedIdentities(Map<IdentityRef, Long> contacts, Set<Long> written) {
    public static final ResolvedIdentities NONE = new ResolvedIdentities(Map.of(), Set.of());
}
