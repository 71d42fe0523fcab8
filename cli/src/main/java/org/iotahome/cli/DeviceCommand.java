package org.iotahome.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.pairing.PairingText;
import org.iotahome.protocol.storage.AtomicFile;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.iotahome.protocol.trinary.Trytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./iotahome device pairing-text|reset}: what a person with the device does on the device
 * itself (PROTOCOL.md §4). Both work on the device's data directory, which only the device's own
 * user can read and write: that is what makes them local only. File names are the device's
 * (device module: {@code IdentityFiles}, {@code SecretFile}, {@code PairingStore}, {@code ResetRequest}).
 */
@Command(name = "device", mixinStandardHelpOptions = true, description = "On the device itself: its pairing text, or a reset.",
        subcommands = {DeviceCommand.PairingTextCommand.class, DeviceCommand.Reset.class})
public final class DeviceCommand {

    static final String SEED_FILE = "seed";
    static final String SECRET_FILE = "secret";
    static final String PAIRING_FILE = "pairing.json";
    static final String RESET_REQUEST = "reset.request";

    @Command(name = "pairing-text", description = "Print the pairing text (address and secret) for My Home.")
    static final class PairingTextCommand implements Runnable {
        @Spec CommandSpec spec;
        @Option(names = "--data", required = true, description = "the device's data directory (IOTAHOME_DATA)") Path data;

        @Override
        public void run() {
            String seed = seed(data);
            DeviceSecret secret = new DeviceSecret(read(data.resolve(SECRET_FILE), "pairing secret"));
            spec.commandLine().getOut().println(new PairingText(MailboxAddress.of(seed), secret).format());
        }
    }

    @Command(name = "reset", description = "Rotate the device channel's key for no one and unpair; the running device carries it out.")
    static final class Reset implements Runnable {
        @Spec CommandSpec spec;
        @Option(names = "--data", required = true, description = "the device's data directory (IOTAHOME_DATA)") Path data;
        @Option(names = "--wait", defaultValue = "PT60S", description = "how long to wait for the device (ISO-8601, default PT60S)")
        Duration wait;

        @Override
        public void run() {
            seed(data); // a directory without a device identity is a mistake, not a reset
            Path request = data.resolve(RESET_REQUEST);
            try {
                AtomicFile.write(request, new byte[0], true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + request + ": " + e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("reset requested; waiting for the device to rotate its key and unpair…");
            out.flush();
            long end = System.nanoTime() + wait.toNanos();
            while (Files.exists(request) && System.nanoTime() < end) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (Files.exists(request)) {
                out.println("the device has not carried it out yet: is it running? It will when it starts (the request is kept in "
                        + request + ").");
            } else {
                out.println("done: the device channel's key is rotated for no one and the device is unpaired;"
                        + " pair it again with './iotahome device pairing-text'.");
            }
        }
    }

    /** The device's seed: {@code SEED} when set (as the device reads it), else its seed file. */
    static String seed(Path data) {
        String given = System.getenv("SEED");
        if (given != null && !given.isBlank()) {
            if (!Trytes.isTrytes(given.trim(), 81)) throw new IllegalArgumentException("SEED must be 81 trytes (A-Z, 9)");
            return given.trim();
        }
        String seed = read(data.resolve(SEED_FILE), "device seed");
        if (!Trytes.isTrytes(seed, 81))
            throw new IllegalArgumentException(data.resolve(SEED_FILE) + " must hold 81 trytes, got " + seed.length() + " characters");
        return seed;
    }

    /** Never prints the content: these files are secrets. */
    private static String read(Path file, String what) {
        if (!Files.exists(file))
            throw new IllegalArgumentException("no " + what + " at " + file + ": is this the device's data directory,"
                    + " and has the device started once?");
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
