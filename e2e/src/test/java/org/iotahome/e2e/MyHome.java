package org.iotahome.e2e;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.iotahome.home.household.Channels;
import org.iotahome.home.household.EventLog;
import org.iotahome.home.household.Household;
import org.iotahome.home.household.HouseholdFold;
import org.iotahome.home.identity.HomeIdentity;
import org.iotahome.home.pairing.PairingClient;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.tangle.FileCursorStore;
import org.iotahome.protocol.tangle.IriClient;
import org.iotahome.protocol.tangle.IriTangle;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.protocol.trinary.RandomTrytes;

/**
 * My Home's domain objects wired as its service wires them (HomeBeans), in the test's JVM against
 * the real node, so a test can stop it between any two steps and start it again from its files.
 */
final class MyHome {

    final HomeIdentity identity;
    final Tangle tangle;
    final TangleMessageTransport transport;
    final Household household;
    final PairingClient pairing;

    MyHome(HomeIdentity identity, Path data, String nodeUrl, int mwm) {
        this.identity = identity;
        this.tangle = IriTangle.remotePow(IriClient.of(nodeUrl), mwm, 3);
        this.transport = new TangleMessageTransport(tangle, "IOTAHOME9HOME", System::currentTimeMillis, Duration.ofMinutes(1));
        Channels channels = new Channels(data, identity, transport, new EventLog(transport));
        this.household = new Household(channels, new HouseholdFold(new EventLog(transport)), new EventLog(transport),
                System::currentTimeMillis, new SecureRandom());
        this.pairing = new PairingClient(tangle, identity, channels, household, new FileCursorStore(data.resolve("mailbox-cursor.json")),
                Duration.ofMillis(200), Duration.ofSeconds(90), Duration.ofSeconds(10), new SecureRandom(), Clock.systemUTC());
    }

    static HomeIdentity newIdentity() {
        SecureRandom random = new SecureRandom();
        return HomeIdentity.of(RandomTrytes.of(random, 81), new SideKey(RandomTrytes.of(random, 81)));
    }
}
