package org.iotahome.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.iotahome.protocol.envelope.Envelope;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopePublicKey;
import org.iotahome.protocol.envelope.EnvelopeSealer;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.event.AccessHistory.Ended;
import org.iotahome.protocol.event.AccessHistory.Period;
import org.iotahome.protocol.tangle.Address;
import org.junit.jupiter.api.Test;

/** A scripted consent channel: grants, a revocation with its key rotation, a re-grant, another device's events, a deletion. */
class AccessHistoryTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final EnvelopePublicKey KEY = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, RANDOM).publicKey();
    private static final Address DEVICE = new Address("DEVICE9".repeat(11) + "DEVI");
    private static final Address OTHER_DEVICE = new Address("OTHER9".repeat(13) + "OTH");
    private static final Address A = new Address("A".repeat(81));
    private static final Address B = new Address("B".repeat(81));

    private static Policy policy(Address provider, String host, Address device) {
        return new Policy(new ServiceProvider(URI.create("https://" + host + "/back"), provider, KEY), "read", new Device(device, "P1"),
                "insight", List.of());
    }

    private static KeyRotation rotationFor(long t, Address... remaining) {
        Envelope envelope = new EnvelopeSealer(RANDOM).seal(KEY, "NEWKEY");
        java.util.Map<Address, Envelope> keys = new java.util.LinkedHashMap<>();
        for (Address r : remaining) keys.put(r, envelope);
        return new KeyRotation(t, keys);
    }

    @Test
    void periodsOpenAtAuthorizedAndCloseAtRevocationRotationOrDeletion() {
        List<ChannelEvent> channel = List.of(
                new DeviceAdded(1_000, new Device(DEVICE, "P1"), Optional.empty(), Optional.empty()),
                new Authorized(2_000, policy(A, "a.example", DEVICE)),
                new Authorized(3_000, policy(B, "b.example", DEVICE)),
                new Authorized(3_500, policy(A, "a.example", OTHER_DEVICE)),
                new AuthorizationRevoked(4_000, policy(A, "a.example", DEVICE)),
                rotationFor(4_001, B),
                new Authorized(5_000, policy(A, "a.example", DEVICE)),
                new DeviceDeleted(6_500, new Device(OTHER_DEVICE, "P1")),
                new DeviceDeleted(7_000, new Device(DEVICE, "P1")),
                rotationFor(7_001));
        List<Period> history = AccessHistory.of(DEVICE, channel);
        assertThat(history).containsExactly(
                new Period(A, "a.example", "insight", 2_000, Optional.of(4_000L), Optional.of(Ended.REVOKED)),
                new Period(B, "b.example", "insight", 3_000, Optional.of(7_000L), Optional.of(Ended.DEVICE_DELETED)),
                new Period(A, "a.example", "insight", 5_000, Optional.of(7_000L), Optional.of(Ended.DEVICE_DELETED)));
        assertThat(history.get(0).covers(3_999)).isTrue();
        assertThat(history.get(0).covers(4_000)).isFalse();
        assertThat(history.get(0).covers(1_999)).isFalse();
    }

    @Test
    void aRotationThatLeavesAProviderOutEndsItsAccessAndAnOpenPeriodLasts() {
        List<Period> history = AccessHistory.of(DEVICE, List.of(
                new Authorized(2_000, policy(A, "a.example", DEVICE)),
                new Authorized(3_000, policy(B, "b.example", DEVICE)),
                rotationFor(4_000, A)));
        assertThat(history).containsExactly(
                new Period(A, "a.example", "insight", 2_000, Optional.empty(), Optional.empty()),
                new Period(B, "b.example", "insight", 3_000, Optional.of(4_000L), Optional.of(Ended.KEY_ROTATED_WITHOUT_IT)));
        assertThat(history.get(0).covers(Long.MAX_VALUE)).isTrue();
    }

    @Test
    void theDevicesOwnRotationSaysWhenAccessReallyStopped() {
        List<Period> periods = AccessHistory.of(DEVICE, List.of(
                new Authorized(2_000, policy(A, "a.example", DEVICE)),
                new Authorized(3_000, policy(B, "b.example", DEVICE)),
                new AuthorizationRevoked(4_000, policy(A, "a.example", DEVICE))));
        List<Period> joined = AccessHistory.withDeviceRotations(periods, List.of(
                rotationFor(3_500, A, B), // an earlier rotation that kept A
                rotationFor(6_200, B)));  // the device's answer to the revocation
        assertThat(joined.get(0).cutOff()).contains(6_200L);
        assertThat(joined.get(1).cutOff()).as("B still reads").isEmpty();
    }

    @Test
    void consentThatExpiresEndsThereUnlessSomethingEndedItFirst() {
        Policy expiring = new Policy(policy(A, "a.example", DEVICE).serviceProvider(), "read", new Device(DEVICE, "P1"), "insight",
                List.of(ConsentExpiry.condition(java.time.Instant.ofEpochMilli(5_000))));
        Policy later = new Policy(policy(B, "b.example", DEVICE).serviceProvider(), "read", new Device(DEVICE, "P1"), "insight",
                List.of(ConsentExpiry.condition(java.time.Instant.ofEpochMilli(9_000))));
        List<Period> history = AccessHistory.of(DEVICE, List.of(new Authorized(2_000, expiring), new Authorized(3_000, later),
                new AuthorizationRevoked(6_000, expiring), new AuthorizationRevoked(7_000, later)));
        assertThat(history).containsExactly(
                new Period(A, "a.example", "insight", 2_000, Optional.of(5_000L), Optional.of(Ended.EXPIRED)),
                new Period(B, "b.example", "insight", 3_000, Optional.of(7_000L), Optional.of(Ended.REVOKED)));
        assertThat(AccessHistory.of(DEVICE, List.of(new Authorized(3_000, later)))).as("still to come")
                .containsExactly(new Period(B, "b.example", "insight", 3_000, Optional.of(9_000L), Optional.of(Ended.EXPIRED)));
    }
}
