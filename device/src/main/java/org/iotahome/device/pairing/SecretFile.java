package org.iotahome.device.pairing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.storage.AtomicFile;

/**
 * The device's pairing secret in its data directory (PROTOCOL.md §4: generated on first start,
 * kept): file {@code secret}, owner-only (0600), written through {@link AtomicFile}.
 */
public final class SecretFile {

    public static final String NAME = "secret";

    private final Path file;
    private final SecureRandom random;

    public SecretFile(Path dataDir, SecureRandom random) {
        this.file = dataDir.resolve(NAME);
        this.random = random;
    }

    public DeviceSecret loadOrCreate() throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
            try {
                return new DeviceSecret(stored);
            } catch (IllegalArgumentException e) {
                // The content is a secret: name the file and the length, never the text.
                throw new PairingStateException(file + " must hold the pairing secret as " + DeviceSecret.MIN_LENGTH + ".."
                        + DeviceSecret.MAX_LENGTH + " trytes (A-Z, 9), got " + stored.length() + " characters");
            }
        }
        DeviceSecret fresh = DeviceSecret.generate(random);
        AtomicFile.write(file, fresh.trytes().getBytes(StandardCharsets.US_ASCII), true);
        return fresh;
    }
}
