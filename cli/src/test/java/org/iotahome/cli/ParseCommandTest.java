package org.iotahome.cli;

import org.iotahome.protocol.p1.Crc16;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ParseCommandTest {

    private static final String BODY = "/ISK5\\2M550T-1012\r\n\r\n1-3:0.2.8(50)\r\n0-0:1.0.0(230101120000W)\r\n"
            + "1-0:1.8.1(000100.000*kWh)\r\n1-0:1.8.2(000200.000*kWh)\r\n!";
    private static final String GOOD = BODY + Crc16.hex(Crc16.of(BODY.getBytes(StandardCharsets.US_ASCII))) + "\r\n";

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = IotahomeCli.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static final String KEY = "000102030405060708090A0B0C0D0E0F";
    private static final String AUTH = "00112233445566778899AABBCCDDEEFF";

    private static Path encrypted(Path dir) throws Exception {
        byte[] frame = org.iotahome.protocol.p1.EncryptedFrame.encrypt(GOOD.getBytes(StandardCharsets.US_ASCII),
                "SAG12345".getBytes(StandardCharsets.US_ASCII), 7, org.iotahome.protocol.p1.P1Keys.ofHex(KEY, AUTH));
        Path file = dir.resolve("smarty.bin");
        Files.write(file, frame);
        return file;
    }

    @Test
    void decryptsAnEncryptedFrameWithTheKeyGivenAsOptions(@TempDir Path dir) throws Exception {
        Run r = run("parse", "--key", KEY, "--auth-key", AUTH, encrypted(dir).toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().split("\n")).singleElement().asString()
                .contains("\"importedKwh\":{\"tariff1\":100.0,\"tariff2\":200.0}");
    }

    @Test
    void printsOneEncryptedRejectionPerFrameWithoutAKey(@TempDir Path dir) throws Exception {
        // the build runs without P1_DECRYPTION_KEY set
        Run r = run("parse", encrypted(dir).toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().split("\n")).singleElement().asString()
                .startsWith("{\"rejected\":\"encrypted\"").contains("no key");
    }

    @Test
    void printsOneJsonLinePerTelegramInAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("telegrams.txt");
        String cut = GOOD.substring(0, 60);
        Files.writeString(file, GOOD + GOOD.replace("100.000", "100.001") + cut, StandardCharsets.US_ASCII);
        Run r = run("parse", file.toString());
        assertThat(r.exit()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("{\"version\":\"5.0\",\"header\":\"ISK5\\\\2M550T-1012\",\"crcValid\":true,")
                .contains("\"importedKwh\":{\"tariff1\":100.0,\"tariff2\":200.0}");
        assertThat(lines[1]).startsWith("{\"rejected\":\"crc\",\"detail\":");
        assertThat(lines[2]).startsWith("{\"rejected\":\"incomplete\",\"detail\":");
    }

    @Test
    void readsStandardInputForADash() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream((GOOD + GOOD).getBytes(StandardCharsets.US_ASCII)));
            Run r = run("parse", "-");
            assertThat(r.exit()).isZero();
            assertThat(r.out().lines()).hasSize(2).allMatch(l -> l.startsWith("{\"version\":\"5.0\""));
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void failsWithOneLineNamingTheFileWhenItCannotBeRead(@TempDir Path dir) {
        Run r = run("parse", dir.resolve("missing.txt").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("iotahome parse: cannot read " + dir.resolve("missing.txt") + ": no such file");
        Run d = run("parse", dir.toString());
        assertThat(d.exit()).isEqualTo(2);
        assertThat(d.err()).contains("it is a directory");
    }

    @Test
    void printsNothingAndSucceedsForAnEmptyFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("empty.txt"), "\r\n");
        Run r = run("parse", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
    }
}
