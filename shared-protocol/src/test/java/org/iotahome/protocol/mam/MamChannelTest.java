package org.iotahome.protocol.mam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iotahome.protocol.hash.Curl;
import org.iotahome.protocol.trinary.Trytes;
import org.junit.jupiter.api.Test;

class MamChannelTest {

    private static final String SEED = "CHANNEL".repeat(11) + "ABCD";

    @Test
    void eachMessageMovesToTheNextRootAndTheChainReads() throws MamException {
        MamChannel channel = MamChannel.open(SEED, MamMode.PRIVATE, SideKey.NONE, 1);
        String root = channel.root();
        for (int i = 0; i < 3; i++) {
            MamChannel.Created c = channel.create("M" + "ABC".charAt(i));
            assertThat(c.message().root()).isEqualTo(root);
            assertThat(MamDecoder.decode(c.message().payload(), root, SideKey.NONE).message()).isEqualTo("M" + "ABC".charAt(i));
            assertThat(c.next().root()).isEqualTo(c.message().nextRoot());
            assertThat(c.next().state().start()).isEqualTo(i + 1);
            root = c.next().root();
            channel = c.next();
        }
    }

    @Test
    void privateAndRestrictedMessagesSitAtTheCurl81HashOfTheRoot() {
        MamChannel channel = MamChannel.open(SEED, MamMode.RESTRICTED, new SideKey("K"), 1);
        assertThat(channel.address()).isEqualTo(Trytes.fromTrits(Curl.hash81(Trytes.toTrits(channel.root()))));
        assertThat(channel.withMode(MamMode.PUBLIC, SideKey.NONE).address()).isEqualTo(channel.root());
    }

    @Test
    void changingTheSideKeyKeepsTheChainOfRoots() throws MamException {
        MamChannel channel = MamChannel.open(SEED, MamMode.RESTRICTED, new SideKey("OLDKEY"), 2);
        MamChannel.Created first = channel.create("UNDEROLD");
        MamChannel rotated = first.next().withSideKey(new SideKey("NEWKEY"));
        assertThat(rotated.root()).isEqualTo(first.message().nextRoot());
        MamChannel.Created second = rotated.create("UNDERNEW");
        assertThat(MamDecoder.decode(second.message().payload(), first.message().nextRoot(), new SideKey("NEWKEY")).message())
                .isEqualTo("UNDERNEW");
        assertThatThrownBy(() -> MamDecoder.decode(second.message().payload(), first.message().nextRoot(), new SideKey("OLDKEY")))
                .isInstanceOf(MamException.class);
    }

    @Test
    void aTreeOfThreeLeavesSignsEachLeafThenMovesOn() throws MamException {
        MamChannel channel = MamChannel.open(SEED, MamMode.PUBLIC, SideKey.NONE, 1, 10, 3);
        String root = channel.root();
        for (int i = 0; i < 3; i++) {
            MamChannel.Created c = channel.create("LEAF" + "ABC".charAt(i));
            DecodedMessage m = MamDecoder.decode(c.message().payload(), root, SideKey.NONE);
            assertThat(m.index()).isEqualTo(i);
            assertThat(m.message()).isEqualTo("LEAF" + "ABC".charAt(i));
            channel = c.next();
        }
        assertThat(channel.state().start()).isEqualTo(13);
        assertThat(channel.state().index()).isZero();
        assertThat(channel.root()).isNotEqualTo(root);
    }

    @Test
    void ourNonceGivesTheChannelsChecksumSecurity() throws MamException {
        for (int security = 1; security <= 3; security++) {
            MamChannel.Created c = MamChannel.open(SEED, MamMode.PUBLIC, SideKey.NONE, security).create("NONCE");
            assertThat(MamDecoder.decode(c.message().payload(), c.message().root(), SideKey.NONE).security()).isEqualTo(security);
        }
    }

