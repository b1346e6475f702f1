package dev.tendril.workspace;

import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.NotFoundException;
import dev.tendril.workspace.internal.KeyStore;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/** Issues, lists, revokes and checks a workspace's API keys. Tokens are kept only as hashes. */
@Service
public class ApiKeys {
    private final KeyStore store;

    ApiKeys(KeyStore store) {
        this.store = store;
    }

    public IssuedKey issue(long workspaceId, KeyKind kind, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", "must be 1 to 100 characters");
        }
        return store.issue(workspaceId, kind, name.strip());
    }

    /** Stores a token the operator chose, e.g. from {@code TENDRIL_BOOTSTRAP_WRITE_KEY}. */
    public IssuedKey register(long workspaceId, KeyKind kind, String name, String token) {
        if (token == null || !token.startsWith(kind.tokenPrefix()) || token.length() < kind.tokenPrefix().length() + 20) {
            throw new InvalidInputException(kind.dbValue() + "Key", "must start with " + kind.tokenPrefix() + " and hold at least 20 more characters");
        }
        return store.register(workspaceId, kind, name, token);
    }

    public List<ApiKeyView> list(long workspaceId) {
        return store.list(workspaceId);
    }

    public void revoke(long workspaceId, String keyId) {
        long id = Ids.API_KEY.require(keyId);
        if (!store.revoke(workspaceId, id)) {
            throw new NotFoundException("api key", keyId);
        }
    }

    /** The workspace a live key of this kind belongs to, if the token is one. */
    public OptionalLong workspaceOf(String token, KeyKind kind) {
        if (token == null || !token.startsWith(kind.tokenPrefix())) {
            return OptionalLong.empty();
        }
        return store.workspaceOf(token, kind);
    }
}
