package org.iotahome.protocol.mam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelReaderTest {

    private static final String SEED = "READER".repeat(13) + "ABC";
    private static final SideKey KEY = new SideKey("READKEY");

    /** A tangle as a map: address → payloads in attachment order. */
    private final Map<String, List<String>> tangle = new HashMap<>();

    private void attach(String address, String payload) {
        tangle.computeIfAbsent(address, a -> new ArrayList<>()).add(payload);
    }

    private MamChannel publish(MamChannel channel, String... texts) {
        for (String text : texts) {
            MamChannel.Created c = channel.create(text);
            attach(c.message().address(), c.message().payload());
            channel = c.next();
        }
        return channel;
    }

    private ReadResult read(String root, MamMode mode, SideKey key) throws Exception {
        return new ChannelReader(address -> tangle.getOrDefault(address, List.of())).read(root, mode, key);
    }

    @Test
    void readsEveryMessageInOrderAndStopsAtTheHead() throws Exception {
        MamChannel channel = MamChannel.open(SEED, MamMode.RESTRICTED, KEY, 1);
        String root = channel.root();
        MamChannel head = publish(channel, "ONE", "TWO", "THREE");

        ReadResult result = read(root, MamMode.RESTRICTED, KEY);

        assertThat(result.messages()).extracting(ReadResult.ReadMessage::message).containsExactly("ONE", "TWO", "THREE");
        assertThat(result.nextRoot()).isEqualTo(head.root());
        assertThat(result.skipped()).isEmpty();
        assertThat(read(result.nextRoot(), MamMode.RESTRICTED, KEY).messages()).isEmpty();
    }

    @Test
    void skipsAndReportsJunkNextToAValidMessage() throws Exception {
        MamChannel channel = MamChannel.open(SEED, MamMode.PUBLIC, SideKey.NONE, 1);
        String root = channel.root();
        attach(channel.address(), "JUNK9PAYLOAD");
        MamChannel other = MamChannel.open("OTHER".repeat(16) + "A", MamMode.PUBLIC, SideKey.NONE, 1);
        attach(channel.address(), other.create("FORGED").message().payload());
        publish(channel, "REAL", "NEXT");

        ReadResult result = read(root, MamMode.PUBLIC, SideKey.NONE);

        assertThat(result.messages()).extracting(ReadResult.ReadMessage::message).containsExactly("REAL", "NEXT");
        assertThat(result.skipped()).extracting(ReadResult.Skipped::position).containsExactly(0, 1);
        assertThat(result.skipped()).allSatisfy(s -> assertThat(s.reason()).isEqualTo(ReadResult.Reason.INVALID));
        assertThat(result.skipped().get(0).detail()).startsWith("MalformedPayloadException: message length header");
    }

    @Test
    void aResentPayloadIsADuplicateAndASecondMessageForALeafAConflict() throws Exception {
        MamChannel channel = MamChannel.open(SEED, MamMode.PRIVATE, SideKey.NONE, 1);
        MamChannel.Created first = channel.create("FIRST");
        MamChannel.Created again = channel.create("DOUBLESIGNED");
        attach(first.message().address(), first.message().payload());
        attach(first.message().address(), first.message().payload());
        attach(again.message().address(), again.message().payload());

        ReadResult result = read(channel.root(), MamMode.PRIVATE, SideKey.NONE);

        assertThat(result.messages()).extracting(ReadResult.ReadMessage::message).containsExactly("FIRST");
        assertThat(result.skipped()).extracting(ReadResult.Skipped::reason)
                .containsExactly(ReadResult.Reason.DUPLICATE, ReadResult.Reason.CONFLICT);
    }

    @Test
    void anAddressWithOnlyInvalidPayloadsIsTheHead() throws Exception {
        MamChannel channel = MamChannel.open(SEED, MamMode.RESTRICTED, KEY, 1);
        MamChannel.Created c = channel.create("SECRET");
        attach(c.message().address(), c.message().payload());

        ReadResult wrongKey = read(channel.root(), MamMode.RESTRICTED, new SideKey("WRONG"));

        assertThat(wrongKey.messages()).isEmpty();
        assertThat(wrongKey.nextRoot()).isEqualTo(channel.root());
        assertThat(wrongKey.skipped()).hasSize(1);
    }

    @Test
    void followsAKeyRotationWhenGivenTheNewKeyAtTheRotationRoot() throws Exception {
        MamChannel channel = MamChannel.open(SEED, MamMode.RESTRICTED, KEY, 1);
        String root = channel.root();
        MamChannel rotated = publish(channel, "OLDONE").withSideKey(new SideKey("NEWKEY"));
        String rotationRoot = rotated.root();
        publish(rotated, "NEWONE");

        ReadResult old = read(root, MamMode.RESTRICTED, KEY);
        assertThat(old.messages()).extracting(ReadResult.ReadMessage::message).containsExactly("OLDONE");
        assertThat(old.nextRoot()).isEqualTo(rotationRoot);
        assertThat(read(rotationRoot, MamMode.RESTRICTED, new SideKey("NEWKEY")).messages())
                .extracting(ReadResult.ReadMessage::message).containsExactly("NEWONE");
    }

    @Test
    void readsAReferenceChainAndAFourLeafTree() throws Exception {
        for (MamVector v : MamVector.load("trees")) attach(v.address(), v.payload());
        MamVector first = MamVector.load("trees").stream().filter(v -> v.name().startsWith("restricted-sec2-count4")).findFirst().orElseThrow();
        ReadResult result = read(first.root(), MamMode.RESTRICTED, new SideKey("TREEKEY"));
        assertThat(result.messages()).hasSize(5);
        assertThat(result.messages()).extracting(ReadResult.ReadMessage::index).containsExactly(0L, 1L, 2L, 3L, 0L);
    }
}
