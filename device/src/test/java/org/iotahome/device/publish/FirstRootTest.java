package org.iotahome.device.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstRootTest {

    private static final String AT_1 = "A".repeat(81), AT_2 = "B".repeat(81), AT_3 = "C".repeat(81);

    @TempDir
    Path dir;

    private static String rootAt(int security) {
        return switch (security) {
            case 1 -> AT_1;
            case 2 -> AT_2;
            default -> AT_3;
        };
    }

    @Test
    void aNewChannelsFirstRootIsAtTheSettingAndStaysWhenTheSettingChanges() throws Exception {
        Path file = dir.resolve("channel-first-root");
        assertThat(FirstRoot.loadOrRecord(file, false, 1, FirstRootTest::rootAt).root()).isEqualTo(AT_1);
        assertThat(Files.readString(file)).isEqualTo(AT_1);
        // The channel now exists; PUBLISH_SECURITY=3 later moves its next roots, never its first.
        assertThat(FirstRoot.loadOrRecord(file, true, 3, FirstRootTest::rootAt).root()).isEqualTo(AT_1);
    }

    @Test
    void aChannelAnEarlierVersionMadeStartedAtSecurityTwo() throws Exception {
        Path file = dir.resolve("channel-first-root");
        assertThat(FirstRoot.loadOrRecord(file, true, 1, FirstRootTest::rootAt).root()).isEqualTo(AT_2);
        assertThat(Files.readString(file)).isEqualTo(AT_2);
    }

    @Test
    void aFileLeftByACrashBeforeTheChannelWasMadeIsWrittenAgainAtTheSetting() throws Exception {
        Path file = dir.resolve("channel-first-root");
        FirstRoot.loadOrRecord(file, false, 2, FirstRootTest::rootAt);
        assertThat(FirstRoot.loadOrRecord(file, false, 1, FirstRootTest::rootAt).root()).isEqualTo(AT_1);
    }
}
