package org.iotahome.protocol.mam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelPublisherTest {

    private static final String SEED = "PUBLISHER".repeat(9);

    /** An in-memory store that counts saves. */
    static final class MemoryStore implements ChannelStateStore {
        ChannelCheckpoint saved;
        int saves;

        @Override
        public Optional<ChannelCheckpoint> load() {
            return Optional.ofNullable(saved);
        }

        @Override
        public void save(ChannelCheckpoint checkpoint) {
            saved = checkpoint;
            saves++;
        }
    }

    private static MamChannel fresh() {
        return MamChannel.open(SEED, MamMode.PUBLIC, SideKey.NONE, 1);
    }

    @Test
    void theAdvancedStateIsStoredBeforeTheMessageLeaves() throws IOException {
        MemoryStore store = new MemoryStore();
        List<ChannelCheckpoint> seenAtSend = new ArrayList<>();
        ChannelPublisher publisher = ChannelPublisher.open(store, (address, payload) -> seenAtSend.add(store.saved), ChannelPublisherTest::fresh);
        String firstRoot = publisher.channel().root();

        MamMessage m = publisher.publish("ONE");

        assertThat(seenAtSend).hasSize(1);
        assertThat(seenAtSend.get(0).unsent()).isEqualTo(m);
        assertThat(seenAtSend.get(0).state().root()).isEqualTo(m.nextRoot()).isNotEqualTo(firstRoot);
        assertThat(store.saved.unsent()).as("dropped once sent").isNull();
    }

    @Test
    void aFailedSendIsRetriedWithTheSamePayloadBeforeAnyNewMessage() throws IOException {
        MemoryStore store = new MemoryStore();
        List<String> sent = new ArrayList<>();
        boolean[] fail = {true};
        MessageSink sink = (address, payload) -> {
            if (fail[0]) throw new IOException("node unreachable");
            sent.add(address + ":" + payload);
        };
        ChannelPublisher publisher = ChannelPublisher.open(store, sink, ChannelPublisherTest::fresh);
        assertThatThrownBy(() -> publisher.publish("ONE")).hasMessage("node unreachable");
        MamMessage unsent = store.saved.unsent();
        assertThat(unsent).isNotNull();

        fail[0] = false;
        ChannelPublisher restarted = ChannelPublisher.open(store, sink, () -> {
            throw new AssertionError("a stored channel is resumed, never re-created");
        });
        MamMessage two = restarted.publish("TWO");

        assertThat(sent).containsExactly(unsent.address() + ":" + unsent.payload(), two.address() + ":" + two.payload());
        assertThat(two.root()).isEqualTo(unsent.nextRoot());
    }

    @Test
    void aKeyChangeIsStoredAndKeepsTheRoots() throws IOException {
        MemoryStore store = new MemoryStore();
        ChannelPublisher publisher = ChannelPublisher.open(store, (a, p) -> { }, ChannelPublisherTest::fresh);
        String root = publisher.channel().root();
        publisher.changeKey(MamMode.RESTRICTED, new SideKey("NEWKEY"));
        assertThat(store.saved.state().mode()).isEqualTo(MamMode.RESTRICTED);
        assertThat(store.saved.state().root()).isEqualTo(root);
    }
}
