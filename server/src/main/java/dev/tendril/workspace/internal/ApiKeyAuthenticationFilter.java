package dev.tendril.workspace.internal;

import dev.tendril.workspace.ApiKeys;
import dev.tendril.workspace.KeyKind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by API key: a write key as the HTTP Basic username (as Segment clients
 * send it) or a secret key as a Bearer token. A wrong key is a 401 problem, and so is a missing one
 * unless the key is optional: a tracking call without any Authorization header passes on, to be checked
 * by its body's {@code writeKey}, and so does an actuator request, which an owner's session may make.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    private final ApiKeys keys;
    private final KeyKind kind;
    private final boolean keyOptional;

    ApiKeyAuthenticationFilter(ApiKeys keys, KeyKind kind, boolean keyOptional) {
        this.keys = keys;
        this.kind = kind;
        this.keyOptional = keyOptional;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null && keyOptional) {
            chain.doFilter(request, response);
            return;
        }
        String token = token(header);
        OptionalLong workspace = token == null ? OptionalLong.empty() : keys.workspaceOf(token, kind);
        if (workspace.isEmpty()) {
            Unauthorized.write(response, token == null
                    ? (kind == KeyKind.WRITE ? "Missing write key: send it as the HTTP Basic username" : "Missing secret key: send 'Authorization: Bearer sk_…'")
                    : "Unknown or revoked " + kind.dbValue() + " key");
            return;
        }
        var principal = new ApiKeyPrincipal(workspace.getAsLong(), kind);
        var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + kind.name() + "_KEY")));
        SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String token(String header) {
        if (header == null) {
            return null;
        }
        if (kind == KeyKind.WRITE && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon >= 0 ? decoded.substring(0, colon) : decoded;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (kind == KeyKind.SECRET && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return null;
    }
}
