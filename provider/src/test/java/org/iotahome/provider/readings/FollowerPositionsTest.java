package org.iotahome.provider.readings;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iotahome.protocol.mam.FollowerPosition;
import org.iotahome.protocol.mam.FollowerPositionStore;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.provider.database.Roots;
import org.iotahome.provider.flow.FreshDataDir;
import org.junit.jupiter.api.Test;

/** The followers' positions in the store contract, on H2; {@link FollowerPositionsOnPostgresTest} runs it on PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class FollowerPositionsTest {

    @Test
    void aFirstStartHasNoPosition() {
        assertThat(new FollowerPositions().of(Roots.random(), FollowerPositions.Channel.DEVICE).load()).isEmpty();
    }

    @Test
    void theNewestSavedPositionIsReadBackAfterARestart() {
        String device = Roots.random();
        FollowerPosition first = new FollowerPosition(Roots.random(), new SideKey("FIRST9KEY"));
        FollowerPosition rotated = new FollowerPosition(Roots.random(), new SideKey("ROTATED9KEY"));
        FollowerPositionStore store = new FollowerPositions().of(device, FollowerPositions.Channel.DEVICE);
        store.save(first);
        store.save(rotated);
        assertThat(new FollowerPositions().of(device, FollowerPositions.Channel.DEVICE).load()).contains(rotated);
    }

    @Test
    void aGrantsDeviceAndConsentChannelsAndOtherGrantsAreKeptApart() {
        String device = Roots.random();
        FollowerPosition onDevice = new FollowerPosition(Roots.random(), new SideKey("DEVICE9KEY"));
        FollowerPosition onConsent = new FollowerPosition(Roots.random(), new SideKey("CONSENT9KEY"));
        FollowerPositions positions = new FollowerPositions();
        positions.of(device, FollowerPositions.Channel.DEVICE).save(onDevice);
        positions.of(device, FollowerPositions.Channel.CONSENT).save(onConsent);
        assertThat(positions.of(device, FollowerPositions.Channel.DEVICE).load()).contains(onDevice);
        assertThat(positions.of(device, FollowerPositions.Channel.CONSENT).load()).contains(onConsent);
        assertThat(positions.of(Roots.random(), FollowerPositions.Channel.CONSENT).load()).isEmpty();
    }
}
