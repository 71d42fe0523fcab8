package org.iotahome.protocol.p1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The example telegrams of src/test/resources/p1 (see its README) as a meter sends them. */
final class Telegrams {

    static final List<String> ALL = List.of("dsmr-2.2", "dsmr-4.0", "dsmr-4.2", "dsmr-5.0", "fluvius",
            "dsmr-5.0-four-mbus");

    private Telegrams() {
    }

    /** The telegram from '/' through '!' with CR LF line ends: the bytes the CRC covers. */
    static String body(String name) {
        try (InputStream in = Telegrams.class.getResourceAsStream("/p1/" + name + ".txt")) {
            if (in == null) throw new IllegalArgumentException("no test telegram " + name);
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replace("\r\n", "\n").strip();
            return text.replace("\n", "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As sent: the body, then the CRC line for DSMR 4+ and Belgian meters, or just CR LF for 2.2. */
    static String wire(String name) {
        String body = body(name);
        return name.equals("dsmr-2.2") ? body + "\r\n" : withCrc(body);
    }

    static byte[] wireBytes(String name) {
        return wire(name).getBytes(StandardCharsets.US_ASCII);
    }

    /** A body ('/' through '!') followed by its correct CRC line. */
    static String withCrc(String body) {
        return body + Crc16.hex(Crc16.of(body.getBytes(StandardCharsets.US_ASCII))) + "\r\n";
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
