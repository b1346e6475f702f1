package dev.tendril.experiment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AiKeyCipherTest {
    @TempDir Path dir;

    @Test
    void sealsAndOpensWithoutLeavingThePlaintext() {
        var cipher = new AiKeyCipher(AiMasterKey.resolve("a long configured secret", dir));
        byte[] sealed = cipher.seal(7, "sk-live-1234567890");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("sk-live");
        assertThat(cipher.open(7, sealed)).isEqualTo("sk-live-1234567890");
        assertThat(cipher.seal(7, "sk-live-1234567890")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(dir.resolve(AiMasterKey.FILE)).as("a configured key needs no file").doesNotExist();
    }

    @Test
    void aKeySealedForOneWorkspaceOrUnderAnotherKeyDoesNotOpen() {
        var cipher = new AiKeyCipher(AiMasterKey.resolve("secret one", dir));
        byte[] sealed = cipher.seal(7, "sk-live");
        assertThatThrownBy(() -> cipher.open(8, sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new AiKeyCipher(AiMasterKey.resolve("secret two", dir)).open(7, sealed))
                .isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(7, sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAConfiguredKeyAKeyFileIsMadeOnceAndReused() throws Exception {
        byte[] first = AiMasterKey.resolve("", dir);
        Path file = dir.resolve(AiMasterKey.FILE);
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(AiMasterKey.resolve(null, dir)).isEqualTo(first).hasSize(32);
        byte[] sealed = new AiKeyCipher(first).seal(1, "k");
        assertThat(new AiKeyCipher(AiMasterKey.resolve(" ", dir)).open(1, sealed)).isEqualTo("k");
    }
}
