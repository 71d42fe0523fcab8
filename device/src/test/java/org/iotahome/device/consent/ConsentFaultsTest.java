package org.iotahome.device.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.iotahome.device.health.DeviceStream;
import org.iotahome.device.health.StreamHealth;
import org.iotahome.protocol.event.AuthorizationRevoked;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.Device;
import org.iotahome.protocol.event.DeviceAdded;
import org.iotahome.protocol.event.EventCodec;
import org.iotahome.protocol.event.KeyRotation;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.junit.jupiter.api.Test;

/** The consent follower through faults: a failing reply, an unreadable node, a rotated key that does not open (ConsentFlowFixture). */
class ConsentFaultsTest extends ConsentFlowFixture {
    @Test
    void aMessageThatFailsWithAFaultOtherThanIoIsTriedThenSkippedInHealthAndTheNextIsActedOn() throws Exception {
        Provider p = provider('P');
        Provider a = provider('A');
        poisoned = p.entry().iotaAddress();
        home(new Authorized(1L, policy(p, device)));
        home(new Authorized(2L, policy(a, device)));

        a.inbox().awaitItems(1, WAIT);
        outcomes.awaitItems(2, WAIT);

        assertThat(outcomes.getItems()).containsExactly(ConsentProcessor.Outcome.IGNORED, ConsentProcessor.Outcome.AUTHORIZED);
        StreamHealth.Status status = health.status(DeviceStream.CONSENT_FOLLOWER);
        assertThat(status.failures()).isEqualTo(2);                  // the attempts, then skipped
        assertThat(status.failing()).isFalse();                      // reads since then went well
        assertThat(outcomes.getFailure()).isNull();
        p.inbox().cancel();
        a.inbox().cancel();
    }

    @Test
    void aConsentChannelThatCannotBeReadIsReportedWhileItLastsAndFollowedOnceItCanBe() throws Exception {
        await(() -> health.status(DeviceStream.CONSENT_FOLLOWER).lastOk() != null, "the first read");
        unreadable = true;
        await(() -> health.status(DeviceStream.CONSENT_FOLLOWER).failing(), "health to show the follower failing");
        assertThat(health.status(DeviceStream.CONSENT_FOLLOWER).problem()).contains("node down (test)");
        home(DeviceAdded.onConsent(1L, new Device(device, "P1")));
        Thread.sleep(200);
        assertThat(outcomes.getItems()).isEmpty();

        unreadable = false;
        outcomes.awaitItems(1, WAIT);
        assertThat(outcomes.getItems()).containsExactly(ConsentProcessor.Outcome.CONFIRMED);
        assertThat(health.status(DeviceStream.CONSENT_FOLLOWER).failing()).isFalse();
    }

    @Test
    void aRotatedKeyThatDoesNotOpenIsRetriedAndNeverTakenForARevocation() throws Exception {
        Provider a = provider('A');
        home(new Authorized(1L, policy(a, device)));
        outcomes.awaitItems(1, WAIT);
        SideKey next = new SideKey("NEXT9CONSENT9KEY");
        org.iotahome.protocol.pairing.ConsentWrapKey wrong = org.iotahome.protocol.pairing.ConsentWrapKey.derive(
                org.iotahome.protocol.pairing.DeviceSecret.generate(new SecureRandom()), device);
        homeConsent.publishThenChangeKey(AsciiTrytes.toTrytes(EventCodec.write(new KeyRotation(2L, java.util.Map.of(),
                java.util.Map.of(device, wrong.wrap(next, new SecureRandom()))))), MamMode.RESTRICTED, next);
        home(new AuthorizationRevoked(3L, policy(a, device)));

        Thread.sleep(500); // many retries at FAST backoff
        assertThat(outcomes.getFailure()).isNull();
        assertThat(outcomes.getItems()).containsExactly(ConsentProcessor.Outcome.AUTHORIZED);
        assertThat(providers.all()).containsExactly(a.entry());
        assertThat(pairing.load()).isPresent();
        a.inbox().cancel();
    }
}
