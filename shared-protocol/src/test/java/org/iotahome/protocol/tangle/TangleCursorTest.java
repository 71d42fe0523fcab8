package org.iotahome.protocol.tangle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TangleCursorTest {

    private static List<Transaction> bundle(int n, long attachedAt) {
        List<Transaction> b = MessageBundle.build("A".repeat(81), "IOTAHOME", "{\"n\":" + n + "}", 1_700_000_000L);
        return List.of(b.get(0).attachedTo("9".repeat(81), "9".repeat(81), attachedAt));
    }

    @Test
    void anUnboundedCursorRemembersEverything() {
        TangleCursor c = TangleCursor.START;
        for (int n = 0; n < 50; n++) c = c.settle(bundle(n, 1000 + n), true);
        assertThat(c.remembered()).isEqualTo(100);
        assertThat(c.bounded(200)).isSameAs(c);
        assertThat(c.since()).isZero();
    }

    @Test
    void boundingForgetsTheOldestAndCoversThemWithTheTimeMark() {
        TangleCursor c = TangleCursor.START;
        for (int n = 0; n < 50; n++) c = c.settle(bundle(n, 1000 + n), true, 1000 + n).bounded(20);

        assertThat(c.remembered()).isLessThanOrEqualTo(20);
        assertThat(c.beforeMark(bundle(0, 1000))).isTrue();             // forgotten, and still settled
        assertThat(c.delivered(bundle(49, 1049))).isTrue();              // the newest remembered
        assertThat(c.beforeMark(bundle(50, 1050))).isFalse();            // a new one is new
    }

    @Test
    void boundingHoldsEvenWhenEveryBundleHasTheSameTime() {
        TangleCursor c = TangleCursor.START;
        for (int n = 0; n < 50; n++) c = c.settle(bundle(n, 5000), true, 5000).bounded(20);
        assertThat(c.remembered()).isLessThanOrEqualTo(20);
    }
}
