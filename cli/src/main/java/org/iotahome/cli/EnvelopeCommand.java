package org.iotahome.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.iotahome.protocol.envelope.EnvelopeJson;
import org.iotahome.protocol.envelope.EnvelopeKeyFile;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.envelope.EnvelopePublicKey;
import org.iotahome.protocol.envelope.EnvelopeSealer;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.json.WireJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./iotahome envelope keygen|seal|open}: PROTOCOL.md §6 envelopes for providers. */
@Command(name = "envelope", mixinStandardHelpOptions = true, description = "Post-quantum envelopes (PROTOCOL.md §6).",
        subcommands = {EnvelopeCommand.Keygen.class, EnvelopeCommand.Seal.class, EnvelopeCommand.Open.class})
public final class EnvelopeCommand {

    static KemAlgorithm alg(String name) {
        return KemAlgorithm.fromName(name);
    }

    @Command(name = "keygen", description = "Write DIR/envelope.key (0600); print {alg, publicKeyTrytes}.")
    static final class Keygen implements Runnable {
        @Spec CommandSpec spec;
        @Option(names = "--dir", required = true, description = "directory for envelope.key") Path dir;
        @Option(names = "--alg", defaultValue = "sntrup1277", description = "sntrup1277 (default) or mlkem768") String alg;

        @Override
        public void run() {
            EnvelopeKeyPair keys = EnvelopeKeyPair.generate(alg(alg), new SecureRandom());
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
            }
            EnvelopeKeyFile.write(dir.resolve(EnvelopeKeyFile.FILE_NAME), keys);
            ObjectNode out = WireJson.object();
            out.put("alg", keys.alg().wireName());
            out.put("publicKeyTrytes", keys.publicKey().toTrytes());
            spec.commandLine().getOut().println(WireJson.write(out));
        }
    }

    @Command(name = "seal", description = "Seal TEXT for the holder of a public key; print the envelope JSON.")
    static final class Seal implements Runnable {
        @Spec CommandSpec spec;
        @Option(names = "--alg", description = "the key's algorithm; by default told from the key's length") String alg;
        @Option(names = "--to", required = true, description = "the recipient's publicKeyTrytes") String to;
        @Option(names = "--text", required = true) String text;

        @Override
        public void run() {
            EnvelopePublicKey key = alg == null ? EnvelopePublicKey.parse(to) : EnvelopePublicKey.parse(alg(alg), to);
            spec.commandLine().getOut().println(EnvelopeJson.write(new EnvelopeSealer(new SecureRandom()).seal(key, text)));
        }
    }

    @Command(name = "open", description = "Open the envelope in ENVELOPE_FILE with a key file; print {text}.")
    static final class Open implements Runnable {
        @Spec CommandSpec spec;
        @Option(names = "--key", required = true, description = "an envelope.key file") Path key;
        @Parameters(index = "0", paramLabel = "ENVELOPE_FILE") Path envelopeFile;

        @Override
        public void run() {
            String json;
            try {
                json = Files.readString(envelopeFile).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + envelopeFile + ": " + e.getMessage(), e);
            }
            String text = new EnvelopeOpener(EnvelopeKeyFile.read(key)).open(EnvelopeJson.parse(json));
            ObjectNode out = WireJson.object();
            out.put("text", text);
            spec.commandLine().getOut().println(WireJson.write(out));
        }
    }
}
