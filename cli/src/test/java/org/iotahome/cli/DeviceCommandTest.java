package org.iotahome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import org.iotahome.protocol.pairing.PairingText;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceCommandTest {

    private static final String SEED = "SEED9".repeat(16) + "S";
    private static final String SECRET = "SECRET9ONLY9THE9DEVICE9KNOWS";

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private void device() throws Exception {
        Files.writeString(dir.resolve("seed"), SEED);
        Files.writeString(dir.resolve("secret"), SECRET);
    }

    @Test
    void pairingTextIsReadFromTheDataDirectory() throws Exception {
        device();
        CliRun r = run("device", "pairing-text", "--data", dir.toString());

        assertThat(r.code()).as(r.err()).isZero();
        PairingText text = PairingText.parse(r.out().strip());
        assertThat(text.address()).isEqualTo(MailboxAddress.of(SEED));
        assertThat(text.secret().trytes()).isEqualTo(SECRET);
    }

    @Test
    void aDirectoryWithoutADeviceIsRefusedWithoutPrintingAnySecret() throws Exception {
        Files.writeString(dir.resolve("seed"), SEED);
        CliRun r = run("device", "pairing-text", "--data", dir.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no pairing secret at").contains("has the device started once?").doesNotContain(SEED);
    }

    @Test
    void resetLeavesARequestForTheDeviceAndReportsWhenItIsDone() throws Exception {
        device();
        Path request = dir.resolve("reset.request");
        // The running device carries the request out and removes it.
        CompletableFuture<Void> deviceSide = CompletableFuture.runAsync(() -> {
            try {
                while (!Files.exists(request)) Thread.sleep(10);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(request))).isEqualTo("rw-------");
                Files.delete(request);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        CliRun r = run("device", "reset", "--data", dir.toString(), "--wait", "PT10S");

        deviceSide.join();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("reset requested").contains("done: the device channel's key is rotated for no one");
    }

    @Test
    void resetWithoutARunningDeviceKeepsTheRequestForItsNextStart() throws Exception {
        device();
        CliRun r = run("device", "reset", "--data", dir.toString(), "--wait", "PT0.3S");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("has not carried it out yet");
        assertThat(dir.resolve("reset.request")).exists();
    }
}
