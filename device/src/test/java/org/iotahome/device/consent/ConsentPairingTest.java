package org.iotahome.device.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.iotahome.device.pairing.Pairing;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ChannelKey;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.DeviceAdded;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.event.KeyRotation;
import org.iotahome.protocol.mam.ChannelPublisher;
import org.iotahome.protocol.mam.FileChannelStateStore;
import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.message.MamData;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.iotahome.protocol.tangle.MailboxAddress;
import org.junit.jupiter.api.Test;

/** The pairing on the consent channel: confirmation, a reset, a replaced pending pairing, a rotated consent key (ConsentFlowFixture). */
class ConsentPairingTest extends ConsentFlowFixture {
    @Test
    void deviceAddedOnTheConsentChannelConfirmsThePendingPairing() throws Exception {
        assertThat(pairing.load().orElseThrow().confirmed()).isFalse();
        home(DeviceAdded.onConsent(1L, new Device(MailboxAddress.of("E".repeat(81)), "P1"))); // another device's: no effect
        home(DeviceAdded.onConsent(2L, new Device(device, "P1")));

        outcomes.awaitItems(2, WAIT);

        assertThat(outcomes.getItems()).containsExactly(ConsentProcessor.Outcome.IGNORED, ConsentProcessor.Outcome.CONFIRMED);
        assertThat(pairing.load().orElseThrow().confirmed()).isTrue();
    }

    @Test
    void aResetAskedForOnTheDeviceRotatesForNoOneAndUnpairs() throws Exception {
        Provider a = provider('A');
        home(new Authorized(1L, policy(a, device)));
        outcomes.awaitItems(1, WAIT);

        java.nio.file.Files.writeString(dir.resolve(org.iotahome.device.pairing.ResetRequest.NAME), "");
        await(() -> pairing.load().isEmpty() && !java.nio.file.Files.exists(dir.resolve(org.iotahome.device.pairing.ResetRequest.NAME)),
                "the reset is carried out");

        assertThat(providers.all()).isEmpty();
        assertThat(((KeyRotation) deviceChannelUnder(DEVICE_KEY).get(0)).keys()).isEmpty();
        assertThat(deviceChannel.sideKey()).isNotEqualTo(DEVICE_KEY);
        a.inbox().cancel();
    }

    @Test
    void aPendingPairingReplacedByAnotherChannelIsFollowedThere() throws Exception {
        ChannelPublisher other = ChannelPublisher.open(new FileChannelStateStore(dir.resolve("other-consent.json")), transport,
                () -> MamChannel.open("O".repeat(81), MamMode.RESTRICTED, new SideKey("OTHER9KEY"), 1));
        String otherRoot = other.channel().root();
        pairing.save(Pairing.pending(new Address("H".repeat(81)), new ChannelKey(otherRoot, "OTHER9KEY")));
        Thread.sleep(200); // several polls: the follower notices the new pairing
        home(DeviceAdded.onConsent(1L, new Device(device, "P1"))); // on the old channel: no longer this device's pairing
        other.publish(AsciiTrytes.toTrytes(EventCodec.write(DeviceAdded.onConsent(2L, new Device(device, "P1")))));

        await(() -> pairing.load().map(Pairing::confirmed).orElse(false), "the new pairing is confirmed");
        assertThat(pairing.load().orElseThrow().consent().root()).isEqualTo(otherRoot);
    }

    @Test
    void aConsentKeyRotationWrappedForTheDeviceIsFollowedUnderTheNewKey() throws Exception {
        SideKey next = new SideKey("NEXT9CONSENT9KEY");
        homeConsent.publishThenChangeKey(AsciiTrytes.toTrytes(EventCodec.write(new KeyRotation(1L, java.util.Map.of(),
                java.util.Map.of(device, WRAP.wrap(next, new SecureRandom()))))), MamMode.RESTRICTED, next);
        Provider a = provider('A');
        home(new Authorized(2L, policy(a, device)));

        outcomes.awaitItems(2, WAIT);
        MamData data = a.inbox().awaitItems(1, WAIT).getItems().get(0);

        assertThat(outcomes.getItems()).containsExactly(ConsentProcessor.Outcome.IGNORED, ConsentProcessor.Outcome.AUTHORIZED);
        // A provider authorized after a rotation receives the current key.
        assertThat(a.open(data.consent().sideKey())).isEqualTo(next.trytes());
        a.inbox().cancel();
    }
}
