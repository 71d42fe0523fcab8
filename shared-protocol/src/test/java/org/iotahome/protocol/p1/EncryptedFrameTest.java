package org.iotahome.protocol.p1;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Encrypted P1 (Luxembourg Smarty spec, DLMS general-glo-ciphering), with frames built here around
 * a real telegram under a test key: no public frame with a documented key was found whose licence
 * lets us store it (see the README).
 */
class EncryptedFrameTest {

    private static final P1Keys KEYS = P1Keys.ofHex("000102030405060708090A0B0C0D0E0F", "00112233445566778899AABBCCDDEEFF");
    private static final byte[] TITLE = "SAG12345".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PLAIN = FieldTelegramTest.field("ndokter-v5");

    private static List<Framed> frame(TelegramFramer framer, byte[]... chunks) {
        List<Framed> out = new ArrayList<>();
        for (byte[] c : chunks) out.addAll(framer.feed(c));
        out.addAll(framer.end());
        return out;
    }

    private static Rejected onlyEncryptedRejection(List<Framed> out) {
        assertThat(out).singleElement().isInstanceOf(Rejected.class);
        Rejected r = (Rejected) out.get(0);
        assertThat(r.reason()).isEqualTo(Rejected.Reason.ENCRYPTED);
        assertThat(r.reason().label()).isEqualTo("encrypted");
        return r;
    }

    @Test
    void decryptsAFrameToTheSameReadingAsItsPlaintext() {
        byte[] frame = EncryptedFrame.encrypt(PLAIN, TITLE, 1, KEYS);
        assertThat(frame[0] & 0xFF).isEqualTo(0xDB);
        assertThat(frame[1]).isEqualTo((byte) 0x08);
        assertThat(frame[10] & 0xFF).isEqualTo(0x82);
        assertThat(frame[13]).isEqualTo((byte) 0x30);
        assertThat(frame).hasSize(13 + 5 + PLAIN.length + 12);
        ReadingDecoder decoder = new ReadingDecoder(TelegramFramer.withKeys(KEYS), new TelegramParser());
        List<Parsed> out = decoder.feed(frame);
        assertThat(out).singleElement().isInstanceOf(Reading.class);
        Reading expected = (Reading) FieldTelegramTest.decode(PLAIN).get(0);
        assertThat(out.get(0)).isEqualTo(expected);
    }

    @Test
    void decryptsFramesCutAnywhereAndBetweenNoise() {
        byte[] a = EncryptedFrame.encrypt(PLAIN, TITLE, 7, KEYS), b = EncryptedFrame.encrypt(PLAIN, TITLE, 8, KEYS);
        byte[] stream = new byte[a.length + b.length];
        System.arraycopy(a, 0, stream, 0, a.length);
        System.arraycopy(b, 0, stream, a.length, b.length);
        TelegramFramer framer = TelegramFramer.withKeys(KEYS);
        List<Framed> out = new ArrayList<>();
        for (byte x : stream) out.addAll(framer.feed(new byte[]{x}));
        out.addAll(framer.end());
        assertThat(out).hasSize(2).allSatisfy(f -> assertThat(f).isInstanceOf(Telegram.class));
        assertThat(((Telegram) out.get(1)).offset()).isEqualTo(a.length);
    }

    @Test
    void rejectsEachFrameOnceAsEncryptedWithoutAKey() {
        byte[] frame = EncryptedFrame.encrypt(PLAIN, TITLE, 1, KEYS);
        List<Framed> out = frame(new TelegramFramer(), frame, EncryptedFrame.encrypt(PLAIN, TITLE, 2, KEYS));
        assertThat(out).hasSize(2).allSatisfy(f -> assertThat(((Rejected) f).reason()).isEqualTo(Rejected.Reason.ENCRYPTED));
        assertThat(((Rejected) out.get(0)).detail()).contains("no key").contains("P1_DECRYPTION_KEY");
    }

    @Test
    void rejectsAFrameOnceAsEncryptedUnderAWrongKeyOrAuthenticationKey() {
        byte[] frame = EncryptedFrame.encrypt(PLAIN, TITLE, 1, KEYS);
        P1Keys wrongKey = P1Keys.ofHex("FF0102030405060708090A0B0C0D0E0F", "00112233445566778899AABBCCDDEEFF");
        P1Keys wrongAuth = P1Keys.ofHex("000102030405060708090A0B0C0D0E0F", null);
        assertThat(onlyEncryptedRejection(frame(TelegramFramer.withKeys(wrongKey), frame)).detail()).contains("does not verify");
        onlyEncryptedRejection(frame(TelegramFramer.withKeys(wrongAuth), frame));
    }

    @Test
    void rejectsADamagedFrameAsEncrypted() {
        byte[] frame = EncryptedFrame.encrypt(PLAIN, TITLE, 1, KEYS);
        frame[50] ^= 1;
        onlyEncryptedRejection(frame(TelegramFramer.withKeys(KEYS), frame));
    }

    @Test
    void rejectsAFrameCounterThatDoesNotGoForwardAsAReplay() {
        TelegramFramer framer = TelegramFramer.withKeys(KEYS);
        byte[] five = EncryptedFrame.encrypt(PLAIN, TITLE, 5, KEYS);
        assertThat(framer.feed(five)).singleElement().isInstanceOf(Telegram.class);
        assertThat(onlyEncryptedRejection(framer.feed(five)).detail()).contains("replay");
        onlyEncryptedRejection(framer.feed(EncryptedFrame.encrypt(PLAIN, TITLE, 4, KEYS)));
        assertThat(framer.feed(EncryptedFrame.encrypt(PLAIN, TITLE, 6, KEYS))).singleElement().isInstanceOf(Telegram.class);
    }

    @Test
    void rejectsAFrameCutShortOnceAsEncrypted() {
        byte[] frame = EncryptedFrame.encrypt(PLAIN, TITLE, 1, KEYS);
        onlyEncryptedRejection(frame(TelegramFramer.withKeys(KEYS), Arrays.copyOf(frame, 100)));
    }

    @Test
    void readsTheKeysFromTheEnvironmentAndRefusesBadOnes() {
        assertThat(P1Keys.fromEnvironment(Map.of())).isNull();
        assertThat(P1Keys.fromEnvironment(Map.of("P1_DECRYPTION_KEY", "000102030405060708090a0b0c0d0e0f",
                "P1_AUTHENTICATION_KEY", "00112233445566778899AABBCCDDEEFF"))).isEqualTo(KEYS);
        assertThatThrownBy(() -> P1Keys.ofHex("0001", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 hex digits");
        assertThat(KEYS.toString()).doesNotContain("0001");
    }

    @Test
    void findsTheNextFrameWhenTheStreamStartsInsideOne() {
        TelegramFramer framer = TelegramFramer.withKeys(KEYS);
        List<Framed> out = new ArrayList<>();
        for (long counter = 1; counter <= 40; counter++) {
            byte[] frame = EncryptedFrame.encrypt(PLAIN, TITLE, counter, KEYS);
            out.addAll(framer.feed(counter == 1 ? Arrays.copyOfRange(frame, 200, frame.length) : frame));
        }
        out.addAll(framer.end());
        // whatever the tail of the first frame looks like, the last frames come through whole
        assertThat(out.subList(out.size() - 30, out.size())).allSatisfy(f -> assertThat(f).isInstanceOf(Telegram.class));
    }
}
