package org.iotahome.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.envelope.EnvelopeSealer;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.mam.ChannelMessage;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.junit.jupiter.api.Test;
import org.iotahome.protocol.pairing.ConsentWrapKey;
import org.iotahome.protocol.pairing.DeviceSecret;

class RotatedKeysTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final EnvelopeKeyPair MINE = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, RANDOM);
    private static final EnvelopeKeyPair THEIRS = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, RANDOM);
    private static final Address ME = new Address("M".repeat(81));
    private static final Address THEM = new Address("T".repeat(81));
    private static final SideKey OLD = new SideKey("OLD");
    private static final EnvelopeSealer SEALER = new EnvelopeSealer(RANDOM);
    private final RotatedKeys keys = RotatedKeys.provider(ME, new EnvelopeOpener(MINE));

    private static ChannelMessage message(ChannelEvent event) {
        return new ChannelMessage("R".repeat(81), 0, AsciiTrytes.toTrytes(EventCodec.write(event)), "N".repeat(81), OLD);
    }

    @Test
    void aRotationWithAKeyForThisProviderSwitchesToIt() {
        KeyRotation rotation = new KeyRotation(1, Map.of(ME, SEALER.seal(MINE.publicKey(), "NEW9KEY"), THEM,
                SEALER.seal(THEIRS.publicKey(), "NEW9KEY")));
        assertThat(keys.after(message(rotation), OLD)).isEqualTo(new SideKey("NEW9KEY"));
    }

    @Test
    void aRotationWithoutAKeyForThisProviderLeavesTheOldKey() {
        KeyRotation rotation = new KeyRotation(1, Map.of(THEM, SEALER.seal(THEIRS.publicKey(), "NEW9KEY")));
        assertThat(keys.after(message(rotation), OLD)).isEqualTo(OLD);
        assertThat(keys.keyFor(rotation)).isEmpty();
    }

    @Test
    void aKeyUnderThisAddressThatDoesNotOpenIsAFaultNeverARevocation() {
        KeyRotation rotation = new KeyRotation(1, Map.of(ME, SEALER.seal(THEIRS.publicKey(), "NEW9KEY")));
        assertThatThrownBy(() -> keys.keyFor(rotation)).isInstanceOf(RotatedKeys.KeyNotOpenedException.class)
                .hasMessageContaining("does not open");
        assertThatThrownBy(() -> keys.after(message(rotation), OLD)).isInstanceOf(RotatedKeys.KeyNotOpenedException.class);
    }

    @Test
    void theDeviceOpensTheKeyWrappedForItAndNotAProvidersEnvelope() {
        ConsentWrapKey wrap = ConsentWrapKey.derive(new DeviceSecret("DEVICE9SECRET9OF9TWENTY9SEVEN"), ME);
        RotatedKeys device = RotatedKeys.device(ME, wrap);
        KeyRotation rotation = new KeyRotation(1, Map.of(THEM, SEALER.seal(THEIRS.publicKey(), "NEW9KEY")),
                Map.of(ME, wrap.wrap(new SideKey("NEW9KEY"), RANDOM)));
        assertThat(device.after(message(rotation), OLD)).isEqualTo(new SideKey("NEW9KEY"));
        assertThat(keys.keyFor(rotation)).isEmpty(); // a provider at the device's address finds no envelope
        KeyRotation wrongWrap = new KeyRotation(1, Map.of(), Map.of(ME,
                ConsentWrapKey.derive(DeviceSecret.generate(RANDOM), ME).wrap(new SideKey("NEW9KEY"), RANDOM)));
        assertThatThrownBy(() -> device.keyFor(wrongWrap)).isInstanceOf(RotatedKeys.KeyNotOpenedException.class);
    }

    @Test
    void dataAndJunkLeaveTheKey() {
        assertThat(keys.after(message(new Data(1, "raw", List.of())), OLD)).isEqualTo(OLD);
        assertThat(keys.after(new ChannelMessage("R".repeat(81), 0, AsciiTrytes.toTrytes("junk"), "N".repeat(81), OLD), OLD))
                .isEqualTo(OLD);
    }

    @Test
    void onlyTextThatCannotSpellTheRotationTypeIsPassedOverUnparsed() {
        assertThat(RotatedKeys.cannotBeARotation(EventCodec.write(new Data(1, "raw\r\n", List.of())))).isTrue();
        assertThat(RotatedKeys.cannotBeARotation("{\"type\":\"KEY_ROTATION\"}")).isFalse();
        assertThat(RotatedKeys.cannotBeARotation("{\"type\":\"KEY\\u005fROTATION\"}")).isFalse();
        // An escaped type is still a rotation: it is parsed, and its key taken.
        KeyRotation rotation = new KeyRotation(1, Map.of(ME, SEALER.seal(MINE.publicKey(), "NEW9KEY")));
        String escaped = EventCodec.write(rotation).replace("KEY_ROTATION", "KEY\\u005fROTATION");
        assertThat(escaped).doesNotContain("KEY_ROTATION");
        assertThat(keys.after(new ChannelMessage("R".repeat(81), 0, AsciiTrytes.toTrytes(escaped), "N".repeat(81), OLD), OLD))
                .isEqualTo(new SideKey("NEW9KEY"));
    }
}
