package org.iotahome.protocol.tangle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCursorStoreTest {

    @Test
    void aSavedCursorLoadsBackEqual(@TempDir Path dir) {
        TangleCursor cursor = new TangleCursor(Set.of("A".repeat(81), "B".repeat(81)), Set.of("C".repeat(81)));
        new FileCursorStore(dir.resolve("sub/cursor.json")).save(cursor);

        assertThat(new FileCursorStore(dir.resolve("sub/cursor.json")).load()).contains(cursor);
        assertThat(dir.resolve("sub/cursor.json.tmp")).doesNotExist();
    }

    @Test
    void aBoundedCursorLoadsBackWithItsTimeMarkAndTimes(@TempDir Path dir) {
        TangleCursor cursor = new TangleCursor(Set.of("A".repeat(81)), Set.of("C".repeat(81)), 1_700_000_000_000L,
                java.util.Map.of("A".repeat(81), 1_700_000_000_500L, "C".repeat(81), 1_700_000_000_500L));
        new FileCursorStore(dir.resolve("cursor.json")).save(cursor);

        assertThat(new FileCursorStore(dir.resolve("cursor.json")).load()).contains(cursor);
    }

    @Test
    void aCursorFileFromBeforeTheTimeMarkLoadsAsUnbounded(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("old.json"), "{\"transactions\":[\"" + "A".repeat(81) + "\"],\"messages\":[]}");

        TangleCursor loaded = new FileCursorStore(dir.resolve("old.json")).load().orElseThrow();
        assertThat(loaded.transactions()).containsExactly("A".repeat(81));
        assertThat(loaded.since()).isZero();
        assertThat(loaded.attachedAt()).isEmpty();
    }

    @Test
    void aMissingFileMeansStartFromTheBeginning(@TempDir Path dir) {
        assertThat(new FileCursorStore(dir.resolve("none.json")).load()).isEmpty();
    }

    @Test
    void aCorruptFileIsAnErrorNotAFreshStart(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("c.json"), "{\"transactions\":[\"not trytes\"],\"bundles\":[]}");

        assertThatThrownBy(() -> new FileCursorStore(dir.resolve("c.json")).load())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("c.json");
    }
}
