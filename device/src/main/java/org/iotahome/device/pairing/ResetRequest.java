package org.iotahome.device.pairing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A reset asked for on the device itself (PROTOCOL.md §4: only the holder of the device can reset
 * it): {@code ./iotahome device reset} writes the file {@code reset.request} in the data directory,
 * which only the device's own user can write; the consent flow carries it out (key rotated for no
 * one, providers forgotten, unpaired) and then removes the file. The file survives a crash, so a
 * reset asked for while the device is stopped happens when it starts.
 */
public final class ResetRequest {

    /** The name the command line writes (cli DeviceCommand). */
    public static final String NAME = "reset.request";

    private final Path file;

    public ResetRequest(Path dataDir) {
        this.file = dataDir.resolve(NAME);
    }

    public boolean requested() {
        return Files.exists(file);
    }

    /** Called once the reset is carried out and durable. */
    public void done() throws IOException {
        Files.deleteIfExists(file);
    }
}
