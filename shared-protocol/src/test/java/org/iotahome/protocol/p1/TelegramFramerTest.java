package org.iotahome.protocol.p1;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotahome.protocol.p1.Telegrams.bytes;

class TelegramFramerTest {

    private static final List<String> NAMES = Telegrams.ALL;

    private static List<Framed> frame(byte[]... chunks) {
        TelegramFramer framer = new TelegramFramer();
        List<Framed> out = new ArrayList<>();
        for (byte[] c : chunks) out.addAll(framer.feed(c));
        out.addAll(framer.end());
        return out;
    }

    private static Rejected onlyRejection(List<Framed> out, Rejected.Reason reason) {
        assertThat(out).hasSize(1).first().isInstanceOf(Rejected.class);
        Rejected r = (Rejected) out.get(0);
        assertThat(r.reason()).isEqualTo(reason);
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("NAMES")
    void framesEveryMeterVersion(String name) {
        List<Framed> out = frame(Telegrams.wireBytes(name));
        assertThat(out).containsExactly(new Telegram(Telegrams.body(name), !name.equals("dsmr-2.2"), 0));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("NAMES")
    void framesTheSameTelegramWhereverTheChunksAreCut(String name) {
        byte[] wire = Telegrams.wireBytes(name);
        Telegram expected = new Telegram(Telegrams.body(name), !name.equals("dsmr-2.2"), 0);
        for (int cut = 0; cut <= wire.length; cut++)
            assertThat(frame(Arrays.copyOfRange(wire, 0, cut), Arrays.copyOfRange(wire, cut, wire.length)))
                    .as("cut at %d", cut).containsExactly(expected);
        TelegramFramer framer = new TelegramFramer();
        List<Framed> out = new ArrayList<>();
        for (byte b : wire) out.addAll(framer.feed(new byte[]{b}));
        assertThat(out).containsExactly(expected);
    }

    @Test
    void givesBackTheTelegramAsSentWithItsCrcLine() {
        Telegram t = (Telegram) frame(Telegrams.wireBytes("dsmr-5.0")).get(0);
        assertThat(t.withCrcLine()).isEqualTo(Telegrams.wire("dsmr-5.0")).endsWith("!E47C\r\n");
        Telegram old = (Telegram) frame(Telegrams.wireBytes("dsmr-2.2")).get(0);
        assertThat(old.withCrcLine()).isEqualTo(Telegrams.wire("dsmr-2.2"));
    }

    @Test
    void waitsForTheLineAfterTheBangBeforeDecidingThereIsNoCrc() {
        String body = Telegrams.body("dsmr-5.0");
        TelegramFramer framer = new TelegramFramer();
        assertThat(framer.feed(bytes(body))).isEmpty();
        assertThat(framer.feed(bytes("E4"))).isEmpty();
        assertThat(framer.feed(bytes("7C\r\n"))).containsExactly(new Telegram(body, true, 0));
    }

    @Test
    void takesA22TelegramFollowedStraightByTheNext() {
        String body = Telegrams.body("dsmr-2.2");
        List<Framed> out = frame(bytes(body + body + "\r\n"));
        assertThat(out).containsExactly(new Telegram(body, false, 0), new Telegram(body, false, body.length()));
    }

    @Test
    void acceptsLowerCaseHexLfLineEndsAndSpacesAroundTheCrc() {
        String body = Telegrams.body("dsmr-5.0").replace("\r\n", "\n");
        String crc = Crc16.hex(Crc16.of(bytes(body))).toLowerCase();
        assertThat(frame(bytes(body + " " + crc + " \n"))).containsExactly(new Telegram(body, true, 0));
        assertThat(frame(bytes(body + crc))).as("file ends right after the CRC").containsExactly(new Telegram(body, true, 0));
    }

    @Test
    void acceptsTheMetersCrcWhenTheTextReachesUsWithBareLfs() {
        String lf = Telegrams.body("dsmr-5.0").replace("\r\n", "\n");
        assertThat(frame(bytes(lf + "E47C\n"))).containsExactly(new Telegram(lf, true, 0));
        String damaged = lf.replace("220.1", "220.2");
        assertThat(onlyRejection(frame(bytes(damaged + "E47C\n")), Rejected.Reason.CRC).detail()).contains("E47C");
    }

    @Test
    void reportsStreamOffsetsAndSkipsBlankLinesBetweenTelegrams() {
        String a = Telegrams.wire("dsmr-4.2"), b = Telegrams.wire("fluvius");
        List<Framed> out = frame(bytes(a + "\r\n\r\n" + b));
        assertThat(out).hasSize(2).allMatch(Telegram.class::isInstance);
        assertThat(((Telegram) out.get(1)).offset()).isEqualTo(a.length() + 4);
    }

    @Test
    void rejectsAWrongCrcNamingBothValues() {
        String body = Telegrams.body("dsmr-5.0");
        Rejected r = onlyRejection(frame(bytes(body + "EF2F\r\n")), Rejected.Reason.CRC);
        assertThat(r.detail()).contains("EF2F").contains("E47C");
    }

    /**
     * Every single-bit flip from '/' through the CRC digits (the CR LF after them are outside),
     * except those that only change the case of a CRC hex letter: the same CRC, still valid.
     */
    static List<byte[]> eachBitFlipped(byte[] good) {
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < good.length - 2; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) (1 << bit);
                boolean crcDigit = i >= good.length - 6;
                if (crcDigit && Character.toUpperCase((char) bad[i]) == (char) good[i]) continue;
                all.add(bad);
            }
        }
        return all;
    }

    @Test
    void noSingleBitCorruptionPassesAsATelegramWhenTheMeterSendsCrcs() {
        for (byte[] bad : eachBitFlipped(Telegrams.wireBytes("dsmr-5.0"))) {
            TelegramFramer framer = TelegramFramer.forMeter(MeterVersion.V5_0);
            List<Framed> out = new ArrayList<>(framer.feed(bad));
            out.addAll(framer.end());
            assertThat(out).as(new String(bad, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isNotEmpty().noneMatch(Telegram.class::isInstance);
        }
    }

    @Test
    void aFlipThatMakesAnEarlyBangIsNoTelegramWhenACrcIsRequired() {
        String body = Telegrams.body("dsmr-5.0");
        byte[] bad = bytes(Telegrams.wire("dsmr-5.0").replaceFirst("\\(50\\)", "(50!"));
        assertThat(frame(bad)).first().isEqualTo(new Telegram(body.substring(0, body.indexOf("(50") + 3) + "!", false, 0));
        TelegramFramer strict = TelegramFramer.forMeter(MeterVersion.V5_0);
        List<Framed> out = new ArrayList<>(strict.feed(bad));
        out.addAll(strict.feed(Telegrams.wireBytes("dsmr-5.0")));
        assertThat(out).as("one rejection for the damaged telegram, then the next one").hasSize(2);
        assertThat(out.get(0)).isInstanceOf(Rejected.class)
                .extracting(f -> ((Rejected) f).reason()).isEqualTo(Rejected.Reason.INCOMPLETE);
        assertThat(out.get(1)).isEqualTo(new Telegram(body, true, bad.length));
        assertThat(TelegramFramer.forMeter(MeterVersion.V2_2).feed(Telegrams.wireBytes("dsmr-2.2")))
                .first().isInstanceOf(Telegram.class);
    }

    @Test
    void rejectsATelegramCutByTheEndOfTheStreamAsIncomplete() {
        byte[] wire = Telegrams.wireBytes("dsmr-5.0");
        Rejected r = onlyRejection(frame(Arrays.copyOf(wire, 300)), Rejected.Reason.INCOMPLETE);
        assertThat(r.offset()).isZero();
        assertThat(r.detail()).contains("before its '!'");
        int bang = Telegrams.body("dsmr-5.0").length();
        onlyRejection(frame(Arrays.copyOf(wire, bang + 2)), Rejected.Reason.INCOMPLETE);
    }

    @Test
    void rejectsATelegramCutByANewStartAsIncompleteAndKeepsTheNext() {
        byte[] wire = Telegrams.wireBytes("dsmr-4.2");
        byte[] head = Arrays.copyOf(wire, 200);
        List<Framed> out = frame(head, wire);
        assertThat(out).hasSize(2);
        assertThat(((Rejected) out.get(0)).reason()).isEqualTo(Rejected.Reason.INCOMPLETE);
        assertThat(out.get(1)).isEqualTo(new Telegram(Telegrams.body("dsmr-4.2"), true, 200));
    }

    @Test
    void rejectsTheTailOfATelegramBeforeTheFirstStartAsIncomplete() {
        byte[] wire = Telegrams.wireBytes("dsmr-5.0");
        byte[] tail = Arrays.copyOfRange(wire, 500, wire.length);
        List<Framed> out = frame(tail, wire);
        assertThat(out).hasSize(2);
        assertThat(((Rejected) out.get(0)).reason()).isEqualTo(Rejected.Reason.INCOMPLETE);
        assertThat(out.get(1)).isInstanceOf(Telegram.class);
    }

    @Test
    void rejectsABadCrcLineAsMalformed() {
        String body = Telegrams.body("dsmr-5.0");
        assertThat(onlyRejection(frame(bytes(body + "12G4\r\n")), Rejected.Reason.MALFORMED).detail())
                .contains("four hex digits").contains("12G4");
        onlyRejection(frame(bytes(body + "E47C0\r\n")), Rejected.Reason.MALFORMED);
        onlyRejection(frame(bytes(body + "E47CE47CE47C\r\n")), Rejected.Reason.MALFORMED);
    }

    @Test
    void rejectsControlBytesInsideATelegramAsMalformed() {
        String body = Telegrams.body("dsmr-2.2");
        String noisy = body.substring(0, 100) + "\u0000" + body.substring(100) + "\r\n";
        Rejected r = onlyRejection(frame(bytes(noisy)), Rejected.Reason.MALFORMED);
        assertThat(r.detail()).contains("0x00").contains("byte 100");
    }

    @Test
    void rejectsNoiseOutsideTelegramsAsMalformedOnce() {
        byte[] noise = new byte[5000];
        new java.util.Random(7).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) if (noise[i] == '/' || noise[i] == '!') noise[i] = 'x';
        Rejected r = onlyRejection(frame(noise), Rejected.Reason.MALFORMED);
        assertThat(r.detail()).contains("noise");
    }

    @Test
    void boundsItsBufferAndRecoversAfterAnEndlessTelegram() {
        TelegramFramer framer = new TelegramFramer(false, 4096);
        List<Framed> out = new ArrayList<>(framer.feed(bytes("/ISK5 endless\r\n")));
        byte[] junk = new byte[1 << 16];
        Arrays.fill(junk, (byte) 'A');
        for (int i = 0; i < 160; i++) out.addAll(framer.feed(junk));     // 10 MiB without a '!'
        out.addAll(framer.feed(Telegrams.wireBytes("dsmr-5.0")));
        out.addAll(framer.end());
        assertThat(out).hasSize(2);
        assertThat(((Rejected) out.get(0)).reason()).isEqualTo(Rejected.Reason.MALFORMED);
        assertThat(((Rejected) out.get(0)).detail()).contains("no '!' within 4096 bytes");
        assertThat(out.get(1)).isInstanceOf(Telegram.class);
    }

    @Test
    void keepsWorkingAfterEnd() {
        TelegramFramer framer = new TelegramFramer();
        framer.feed(Arrays.copyOf(Telegrams.wireBytes("fluvius"), 99));
        assertThat(framer.end()).hasSize(1);
        ByteArrayOutputStream twice = new ByteArrayOutputStream();
        twice.writeBytes(Telegrams.wireBytes("fluvius"));
        twice.writeBytes(Telegrams.wireBytes("fluvius"));
        assertThat(framer.feed(twice.toByteArray())).hasSize(2).allMatch(Telegram.class::isInstance);
        assertThat(framer.end()).isEmpty();
    }
}
