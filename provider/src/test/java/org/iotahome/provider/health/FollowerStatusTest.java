package org.iotahome.provider.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FollowerStatusTest {

    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final FollowerStatus status = new FollowerStatus(clock, metrics);

    @Test
    void aNodeErrorMarksTheChannelFailingUntilItsNextGoodRead() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        ObservedSource source = new ObservedSource(address -> {
            if (down.get()) throw new IOException("connection refused");
            return List.of("PAYLOAD");
        }, status, "A".repeat(81));

        assertThatThrownBy(() -> source.payloadsAt("X".repeat(81))).isInstanceOf(IOException.class);
        assertThat(status.failing(10)).singleElement().satisfies(s -> assertThat(s.failure()).isEqualTo("node: connection refused"));
        assertThat(metrics.get("provider.followers.failing").gauge().value()).isEqualTo(1.0);
        assertThat(metrics.get("provider.follower.failures").counter().count()).isEqualTo(1.0);

        down.set(false);
        assertThat(source.payloadsAt("X".repeat(81))).containsExactly("PAYLOAD");
        assertThat(status.failing(10)).isEmpty();
        assertThat(metrics.get("provider.followers.failing").gauge().value()).isZero();
    }

    @Test
    void aChannelWithNoGoodReadForLongIsBehindAndAStoppedOneIsForgotten() {
        status.read("B".repeat(81));
        clock.advance(Duration.ofMinutes(10));
        status.read("C".repeat(81));
        assertThat(status.behind(Duration.ofMinutes(5), 10)).extracting(FollowerStatus.State::channel).containsExactly("B".repeat(81));
        status.stopped("B".repeat(81));
        assertThat(status.followed()).isEqualTo(1);
        assertThat(status.behind(Duration.ofMinutes(5), 10)).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
