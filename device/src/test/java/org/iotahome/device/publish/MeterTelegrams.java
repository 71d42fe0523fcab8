package org.iotahome.device.publish;

import org.iotahome.protocol.p1.Reading;
import org.iotahome.protocol.p1.Telegram;
import org.iotahome.protocol.p1.TelegramParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real DSMR 5.0.2 telegrams (shared-protocol's example, tests run in the module directory), told
 * apart by their tariff 1 import register: telegram n reads 000100.00n kWh.
 */
final class MeterTelegrams {

    private static final Path EXAMPLE = Path.of("../shared-protocol/src/test/resources/p1/dsmr-5.0.txt");
    private static final String REGISTER = "1-0:1.8.1(123456.789*kWh)";

    private MeterTelegrams() {
    }

    /** The telegram's text from '/' through '!', with CR LF line ends as a meter sends them. */
    static Telegram dsmr5(int n) {
        String text;
        try {
            text = Files.readString(EXAMPLE, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!text.contains(REGISTER)) throw new IllegalStateException(EXAMPLE + " no longer has " + REGISTER);
        text = text.replace(REGISTER, "1-0:1.8.1(" + importKwh(n) + "*kWh)").replace("\n", "\r\n");
        return new Telegram(text, true, 0);
    }

    static String importKwh(int n) {
        return String.format("000100.%03d", n);
    }

    /** What the meter writes on the line: the telegram and its CRC line. */
    static byte[] wire(int n) {
        return dsmr5(n).withCrcLine().getBytes(StandardCharsets.US_ASCII);
    }

    static MeterReading reading(int n) {
        Telegram t = dsmr5(n);
        return new MeterReading(t, (Reading) new TelegramParser().parse(t));
    }

    /** A reading as DATA carries it, read back: DATA leaves {@code obis} out, so it reads back empty. */
    static Reading readBack(com.fasterxml.jackson.databind.JsonNode dataReading) {
        com.fasterxml.jackson.databind.node.ObjectNode n = dataReading.deepCopy();
        if (n.has("obis")) throw new AssertionError("DATA readings leave out obis: " + n);
        n.putObject("obis");
        return org.iotahome.protocol.p1.ReadingJson.read(n.toString());
    }

    /** What {@link #readBack} gives for this reading: the same, with an empty {@code obis}. */
    static Reading withoutObis(Reading r) {
        com.fasterxml.jackson.databind.node.ObjectNode n = org.iotahome.protocol.p1.ReadingJson.mapper().valueToTree(r);
        n.putObject("obis");
        return org.iotahome.protocol.p1.ReadingJson.read(n.toString());
    }
}
