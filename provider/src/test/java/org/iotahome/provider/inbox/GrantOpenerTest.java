package org.iotahome.provider.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.envelope.EnvelopePublicKey;
import org.iotahome.protocol.envelope.EnvelopeSealer;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.message.ClaimDevice;
import org.iotahome.protocol.message.MamData;
import org.iotahome.protocol.message.MessageCodec;
import org.iotahome.protocol.message.SealedChannelKey;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.ReceivedMessage;
import org.junit.jupiter.api.Test;

class GrantOpenerTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final EnvelopeKeyPair KEYS = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, RANDOM);
    private static final EnvelopeSealer SEALER = new EnvelopeSealer(RANDOM);
    private final GrantOpener opener = new GrantOpener(new EnvelopeOpener(KEYS), Clock.fixed(Instant.ofEpochMilli(42), ZoneOffset.UTC));

    private static ReceivedMessage received(String json) {
        return new ReceivedMessage("P".repeat(81), json, "H".repeat(81), 1);
    }

    private static String mamData(EnvelopePublicKey to, String root, String sideKey) {
        return MessageCodec.write(new MamData(new SealedChannelKey(SEALER.seal(to, root), SEALER.seal(to, sideKey)),
                new SealedChannelKey(SEALER.seal(to, "C".repeat(81)), SEALER.seal(to, "CONSENT9KEY"))));
    }

    @Test
    void mamDataSealedToThisProviderBecomesAPendingGrant() {
        Opened opened = opener.open(received(mamData(KEYS.publicKey(), "D".repeat(81), "DEVICE9KEY")));
        assertThat(opened).isEqualTo(new Opened.Granted(new Grant("D".repeat(81), new SideKey("DEVICE9KEY"), "C".repeat(81),
                new SideKey("CONSENT9KEY"), 42, Grant.Status.PENDING)));
    }

    @Test
    void mamDataSealedToAnotherKeyIsSkipped() {
        EnvelopeKeyPair other = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, RANDOM);
        assertThat(opener.open(received(mamData(other.publicKey(), "D".repeat(81), "DEVICE9KEY"))))
                .isInstanceOfSatisfying(Opened.Skipped.class, s -> assertThat(s.reason()).contains("does not open"));
    }

    @Test
    void mamDataWhoseEnvelopesHoldNoRootIsSkipped() {
        assertThat(opener.open(received(mamData(KEYS.publicKey(), "not a root", "DEVICE9KEY"))))
                .isInstanceOfSatisfying(Opened.Skipped.class, s -> assertThat(s.reason()).contains("no channel key"));
    }

    @Test
    void otherMessagesAndJunkAreSkippedWithTheirReason() {
        assertThat(opener.open(received(MessageCodec.write(new ClaimDevice(new Address("H".repeat(81)))))))
                .isInstanceOfSatisfying(Opened.Skipped.class, s -> assertThat(s.reason()).contains("expected MAM_DATA"));
        assertThat(opener.open(received("{\"v\":1,\"type\":\"NOPE\"}")))
                .isInstanceOfSatisfying(Opened.Skipped.class, s -> assertThat(s.reason()).startsWith("not a message"));
    }
}
