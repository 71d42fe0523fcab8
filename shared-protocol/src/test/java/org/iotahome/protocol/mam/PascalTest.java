package org.iotahome.protocol.mam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PascalTest {

    @Test
    void zeroIsTheFixedFourTrits() throws MamException {
        byte[] out = new byte[4];
        assertThat(Pascal.encode(0, out, 0)).isEqualTo(4);
        assertThat(out).containsExactly(1, 0, 0, -1);
        assertThat(Pascal.decode(out, 0, 4, "x")).isEqualTo(new Pascal.Decoded(0, 4));
    }

    @Test
    void aPositiveTryteBeforeTheLastIsStoredNegatedAndFlagged() {
        // 39 = tryte 12 then tryte 1: the first is stored as -12 with flag bit 0 set.
        byte[] out = new byte[8];
        assertThat(Pascal.encode(39, out, 0)).isEqualTo(8);
        assertThat(out).containsExactly(0, -1, -1, 1, 0, 0, 1, 0);
    }

    @Test
    void everyValueRoundTripsInItsEncodedLength() throws MamException {
        for (long v = 0; v < 200_000; v += v < 3000 ? 1 : 997) roundTrip(v);
        for (long v : new long[] {Integer.MAX_VALUE, 1L << 40, 3_486_784_401L}) roundTrip(v);
    }

    private static void roundTrip(long v) throws MamException {
        byte[] out = new byte[Pascal.encodedLength(v) + 5];
        int n = Pascal.encode(v, out, 2);
        assertThat(n).as("length of %d", v).isEqualTo(Pascal.encodedLength(v));
        assertThat(Pascal.decode(out, 2, 2 + n, "x")).as("value %d", v).isEqualTo(new Pascal.Decoded(v, n));
    }

    @Test
    void aHeaderCutShortIsTruncatedNotMisread() {
        byte[] out = new byte[8];
        Pascal.encode(39, out, 0);
        assertThatThrownBy(() -> Pascal.decode(out, 0, 7, "message length"))
                .isInstanceOf(TruncatedPayloadException.class).hasMessageContaining("message length header");
    }

    @Test
    void aHeaderThatNeverEndsIsMalformed() {
        byte[] negative = new byte[60];
        java.util.Arrays.fill(negative, (byte) -1);
        assertThatThrownBy(() -> Pascal.decode(negative, 0, 60, "index"))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("runs past");
    }

    @Test
    void negativeValuesAreRefused() {
        assertThatThrownBy(() -> Pascal.encodedLength(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
