package org.iotahome.protocol.mam;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelFollowerTest {

    private static final Duration FAST = Duration.ofMillis(5);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final SideKey KEY = new SideKey("FIRST9KEY");

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final InMemoryTangle tangle = new InMemoryTangle(clock::incrementAndGet);
    private final TangleMessageTransport transport = new TangleMessageTransport(tangle, "IOTAHOME", clock::get, WAIT);
    private final List<ReadResult.Skipped> skipped = new ArrayList<>();
    private ExecutorService worker;
    private ChannelPublisher publisher;
    private String root;

    @TempDir
    Path dir;

    @BeforeEach
    void openChannel() throws IOException {
        worker = Executors.newFixedThreadPool(2);
        publisher = ChannelPublisher.open(new FileChannelStateStore(dir.resolve("channel.json")), transport,
                () -> MamChannel.open("S".repeat(81), MamMode.RESTRICTED, KEY, 1));
        root = publisher.channel().root();
    }

    @AfterEach
    void stopWorker() {
        worker.shutdownNow();
    }

    private void publish(String text) throws IOException {
        publisher.publish(AsciiTrytes.toTrytes(text));
    }

    private ChannelFollower follower(MessageSource source, FollowerPositionStore store) {
        return new ChannelFollower(source, MamMode.RESTRICTED, FAST, FAST, FAST, worker, store, skipped::add);
    }

    @Test
    void deliversEachMessageOnceInOrderAndPicksUpWhatComesAfterTheHead() throws IOException {
        publish("one");
        publish("two");
        AssertSubscriber<ChannelMessage> sub = follower(transport, FollowerPositionStore.none())
                .follow(new FollowerPosition(root, KEY)).subscribe().withSubscriber(AssertSubscriber.create(10));
        sub.awaitItems(2, WAIT);

        publish("three");
        sub.awaitItems(3, WAIT);
        sub.cancel();

        assertThat(sub.getItems()).extracting(ChannelMessage::text).containsExactly("one", "two", "three");
        assertThat(sub.getItems().get(0).nextRoot()).isEqualTo(sub.getItems().get(1).root());
        assertThat(sub.getItems().get(1).nextRoot()).isEqualTo(sub.getItems().get(2).root());
        assertThat(sub.getItems().get(2).nextRoot()).isEqualTo(publisher.channel().root());
    }

    @Test
    void resumesAfterTheLastDeliveredMessageFromTheSavedPosition() throws IOException {
        FollowerPositionStore store = new FileFollowerPositionStore(dir.resolve("position.json"));
        publish("one");
        publish("two");
        List<ChannelMessage> first = follower(transport, store).follow(new FollowerPosition(root, KEY))
                .select().first(2).collect().asList().await().atMost(WAIT);
        assertThat(first).extracting(ChannelMessage::text).containsExactly("one", "two");

        publish("three");
        ChannelMessage next = follower(transport, new FileFollowerPositionStore(dir.resolve("position.json")))
                .follow(new FollowerPosition(root, KEY)).toUni().await().atMost(WAIT);

        assertThat(next.text()).isEqualTo("three");
    }

    @Test
    void readsOnUnderTheKeyTheScheduleNamesAfterARotation() throws IOException {
        SideKey second = new SideKey("SECOND9KEY");
        publish("before");
        publish("rotate:SECOND9KEY");
        publisher.changeKey(MamMode.RESTRICTED, second);
        publish("after");
        KeySchedule rotations = (message, current) -> message.text().startsWith("rotate:")
                ? new SideKey(message.text().substring("rotate:".length())) : current;

        List<ChannelMessage> got = follower(transport, FollowerPositionStore.none())
                .follow(new FollowerPosition(root, KEY), rotations).select().first(3).collect().asList().await().atMost(WAIT);

        assertThat(got).extracting(ChannelMessage::text).containsExactly("before", "rotate:SECOND9KEY", "after");
        assertThat(got).extracting(ChannelMessage::sideKey).containsExactly(KEY, KEY, second);
    }

    @Test
    void withoutTheNewKeyTheSavedPositionStaysAtTheFirstRootItCannotRead() throws IOException {
        FileFollowerPositionStore store = new FileFollowerPositionStore(dir.resolve("position.json"));
        publish("rotate:SECOND9KEY");
        String rotatedRoot = publisher.channel().root();
        publisher.changeKey(MamMode.RESTRICTED, new SideKey("SECOND9KEY"));
        publish("after");

        ChannelMessage rotation = follower(transport, store).follow(new FollowerPosition(root, KEY)).toUni().await().atMost(WAIT);

        assertThat(rotation.text()).isEqualTo("rotate:SECOND9KEY");
        assertThat(store.load()).contains(new FollowerPosition(rotatedRoot, KEY));
        assertThat(new ChannelReader(transport).read(rotatedRoot, MamMode.RESTRICTED, KEY).messages()).isEmpty();
    }

    @Test
    void aSourceThatFailsIsRetriedAndNothingIsSkipped() throws IOException {
        publish("one");
        publish("two");
        AtomicInteger failures = new AtomicInteger(3);
        MessageSource flaky = address -> {
            if (failures.getAndDecrement() > 0) throw new IOException("node down");
            return transport.payloadsAt(address);
        };

        List<ChannelMessage> got = follower(flaky, FollowerPositionStore.none()).follow(new FollowerPosition(root, KEY))
                .select().first(2).collect().asList().await().atMost(WAIT);

        assertThat(got).extracting(ChannelMessage::text).containsExactly("one", "two");
        assertThat(failures.get()).isNegative();
    }

    @Test
    void reportsAForgeryAtARootItPassedAndDeliversTheGenuineMessage() throws IOException {
        MamChannel stranger = MamChannel.open("X".repeat(81), MamMode.RESTRICTED, KEY, 1);
        transport.send(MamMode.RESTRICTED.address(root), stranger.create(AsciiTrytes.toTrytes("forged")).message().payload());
        publish("genuine");

        ChannelMessage got = follower(transport, FollowerPositionStore.none()).follow(new FollowerPosition(root, KEY))
                .toUni().await().atMost(WAIT);

        assertThat(got.text()).isEqualTo("genuine");
        assertThat(skipped).extracting(ReadResult.Skipped::reason).containsExactly(ReadResult.Reason.INVALID);
    }

    @Test
    void thePositionFileIsReadableByItsOwnerOnlyAndRoundTrips() throws IOException {
        Path file = dir.resolve("position.json");
        FileFollowerPositionStore store = new FileFollowerPositionStore(file);
        assertThat(store.load()).isEmpty();

        store.save(new FollowerPosition(root, KEY));

        assertThat(new FileFollowerPositionStore(file).load()).contains(new FollowerPosition(root, KEY));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aRotationPublishedWithTheKeyChangeIsReadUnderTheOldKeyAndWhatFollowsUnderTheNew() throws IOException {
        SideKey second = new SideKey("SECOND9KEY");
        publisher.publishThenChangeKey(AsciiTrytes.toTrytes("rotate:SECOND9KEY"), MamMode.RESTRICTED, second);
        publish("after");
        ChannelPublisher reopened = ChannelPublisher.open(new FileChannelStateStore(dir.resolve("channel.json")), transport,
                () -> { throw new AssertionError("the saved channel must be resumed"); });
        KeySchedule rotations = (message, current) -> message.text().startsWith("rotate:")
                ? new SideKey(message.text().substring("rotate:".length())) : current;

        List<ChannelMessage> got = follower(transport, FollowerPositionStore.none())
                .follow(new FollowerPosition(root, KEY), rotations).select().first(2).collect().asList().await().atMost(WAIT);

        assertThat(got).extracting(ChannelMessage::text).containsExactly("rotate:SECOND9KEY", "after");
        assertThat(got).extracting(ChannelMessage::sideKey).containsExactly(KEY, second);
        assertThat(reopened.channel().state().key()).isEqualTo(second);
    }

    @Test
    void withAHandlerTheMessageItFailedOnIsReadAgainAfterARestart() throws IOException {
        FollowerPositionStore store = new FileFollowerPositionStore(dir.resolve("position.json"));
        publish("one");
        publish("two");
        AssertSubscriber<String> crashed = follower(transport, store).follow(new FollowerPosition(root, KEY), KeySchedule.FIXED,
                        m -> m.text().equals("two") ? io.smallrye.mutiny.Uni.createFrom().<String>failure(new IOException("disk full"))
                                : io.smallrye.mutiny.Uni.createFrom().item(m.text()))
                .subscribe().withSubscriber(AssertSubscriber.create(10));
        crashed.awaitFailure(WAIT);
        assertThat(crashed.getItems()).containsExactly("one");

        String again = follower(transport, new FileFollowerPositionStore(dir.resolve("position.json")))
                .follow(new FollowerPosition(root, KEY), KeySchedule.FIXED, m -> io.smallrye.mutiny.Uni.createFrom().item(m.text()))
                .toUni().await().atMost(WAIT);

        assertThat(again).isEqualTo("two");
    }
}