    @Test
    void anyNonceOfTheChannelsSecurityIsValidNotOnlyTheReferencesChoice() throws MamException {
        NonceFinder lastValid = ReferenceReadsOurPayloadsTest::secondFromZero;
        MamChannel channel = MamChannel.open(SEED, MamMode.PUBLIC, SideKey.NONE, 2);
        MamMessage ours = channel.create("SAME", lastValid).message();
        assertThat(ours.payload()).isNotEqualTo(channel.create("SAME").message().payload());
        assertThat(MamDecoder.decode(ours.payload(), ours.root(), SideKey.NONE).message()).isEqualTo("SAME");
    }

    @Test
    void aRunningChannelMovesToSecurityOneAndTheChainReadsOnAcrossTheChange() throws MamException {
        MamChannel atTwo = MamChannel.open(SEED, MamMode.RESTRICTED, new SideKey("K"), 2);
        MamChannel.Created before = atTwo.create("ATTWO");
        MamChannel moving = before.next().withNextSecurity(1);
        // The root readers were handed keeps its security; only the root it announces is new.
        assertThat(moving.root()).isEqualTo(before.next().root());
        assertThat(moving.state().security()).isEqualTo(2);
        MamChannel.Created last = moving.create("LASTATTWO");
        MamChannel.Created first = last.next().create("FIRSTATONE");
        MamChannel.Created second = first.next().create("SECONDATONE");

        DecodedMessage lastRead = MamDecoder.decode(last.message().payload(), moving.root(), new SideKey("K"));
        assertThat(lastRead.security()).isEqualTo(2);
        assertThat(lastRead.nextRoot()).isEqualTo(MamChannel.open(SEED, MamMode.RESTRICTED, new SideKey("K"), 1, 2, 1).root())
                .isNotEqualTo(atTwo.create("X").next().create("X").next().root());
        DecodedMessage firstRead = MamDecoder.decode(first.message().payload(), lastRead.nextRoot(), new SideKey("K"));
        assertThat(firstRead.message()).isEqualTo("FIRSTATONE");
        assertThat(firstRead.security()).isEqualTo(1);
        assertThat(MamDecoder.decode(second.message().payload(), firstRead.nextRoot(), new SideKey("K")).security()).isEqualTo(1);
        assertThat(second.next().state().security()).isEqualTo(1);
        assertThat(moving.withNextSecurity(1)).isSameAs(moving);
    }

    @Test
    void aTreeWhoseMessagesAnnouncedItsNextRootKeepsItsNextSecurity() {
        MamChannel tree = MamChannel.open(SEED, MamMode.PUBLIC, SideKey.NONE, 2, 0, 2);
        MamChannel inside = tree.create("FIRST").next();
        assertThatThrownBy(() -> inside.withNextSecurity(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already announce its next root");
        assertThat(tree.withNextSecurity(1).state().nextSecurity()).isEqualTo(1);
    }

    @Test
    void aStateSavedBeforeNextSecurityExistedReadsAsOneSecurity() throws Exception {
        ChannelState s = MamChannel.open(SEED, MamMode.RESTRICTED, new SideKey("K"), 2).state();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode old = json.valueToTree(s);
        old.remove("nextSecurity");
        ChannelState read = json.treeToValue(old, ChannelState.class);
        assertThat(read).isEqualTo(s);
        assertThat(read.nextSecurity()).isEqualTo(2);
        assertThat(json.treeToValue(json.valueToTree(MamChannel.resume(s).withNextSecurity(1).state()), ChannelState.class)
                .nextSecurity()).isEqualTo(1);
    }

    @Test
    void aStateRefusesAnIndexOutsideItsTree() {
        ChannelState s = MamChannel.open(SEED, MamMode.PUBLIC, SideKey.NONE, 1).state();
        assertThatThrownBy(() -> new ChannelState(s.seed(), s.mode(), s.sideKey(), 1, 0, 1, 1, s.root(), s.nextRoot()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index must be in 0..0");
        assertThatThrownBy(() -> new SideKey("X".repeat(82))).hasMessageContaining("1 to 81 trytes");
    }

    @Test
    void secretsStayOutOfToString() {
        MamChannel channel = MamChannel.open(SEED, MamMode.RESTRICTED, new SideKey("SECRETKEYXYZ"), 1);
        assertThat(channel.toString()).doesNotContain(SEED).doesNotContain("SECRETKEYXYZ");
    }
}
