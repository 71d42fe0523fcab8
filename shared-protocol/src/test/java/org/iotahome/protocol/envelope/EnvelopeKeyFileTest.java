package org.iotahome.protocol.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvelopeKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void writesAnOwnerOnlyFileThatReadsBackToTheSameKeys() throws Exception {
        EnvelopeKeyPair keys = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom());
        Path file = dir.resolve(EnvelopeKeyFile.FILE_NAME);
        EnvelopeKeyFile.write(file, keys);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        EnvelopeKeyPair back = EnvelopeKeyFile.read(file);
        assertThat(back.publicKey()).isEqualTo(keys.publicKey());
        assertThat(back.privateKey()).isEqualTo(keys.privateKey());
        assertThat(Files.readString(file)).startsWith("{\"v\":1,\"alg\":\"mlkem768\",\"publicKey\":\"");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void replacesAnExistingKeyFileWhole() {
        Path file = dir.resolve(EnvelopeKeyFile.FILE_NAME);
        EnvelopeKeyFile.write(file, EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom()));
        EnvelopeKeyPair second = EnvelopeKeyPair.generate(KemAlgorithm.SNTRUP1277, new SecureRandom());
        EnvelopeKeyFile.write(file, second);
        assertThat(EnvelopeKeyFile.read(file).publicKey()).isEqualTo(second.publicKey());
    }

    @Test
    void refusesAFileWhoseHalvesDoNotMatchOrThatIsNotAKeyFile() throws Exception {
        Path file = dir.resolve("k");
        EnvelopeKeyPair a = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom());
        EnvelopeKeyPair b = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom());
        String b64pub = java.util.Base64.getEncoder().encodeToString(a.publicKey().bytes());
        String b64priv = java.util.Base64.getEncoder().encodeToString(b.privateKey());
        Files.writeString(file, "{\"v\":1,\"alg\":\"mlkem768\",\"publicKey\":\"" + b64pub + "\",\"privateKey\":\"" + b64priv + "\"}");
        assertThatThrownBy(() -> EnvelopeKeyFile.read(file)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("does not belong to the public key");
        Files.writeString(file, "{\"v\":2}");
        assertThatThrownBy(() -> EnvelopeKeyFile.read(file)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("version 2 is not supported");
        Files.writeString(file, "{\"v\":1,\"alg\":\"mlkem768\",\"publicKey\":\"" + b64pub + "\"}");
        assertThatThrownBy(() -> EnvelopeKeyFile.read(file)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("'privateKey': is missing");
    }
}
