package org.iotahome.provider.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.iotahome.protocol.envelope.EnvelopeKeyPair;
import org.iotahome.protocol.envelope.EnvelopeOpener;
import org.iotahome.protocol.envelope.KemAlgorithm;
import org.iotahome.protocol.mam.TangleMessageTransport;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.provider.inbox.Grant;
import org.iotahome.provider.inbox.GrantStore;
import org.iotahome.provider.readings.FollowerPositions;
import org.iotahome.provider.readings.GrantFollower;
import org.iotahome.provider.readings.Outcome;
import org.iotahome.provider.readings.ReadingStore;
import org.iotahome.protocol.event.RotatedKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.iotahome.provider.readings.ReadingsInto;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.iotahome.provider.health.FollowerStatus;
import org.junit.jupiter.api.io.TempDir;

/** One grant's follower over an in-memory Tangle and the store, stopped and started again as a restart would. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class GrantFollowerTest {

    private static final Duration FAST = Duration.ofMillis(10);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final EnvelopeKeyPair KEYS = EnvelopeKeyPair.generate(KemAlgorithm.MLKEM768, new SecureRandom());
    private static final Address ME = new Address("M".repeat(81));

    private final InMemoryTangle tangle = new InMemoryTangle(System::currentTimeMillis);
    private ExecutorService worker;
    private TestDevice device;
    private Grant grant;
    private GrantStore grants;

    @TempDir
    Path dir;

    @BeforeEach
    void grant() throws Exception {
        worker = Executors.newFixedThreadPool(2);
        device = new TestDevice(tangle, dir.resolve("device"));
        grant = new Grant(device.root(), device.firstKey(), "C".repeat(81), device.firstKey(), 1, Grant.Status.ACTIVE);
        grants = new GrantStore(Clock.systemUTC());
        grants.save(grant);
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    /** A fresh follower and store on the same database, as after a restart. */
    private GrantFollower follower(ReadingStore readings) {
        return new GrantFollower(new TangleMessageTransport(tangle, "IOTAHOME9PROVIDER", System::currentTimeMillis, WAIT), worker,
                new GrantFollower.Settings(FAST, FAST, FAST), new FollowerPositions(), RotatedKeys.provider(ME, new EnvelopeOpener(KEYS)),
                ReadingsInto.store(readings), grants, new FollowerStatus(Clock.systemUTC(), new SimpleMeterRegistry()));
    }

    private ReadingStore readings() {
        return new ReadingStore();
    }

    @Test
    void aRestartedFollowerResumesWithoutLosingOrRepeatingReadings() throws Exception {
        device.data(1, 1.0);
        device.data(2, 2.0);
        ReadingStore before = readings();
        AssertSubscriber<Outcome> first = follower(before).follow(grant).subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        await(() -> before.count(device.root()) == 2, "the first two readings are stored");
        first.cancel();

        device.rotate(Map.of(ME, KEYS.publicKey()));
        device.data(3, 3.0);
        ReadingStore after = readings();
        AssertSubscriber<Outcome> second = follower(after).follow(grant).subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        await(() -> after.count(device.root()) == 3, "the reading after the restart is stored");
        Thread.sleep(200); // twenty polls: a repeated message would have been stored by now
        assertThat(after.newest(device.root(), 10)).extracting(r -> r.get("electricityDelivered").asDouble())
                .containsExactly(3.0, 2.0, 1.0);
        second.cancel();
    }

    @Test
    void aRotationLeavingTheProviderOutEndsTheStreamAndRevokesTheGrant() throws Exception {
        device.data(1, 1.0);
        device.rotate(Map.of(new Address("T".repeat(81)), KEYS.publicKey()));
        device.data(2, 2.0);
        ReadingStore store = readings();
        AssertSubscriber<Outcome> outcomes = follower(store).follow(grant).subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        outcomes.awaitCompletion(WAIT);
        assertThat(outcomes.getItems()).extracting(Outcome::kind).containsExactly(Outcome.Kind.STORED);
        assertThat(grants.get(device.root()).orElseThrow().status()).isEqualTo(Grant.Status.REVOKED);
        assertThat(store.count(device.root())).isEqualTo(1);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(20);
        }
    }
}
