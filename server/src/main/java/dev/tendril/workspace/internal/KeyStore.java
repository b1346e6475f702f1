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
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API keys in PostgreSQL, as SHA-256 of 192-bit random tokens (high-entropy tokens need no slow KDF).
 * Lookups are cached for a few seconds so ingestion does not query the key on every request; a
 * revoked key stops working on this node at once and on other nodes within {@link #CACHE_TTL}.
 */
@Repository
public class KeyStore {
    static final Duration CACHE_TTL = Duration.ofSeconds(10);
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private record Cached(long workspaceId, Instant until) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

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
        int n = jdbc.sql("update api_key set revoked_at = coalesce(revoked_at, now()) where workspace_id = ? and id = ?")
                .params(workspaceId, id).update();
        cache.clear();
        return n == 1;
    }

    public OptionalLong workspaceOf(String token, KeyKind kind) {
        String hash = hash(token);
        Instant now = clock.instant();
        Cached hit = cache.get(hash);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.workspaceId() < 0 ? OptionalLong.empty() : OptionalLong.of(hit.workspaceId());
        }
        long ws = jdbc.sql("select workspace_id from api_key where token_hash = ? and kind = ? and revoked_at is null")
                .params(hash, kind.dbValue()).query(Long.class).optional().orElse(-1L);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(hash, new Cached(ws, now.plus(CACHE_TTL)));
        return ws < 0 ? OptionalLong.empty() : OptionalLong.of(ws);
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
