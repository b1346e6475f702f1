package dev.tendril.workspace;

import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The workspace of the authenticated caller; every query is scoped by it. */
public final class CurrentWorkspace {
    private CurrentWorkspace() {}

    public static long id() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof WorkspacePrincipal p) {
            return p.workspaceId();
        }
        throw new InsufficientAuthenticationException("no workspace bound to this request");
    }
}
