package dev.tendril.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;

/** What every page's frame needs: who is signed in, and the CSRF token for forms and htmx requests. */
public record Shell(String userEmail, boolean owner, String csrfParameter, String csrfHeader, String csrfToken) {

    /**
     * Read before rendering starts: loading a deferred CSRF token may create the session, and its
     * cookie must be set before the response is committed.
     */
    static Shell of(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        boolean owner = signedIn && auth.getAuthorities().stream().anyMatch(a -> "ROLE_OWNER".equals(a.getAuthority()));
        return new Shell(signedIn ? auth.getName() : null, owner,
                csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName(),
                csrf == null ? "" : csrf.getToken());
    }

    public boolean signedIn() {
        return userEmail != null;
    }

    /** The {@code hx-headers} value that makes htmx send the CSRF token on every request. */
    public String htmxHeaders() {
        return "{\"" + csrfHeader + "\": \"" + csrfToken + "\"}";
    }
}
