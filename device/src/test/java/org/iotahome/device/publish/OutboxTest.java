package org.iotahome.device.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxTest {

    private static final String ROOT = "A".repeat(81);

    private static List<String> drain(Outbox outbox) throws Exception {
        List<String> out = new ArrayList<>();
        for (var head = outbox.head(); head.isPresent(); head = outbox.head()) {
            out.add(head.get().event());
            outbox.remove(head.get());
        }
        return out;
    }

    @Test
    void drainsInTheOrderAppended(@TempDir Path dir) throws Exception {
        Outbox outbox = Outbox.open(dir);
        for (int i = 1; i <= 12; i++) outbox.append("{\"n\":" + i + "}");
        assertThat(outbox.size()).isEqualTo(12);
        assertThat(drain(outbox)).hasSize(12).first().isEqualTo("{\"n\":1}");
        assertThat(outbox.size()).isZero();
        assertThat(outbox.head()).isEmpty();
    }

    @Test
    void survivesReopeningAndGoesOnNumbering(@TempDir Path dir) throws Exception {
        Outbox first = Outbox.open(dir);
        first.append("one");
        first.append("two");
        first.remove(first.head().orElseThrow());

        Outbox again = Outbox.open(dir);
        assertThat(again.size()).isEqualTo(1);
        Outbox.Entry three = again.append("three");
        assertThat(three.sequence()).isEqualTo(3);
        assertThat(drain(Outbox.open(dir))).containsExactly("two", "three");
    }

    @Test
    void numbersOnPastAnEmptiedQueue(@TempDir Path dir) throws Exception {
        Outbox outbox = Outbox.open(dir);
        outbox.remove(outbox.append("one"));
        assertThat(outbox.append("two").sequence()).isEqualTo(2);
    }

    @Test
    void anEntryStaysUntilRemoved(@TempDir Path dir) throws Exception {
        Outbox outbox = Outbox.open(dir);
        outbox.append("kept");
        Outbox.Entry head = outbox.head().orElseThrow();
        assertThat(outbox.head()).contains(head);        // looking is not taking
        assertThat(Outbox.open(dir).head()).contains(head);
    }

    @Test
    void keepsTheRootAnEntryIsBeingPublishedAtAcrossReopening(@TempDir Path dir) throws Exception {
        Outbox outbox = Outbox.open(dir);
        Outbox.Entry entry = outbox.append("event");
        assertThat(entry.root()).isNull();
        outbox.markSending(entry, ROOT);
        assertThat(Outbox.open(dir).head().orElseThrow().root()).isEqualTo(ROOT);
    }

    @Test
    void writesEntriesForTheOwnerOnly(@TempDir Path dir) throws Exception {
        Outbox.open(dir).append("private readings");
        try (var files = Files.list(dir)) {
            Path entry = files.filter(f -> f.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
            assertThat(Files.getPosixFilePermissions(entry))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void movesAnUnreadableEntryAsideAndGoesOn(@TempDir Path dir) throws Exception {
        Outbox outbox = Outbox.open(dir);
        outbox.append("first");
        outbox.append("second");
        Files.writeString(dir.resolve(String.format("%019d.json", 1)), "{not json");

        Outbox reopened = Outbox.open(dir);
        assertThat(reopened.head().orElseThrow().event()).isEqualTo("second");
        assertThat(dir.resolve("corrupt").resolve(String.format("%019d.json", 1))).exists();
    }

    @Test
    void ignoresTheTemporaryFilesOfAnInterruptedWrite(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".0000000000000000001.json.tmp"), "half");
        assertThat(Outbox.open(dir).size()).isZero();
    }

    @Test
    void refusesToRemoveWhatIsNotQueued(@TempDir Path dir) throws Exception {
        Outbox outbox = Outbox.open(dir);
        Outbox.Entry entry = outbox.append("once");
        outbox.remove(entry);
        assertThatThrownBy(() -> outbox.remove(entry)).hasMessageContaining("outbox entry 1 is not queued");
    }

    private static String data(int readings, int from) {
        List<MeterReading> group = new ArrayList<>();
        for (int n = from; n < from + readings; n++) group.add(MeterTelegrams.reading(n));
        return DataEvents.json(group, 1_700_000_000_000L);
    }

    @Test
    void aFullOutboxDropsItsOldestEntriesCountingTheirReadingsAndStaysWithinItsBound(@TempDir Path dir) throws Exception {
        String first = data(3, 1);
        Outbox measure = Outbox.open(dir.resolve("measure"));
        measure.append(first);
        long bound = measure.bytes() * 3 + measure.bytes() / 2;   // room for three entries, not four
        Outbox outbox = Outbox.open(dir.resolve("bounded"), bound);
        outbox.append(first);
        outbox.append(data(3, 4));
        outbox.append(data(3, 7));
        assertThat(outbox.droppedReadings()).isZero();

        outbox.append(data(3, 10));
        outbox.append(data(3, 13));

        assertThat(outbox.bytes()).isLessThanOrEqualTo(bound);
        assertThat(outbox.droppedEntries()).isEqualTo(2);
        assertThat(outbox.droppedReadings()).isEqualTo(6);
        assertThat(drain(outbox)).containsExactly(data(3, 7), data(3, 10), data(3, 13));   // the newest, in order
        assertThat(outbox.bytes()).isZero();
    }

    @Test
    void theBoundHoldsAcrossReopeningAndNeverDropsTheEntryBeingSent(@TempDir Path dir) throws Exception {
        Outbox before = Outbox.open(dir);
        before.append(data(1, 1));
        before.append(data(1, 2));
        long two = before.bytes();

        Outbox outbox = Outbox.open(dir, two);
        assertThat(outbox.bytes()).isEqualTo(two);
        Outbox.Entry head = outbox.markSending(outbox.head().orElseThrow(), ROOT);
        outbox.append(data(1, 3));

        assertThat(outbox.droppedEntries()).isEqualTo(1);
        assertThat(outbox.head()).contains(head);                   // on its way to the Tangle: kept
        outbox.remove(head);
        assertThat(drain(outbox)).containsExactly(data(1, 3));
    }
}
