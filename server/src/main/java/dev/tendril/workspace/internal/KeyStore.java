package dev.tendril.workspace.internal;

import dev.tendril.platform.Ids;
import dev.tendril.workspace.ApiKeyView;
import dev.tendril.workspace.IssuedKey;
import dev.tendril.workspace.KeyKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API keys in PostgreSQL, as SHA-256 of 192-bit random tokens (high-entropy tokens need no slow KDF).
 * Every request looks its key up (one unique-index probe), so a key revoked on any node stops working
 * on every node at once.
 */
@Repository
public class KeyStore {
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    KeyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public IssuedKey issue(long workspaceId, KeyKind kind, String name) {
        StringBuilder token = new StringBuilder(kind.tokenPrefix());
        for (int i = 0; i < 32; i++) {
            token.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return register(workspaceId, kind, name, token.toString());
    }

    /** Stores a token chosen by the operator (headless bootstrap). */
    public IssuedKey register(long workspaceId, KeyKind kind, String name, String token) {
        String prefix = token.substring(0, kind.tokenPrefix().length() + 6);
        long id = jdbc.sql("""
                insert into api_key (workspace_id, kind, name, token_prefix, token_hash)
                values (?, ?, ?, ?, ?) returning id""")
                .params(workspaceId, kind.dbValue(), name, prefix, hash(token))
                .query(Long.class).single();
        return new IssuedKey(new ApiKeyView(Ids.API_KEY.format(id), kind.dbValue(), name, prefix, clock.instant(), null), token);
    }

    public List<ApiKeyView> list(long workspaceId) {
        return jdbc.sql("select id, kind, name, token_prefix, created_at, revoked_at from api_key where workspace_id = ? order by id")
                .param(workspaceId)
                .query((rs, n) -> new ApiKeyView(Ids.API_KEY.format(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), instant(rs.getTimestamp(6))))
                .list();
    }

    public boolean revoke(long workspaceId, long id) {
        return jdbc.sql("update api_key set revoked_at = coalesce(revoked_at, now()) where workspace_id = ? and id = ?")
                .params(workspaceId, id).update() == 1;
    }

    public OptionalLong workspaceOf(String token, KeyKind kind) {
        return jdbc.sql("select workspace_id from api_key where token_hash = ? and kind = ? and revoked_at is null")
                .params(hash(token), kind.dbValue()).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
