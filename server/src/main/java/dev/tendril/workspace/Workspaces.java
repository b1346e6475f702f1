package dev.tendril.workspace;

import dev.tendril.platform.ConflictException;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.workspace.internal.WorkspaceStore;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates workspaces and their users; publishes {@link WorkspaceCreated} for modules that seed defaults. */
@Service
public class Workspaces {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final WorkspaceStore store;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    Workspaces(WorkspaceStore store, PasswordEncoder passwords, ApplicationEventPublisher events) {
        this.store = store;
        this.passwords = passwords;
        this.events = events;
    }

    @Transactional
    public long create(String slug, String name) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new InvalidInputException("slug", "must be lower-case letters, digits and dashes, at most 63");
        }
        if (store.findBySlug(slug).isPresent()) {
            throw new ConflictException("slug", "a workspace '" + slug + "' exists already");
        }
        long id = store.insert(slug, name == null || name.isBlank() ? slug : name);
        events.publishEvent(new WorkspaceCreated(id, slug));
        return id;
    }

    public Optional<Long> findBySlug(String slug) {
        return store.findBySlug(slug);
    }

    public boolean isEmpty() {
        return store.count() == 0;
    }

    @Transactional
    public void addUser(long workspaceId, String email, String password, Role role) {
        if (email == null || !email.contains("@")) {
            throw new InvalidInputException("email", "is not an email address");
        }
        if (password == null || password.length() < 8) {
            throw new InvalidInputException("password", "must be at least 8 characters");
        }
        if (store.userExists(email)) {
            throw new ConflictException("email", "a user with this email exists already");
        }
        store.insertUser(workspaceId, email, passwords.encode(password), role);
    }

    @Transactional
    public void setPassword(String email, String password) {
        store.updatePassword(email, passwords.encode(password));
    }
}
