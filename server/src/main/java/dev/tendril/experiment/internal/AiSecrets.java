package dev.tendril.experiment.internal;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Seals and opens AI provider keys; the master key is resolved on first use, so a server that never configures AI makes no key file. */
@Component
class AiSecrets {
    private final String configured;
    private final Path dataDir;
    private volatile AiKeyCipher cipher;

    AiSecrets(@Value("${tendril.secret-key:}") String configured, @Value("${tendril.data-dir:./data}") String dataDir) {
        this.configured = configured;
        this.dataDir = Path.of(dataDir).toAbsolutePath();
    }

    byte[] seal(long workspaceId, String secret) {
        return cipher().seal(workspaceId, secret);
    }

    String open(long workspaceId, byte[] sealed) {
        return cipher().open(workspaceId, sealed);
    }

    private AiKeyCipher cipher() {
        AiKeyCipher c = cipher;
        if (c == null) {
            synchronized (this) {
                if (cipher == null) {
                    cipher = new AiKeyCipher(AiMasterKey.resolve(configured, dataDir));
                }
                c = cipher;
            }
        }
        return c;
    }
}
