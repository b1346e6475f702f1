package dev.tendril.workspace.internal;

import dev.tendril.workspace.ApiKeys;
import dev.tendril.workspace.KeyKind;
import dev.tendril.workspace.Role;
import dev.tendril.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Headless first start: with {@code TENDRIL_BOOTSTRAP_WORKSPACE} set and an empty database, creates
 * that workspace, its keys and its owner. Does nothing once any workspace exists.
 */
@Component
@Order(0)
class BootstrapWorkspace implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BootstrapWorkspace.class);

    private final Workspaces workspaces;
    private final ApiKeys keys;
    private final String slug;
    private final String writeKey;
    private final String secretKey;
    private final String adminEmail;
    private final String adminPassword;

    BootstrapWorkspace(Workspaces workspaces, ApiKeys keys,
            @Value("${tendril.bootstrap.workspace:}") String slug,
            @Value("${tendril.bootstrap.write-key:}") String writeKey,
            @Value("${tendril.bootstrap.secret-key:}") String secretKey,
            @Value("${tendril.bootstrap.admin-email:}") String adminEmail,
            @Value("${tendril.bootstrap.admin-password:}") String adminPassword) {
        this.workspaces = workspaces;
        this.keys = keys;
        this.slug = slug;
        this.writeKey = writeKey;
        this.secretKey = secretKey;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (slug.isBlank() || !workspaces.isEmpty()) {
            return;
        }
        long id = workspaces.create(slug, slug);
        if (!writeKey.isBlank()) {
            keys.register(id, KeyKind.WRITE, "bootstrap write key", writeKey);
        }
        if (!secretKey.isBlank()) {
            keys.register(id, KeyKind.SECRET, "bootstrap secret key", secretKey);
        }
        if (!adminEmail.isBlank()) {
            workspaces.addUser(id, adminEmail, adminPassword, Role.OWNER);
        }
        log.info("Bootstrapped workspace '{}'", slug);
    }
}
