package org.iotahome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.event.ServiceProvider;
import org.iotahome.protocol.receipt.ConsentReceipt;
import org.iotahome.protocol.receipt.ReceiptFacts;
import org.iotahome.protocol.receipt.ReceiptKey;
import org.iotahome.protocol.tangle.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code receipt verify} before the Tangle: a tampered receipt, or one not signed by the given
 * My Home key, fails (exit 1) without asking any node; a file that is no receipt is bad input (2).
 * The Tangle part runs against a real node in e2e's SeedScenariosIT.
 */
class ReceiptCommandTest {

    private static final ReceiptKey HOME = new ReceiptKey(new byte[32]);
    private static final String NO_NODE = "http://127.0.0.1:9";

    private static String receipt() {
        Policy policy = new Policy(new ServiceProvider(URI.create("https://wattt.example/back"), new Address("P".repeat(81)),
                EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom()).publicKey()), "read",
                new Device(new Address("D".repeat(81)), "P1"), "energy advice", List.of());
        return ConsentReceipt.signed(new ReceiptFacts(new Authorized(1_796_000_000_000L, policy), new ChannelKey("R".repeat(81), "KEY"),
                "B".repeat(81), "alice", "NL", "web form"), HOME).toJson();
    }

    @Test
    void aTamperedReceiptFailsItsSignature(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("receipt.json"), receipt().replace("energy advice", "energy advise"));
        CliRun run = CliRun.of("receipt", "verify", file.toString(), "--node", NO_NODE);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("\"check\":\"signature\"", "\"ok\":false", "INVALID").doesNotContain("\"check\":\"tangle\"");
    }

    @Test
    void aReceiptSignedByAnotherKeyThanMyHomesFails(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("receipt.json"), receipt());
        String other = new ReceiptKey(new byte[] {7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7})
                .publicKey();
        CliRun run = CliRun.of("receipt", "verify", file.toString(), "--node", NO_NODE, "--home-key", other);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("\"signature\":\"valid\"", "DIFFERENT");
    }

    @Test
    void aSoundReceiptGoesOnToTheNodeAndSaysWhenItCannotReachIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("receipt.json"), receipt());
        CliRun run = CliRun.of("receipt", "verify", file.toString(), "--node", NO_NODE, "--home-key", HOME.publicKey());
        assertThat(run.out()).contains("\"signature\":\"valid\"", "\"homeKey\":\"matches\"");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read the Tangle");
    }

    @Test
    void aFileThatIsNoReceiptIsBadInput(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("receipt.json"), "{\"hello\":1}");
        CliRun run = CliRun.of("receipt", "verify", file.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("not a consent receipt");
    }
}
