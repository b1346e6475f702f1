package dev.tendril.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every page's frame needs: who is signed in, whether they may edit (owners and marketers;
 * viewers read), and the CSRF token for forms and htmx requests.
 */
public record Shell(String userEmail, boolean owner, boolean editor, String csrfParameter, String csrfHeader, String csrfToken) {

    /**
     * Read before rendering starts: loading a deferred CSRF token may create the session, and its
     * cookie must be set before the response is committed.
     */
    static Shell of(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        boolean owner = signedIn && has(auth, "ROLE_OWNER");
        return new Shell(signedIn ? auth.getName() : null, owner, owner || signedIn && has(auth, "ROLE_MARKETER"),
                csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName(),
                csrf == null ? "" : csrf.getToken());
    }

    private static boolean has(Authentication auth, String authority) {
        return auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    public boolean signedIn() {
        return userEmail != null;
    }

    /** The {@code hx-headers} value that makes htmx send the CSRF token on every request. */
    public String htmxHeaders() {
        return "{\"" + csrfHeader + "\": \"" + csrfToken + "\"}";
    }
}
