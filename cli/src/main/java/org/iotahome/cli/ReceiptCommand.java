package org.iotahome.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.iotahome.protocol.envelope.EnvelopeKeyFile;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.event.RotatedKeys;
import org.iotahome.protocol.json.WireJson;
import org.iotahome.protocol.mam.KeySchedule;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.receipt.ConsentReceipt;
import org.iotahome.protocol.receipt.ReceiptCheck;
import org.iotahome.protocol.receipt.ReceiptKey;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.IriClient;
import org.iotahome.protocol.tangle.IriTangle;
import org.iotahome.protocol.tangle.Tangle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./iotahome receipt verify FILE --node URL}: a consent receipt from My Home (issue 16)
 * checked on its own: its Ed25519 signature (and, with {@code --home-key}, that the key is My
 * Home's, from its about page), that the AUTHORIZED it names is on the Tangle in that bundle, and
 * whether that consent was in force at {@code --at} (default now). One JSON line per check; exit
 * code 0 when the receipt holds, 1 when it does not, 2 for bad input.
 */
@Command(name = "receipt", mixinStandardHelpOptions = true, description = "Consent receipts (issue 16).",
        subcommands = ReceiptCommand.Verify.class)
public final class ReceiptCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check a receipt's signature, that its event is on the Tangle, and whether the consent was in force at a time.")
    static final class Verify implements Callable<Integer> {

        @Spec CommandSpec spec;
        @Parameters(index = "0", description = "the receipt file (JSON, as My Home's audit page gives it)") Path file;
        @Option(names = "--node", defaultValue = "http://localhost:14265", description = "a node's API (default ${DEFAULT-VALUE})") String node;
        @Option(names = "--at", description = "the time to ask about, ISO-8601 (default: now)") String at;
        @Option(names = "--home-key", description = "My Home's receipt key (base64) from its about page: the receipt must be signed by it")
        String homeKey;
        @Option(names = "--address", description = "as the provider: your address, to read on past key rotations with --envelope-key")
        String self;
        @Option(names = "--envelope-key", description = "as the provider: your envelope.key file") Path envelopeKey;

        @Override
        public Integer call() {
            ConsentReceipt receipt;
            try {
                receipt = ConsentReceipt.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            Instant when = at == null ? Instant.now() : Instant.parse(at);
            if ((self == null) != (envelopeKey == null)) throw new IllegalArgumentException("--address and --envelope-key go together");
            KeySchedule keys = self == null ? KeySchedule.FIXED
                    : RotatedKeys.provider(new Address(self), new EnvelopeOpener(EnvelopeKeyFile.read(envelopeKey)));

            boolean signed = receipt.signatureValid();
            boolean homes = homeKey == null || homeKey.strip().equals(receipt.publicKey());
            ObjectNode signature = line("signature", signed && homes);
            signature.put("receipt", receipt.id());
            signature.put("key", ReceiptKey.fingerprintOf(receipt.publicKey()));
            signature.put("signature", signed ? "valid" : "INVALID: the receipt was changed after it was signed, or not signed by this key");
            if (homeKey != null) signature.put("homeKey", homes ? "matches" : "DIFFERENT: not signed by this My Home");
            else signature.put("homeKey", "not given: compare the key with My Home's about page");
            print(signature);
            if (!signed || !homes) return 1;

            ConsentReceipt.Anchor anchor = receipt.anchor();
            ReceiptCheck.Result result;
            try {
                Tangle tangle = IriTangle.remotePow(IriClient.of(node), 9, 3);
                TangleMessageTransport source = new TangleMessageTransport(tangle, "IOTAHOME9RECEIPT", System::currentTimeMillis,
                        Duration.ofSeconds(30));
                result = new ReceiptCheck(tangle, source, Duration.ofSeconds(30)).check(anchor, keys, when);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Tangle at " + node + ": " + e.getMessage(), e);
            }
            ObjectNode tangle = line("tangle", result.onTangle());
            tangle.put("bundle", anchor.bundleHash());
            tangle.put("address", anchor.address());
            tangle.put("node", node);
            result.problem().ifPresent(p -> tangle.put("problem", p));
            print(tangle);
            if (!result.onTangle()) return 1;

            ObjectNode status = line("status", true);
            status.put("at", when.toString());
            status.put("status", result.status().name());
            status.put("provider", anchor.providerUrl().getHost());
            status.put("goal", anchor.goal());
            status.put("given", Instant.ofEpochMilli(anchor.timestamp()).toString());
            anchor.expires().ifPresent(e -> status.put("expires", e.toString()));
            result.endedAt().ifPresent(e -> status.put("ended", e.toString()));
            result.readThrough().ifPresent(r -> status.put("readThrough", r.toString()));
            status.put("laterEvents", result.laterEvents());
            print(status);
            return 0;
        }

        private static ObjectNode line(String check, boolean ok) {
            ObjectNode n = WireJson.object();
            n.put("check", check);
            n.put("ok", ok);
            return n;
        }

        private void print(ObjectNode line) {
            spec.commandLine().getOut().println(WireJson.write(line));
        }
    }
}
