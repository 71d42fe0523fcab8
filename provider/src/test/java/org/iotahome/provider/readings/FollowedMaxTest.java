package org.iotahome.provider.readings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** provider.followed-max: a bound of at least one grant, refused at start-up otherwise. */
class FollowedMaxTest {

    @Test
    void aPositiveBoundIsTakenAsItIs() {
        assertThat(ReadingsFlow.followedMax(10_000)).isEqualTo(10_000);
        assertThat(ReadingsFlow.followedMax(1)).isEqualTo(1);
    }

    @Test
    void noGrantAtAllIsRefused() {
        assertThatThrownBy(() -> ReadingsFlow.followedMax(0)).hasMessageContaining("provider.followed-max must be at least 1");
    }
}
