package dev.tendril.workspace.internal;

import dev.tendril.workspace.Role;
import dev.tendril.workspace.WorkspacePrincipal;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in person of one workspace. */
record WorkspaceUser(long id, long workspaceId, String email, String passwordHash, Role role)
        implements UserDetails, WorkspacePrincipal {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }
}
