package org.iotahome.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T10:00:00Z"));
    private final Clock clock = new Clock() {
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
            return now.get();
        }
    };

    @Test
    void aClientIsRefusedAfterTooManyFailuresUntilTheOldestLeavesTheWindow() {
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), 100, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.allowed("a")).isTrue();
            throttle.failed("a");
            now.set(now.get().plusSeconds(60));
        }
        assertThat(throttle.allowed("a")).isFalse();
        assertThat(throttle.allowed("b")).as("another address is not affected").isTrue();
        now.set(now.get().plus(Duration.ofMinutes(13)));
        assertThat(throttle.allowed("a")).as("the first failure left the window").isTrue();
    }

    @Test
    void aSuccessForgetsTheFailuresAndTheTableStaysBounded() {
        LoginThrottle throttle = new LoginThrottle(2, Duration.ofMinutes(15), 10, clock);
        throttle.failed("a");
        throttle.succeeded("a");
        throttle.failed("a");
        assertThat(throttle.allowed("a")).isTrue();
        throttle.failed("a");
        assertThat(throttle.allowed("a")).isFalse();
        for (int i = 0; i < 1000; i++) throttle.failed("spray-" + i);
        assertThat(throttle.allowed("a")).as("a flood of addresses pushes out the oldest, and memory stays bounded").isTrue();
    }
}
