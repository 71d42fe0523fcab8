package org.iotahome.protocol.p1;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Crc16Test {

    @Test
    void matchesTheCrc16ArcCheckValue() {
        // The catalogue check value of CRC-16/ARC (poly 0x8005 reflected = 0xA001, init 0, no xorout).
        assertThat(Crc16.of(Telegrams.bytes("123456789"))).isEqualTo(0xBB3D);
    }

    @Test
    void matchesVectorsComputedBitByBit() {
        // Computed with a bit-at-a-time reference (shift right, xor 0xA001 when the low bit was 1).
        assertThat(Crc16.of(new byte[0])).isZero();
        assertThat(Crc16.of(Telegrams.bytes("A"))).isEqualTo(0x30C0);
        assertThat(Crc16.of(Telegrams.bytes("/!"))).isEqualTo(0x28DC);
        assertThat(Crc16.of(Telegrams.bytes(Telegrams.body("dsmr-5.0")))).isEqualTo(0xE47C);
    }

    @Test
    void agreesWithABitAtATimeCrcForEveryLengthAndAlignment() {
        byte[] data = new byte[100];
        new java.util.Random(1).nextBytes(data);
        for (int off = 0; off < 9; off++)
            for (int len = 0; off + len <= data.length; len++)
                assertThat(Crc16.of(data, off, len)).as("offset %d length %d", off, len).isEqualTo(bitwise(data, off, len));
    }

    private static int bitwise(byte[] data, int off, int len) {
        int crc = 0;
        for (int i = off; i < off + len; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
        }
        return crc;
    }

    @Test
    void coversOnlyTheRangeAsked() {
        byte[] padded = Telegrams.bytes("xx123456789yy");
        assertThat(Crc16.of(padded, 2, 9)).isEqualTo(0xBB3D);
        assertThatThrownBy(() -> Crc16.of(padded, 10, 9)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void writesFourUpperCaseHexDigits() {
        assertThat(Crc16.hex(0xBB3D)).isEqualTo("BB3D");
        assertThat(Crc16.hex(0x0A)).isEqualTo("000A");
        assertThatThrownBy(() -> Crc16.hex(0x10000)).hasMessageContaining("0..0xFFFF");
    }
}
