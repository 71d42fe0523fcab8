package org.iotahome.protocol.mam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Refusals: whatever is wrong with a payload, the answer is a precise MamException, never a message. */
class MamDecoderTest {

    private static final String SEED = "SEED".repeat(20) + "X";
    private static final SideKey KEY = new SideKey("RIGHTKEY");
    private static MamMessage message;
    private static MamMessage other;

    @BeforeAll
    static void createMessages() {
        MamChannel channel = MamChannel.open(SEED, MamMode.RESTRICTED, KEY, 2);
        MamChannel.Created first = channel.create("HELLO9WORLD");
        message = first.message();
        other = first.next().create("SECOND").message();
    }

    @Test
    void theRightKeyAndRootReadTheMessage() throws MamException {
        DecodedMessage m = MamDecoder.decode(message.payload(), message.root(), KEY);
        assertThat(m.message()).isEqualTo("HELLO9WORLD");
        assertThat(m.nextRoot()).isEqualTo(message.nextRoot());
        assertThat(m.security()).isEqualTo(2);
    }

    @Test
    void aWrongSideKeyIsRefused() {
        Random random = new Random(5);
        for (int i = 0; i < 25; i++) {
            SideKey wrong = new SideKey(ReferenceReadsOurPayloadsTest.trytes(random, 1 + random.nextInt(81)));
            assertThat(catchThrowable(() -> MamDecoder.decode(message.payload(), message.root(), wrong)))
                    .isInstanceOfAny(UnreadableMessageException.class, BadSignatureException.class, MalformedPayloadException.class,
                            TruncatedPayloadException.class);
        }
        assertThatThrownBy(() -> MamDecoder.decode(message.payload(), message.root(), SideKey.NONE))
                .isInstanceOf(MamException.class);
    }

    @Test
    void aPayloadForAnotherRootIsRefused() {
        assertThatThrownBy(() -> MamDecoder.decode(other.payload(), message.root(), KEY)).isInstanceOf(MamException.class);
    }

    @Test
    void aPayloadSignedForAnotherRootFailsTheSignatureWithBothRootsNamed() throws MamException {
        // Same masking, different tree: re-mask a valid message under a root it was not signed for.
        MamChannel a = MamChannel.open(SEED, MamMode.PUBLIC, SideKey.NONE, 1);
        MamChannel b = MamChannel.open(SEED, MamMode.PUBLIC, SideKey.NONE, 1, 5, 1);
        byte[] privateKey = Iss.privateKey(Iss.subseed(org.iotahome.protocol.trinary.Trytes.toTrits(SEED), 0), 1);
        String payload = MamEncoder.encode(new MamEncoder.Parts(SideKey.NONE,
                org.iotahome.protocol.trinary.Trytes.toTrits(b.root()), 0,
                org.iotahome.protocol.trinary.Trytes.toTrits(a.state().nextRoot()), new byte[0], privateKey, new byte[0], 1),
                ReferenceOrderNonceFinder.INSTANCE);
        assertThatThrownBy(() -> MamDecoder.decode(payload, b.root(), SideKey.NONE))
                .isInstanceOf(BadSignatureException.class)
                .hasMessageContaining(b.root()).hasMessageContaining(a.root());
    }

    @Test
    void aTruncatedPayloadSaysWhatIsMissing() {
        String cut = message.payload().substring(0, 1000);
        assertThatThrownBy(() -> MamDecoder.decode(cut, message.root(), KEY))
                .isInstanceOf(TruncatedPayloadException.class)
                .hasMessageContaining("signature").hasMessageContaining("the payload has 3000");
        assertThatThrownBy(() -> MamDecoder.decode("AB", message.root(), KEY)).isInstanceOf(TruncatedPayloadException.class);
    }

    @Test
    void noSingleTryteChangePassesAsAMessage() {
        Random random = new Random(9);
        String good = message.payload();
        for (int i = 0; i < 40; i++) {
            int at = random.nextInt(good.length() - 30);
            char[] bad = good.toCharArray();
            bad[at] = bad[at] == 'Z' ? 'A' : (char) (bad[at] == '9' ? 'A' : bad[at] + 1);
            assertThat(catchThrowable(() -> MamDecoder.decode(new String(bad), message.root(), KEY)))
                    .as("tryte %d changed", at).isInstanceOf(MamException.class);
        }
    }

    @Test
    void trailingNinesFromTheTransportAreIgnored() throws MamException {
        assertThat(MamDecoder.decode(message.payload() + "9".repeat(300), message.root(), KEY).message()).isEqualTo("HELLO9WORLD");
    }

    @Test
    void aPayloadThatIsNotTrytesIsMalformed() {
        assertThatThrownBy(() -> MamDecoder.decode("abc", message.root(), KEY)).isInstanceOf(MalformedPayloadException.class);
    }
}
