package dev.tendril.workspace;

import java.util.OptionalLong;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The workspace of the authenticated caller; every query is scoped by it. */
public final class CurrentWorkspace {
    private CurrentWorkspace() {}

    /** The workspace if the request is already authenticated (ingestion may authenticate later, by a body write key). */
    public static OptionalLong find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof WorkspacePrincipal p ? OptionalLong.of(p.workspaceId()) : OptionalLong.empty();
    }

    public static long id() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof WorkspacePrincipal p) {
            return p.workspaceId();
        }
        throw new InsufficientAuthenticationException("no workspace bound to this request");
    }
}
