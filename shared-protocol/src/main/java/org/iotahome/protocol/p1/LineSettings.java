package org.iotahome.protocol.p1;

/**
 * Serial line settings of a P1 port. DSMR 2.2: 9600 baud, 7 data bits, even parity, 1 stop
 * bit; DSMR 4.x/5.0 and e-MUCS H: 115200 baud, 8 data bits, no parity, 1 stop bit.
 */
public record LineSettings(int baudRate, int dataBits, Parity parity, int stopBits) {

    public enum Parity { NONE, EVEN, ODD }

    public LineSettings {
        if (baudRate < 300 || baudRate > 4_000_000)
            throw new IllegalArgumentException("baud rate must be 300..4000000, got " + baudRate);
        if (dataBits < 5 || dataBits > 8)
            throw new IllegalArgumentException("data bits must be 5..8, got " + dataBits);
        if (parity == null) throw new IllegalArgumentException("parity must be NONE, EVEN or ODD, got null");
        if (stopBits != 1 && stopBits != 2)
            throw new IllegalArgumentException("stop bits must be 1 or 2, got " + stopBits);
    }

    /** Like "115200 8N1". */
    @Override
    public String toString() {
        return baudRate + " " + dataBits + parity.name().charAt(0) + stopBits;
    }
}
