package org.iotahome.device.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.iotahome.protocol.p1.Telegram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open batch survives a kill: read again after a restart, never twice, never what the outbox holds. */
class OpenBatchJournalTest {

    @TempDir
    Path dir;

    private static Telegram telegram(int n) {
        return new Telegram("/ISK5\\2M550T-1012\r\n\r\n0-0:1.0.0(2612041000" + String.format("%02d", n) + "W)\r\n!", true, 0);
    }

    @Test
    void readingsNotYetInTheOutboxAreReadAgainInOrderAndNumberingGoesOn() throws Exception {
        OpenBatchJournal journal = OpenBatchJournal.open(dir, 0);
        assertThat(journal.recovered()).isEmpty();
        for (int n = 1; n <= 4; n++) assertThat(journal.append(telegram(n))).isEqualTo(n);
        journal.dropThrough(2); // the first two reached the outbox

        OpenBatchJournal again = OpenBatchJournal.open(dir, 0); // killed, restarted
        assertThat(again.recovered()).extracting(OpenBatchJournal.Pending::sequence).containsExactly(3L, 4L);
        assertThat(again.recovered().get(0).telegram()).isEqualTo(telegram(3));
        assertThat(again.append(telegram(5))).as("numbers never repeat").isEqualTo(5);
        assertThat(OpenBatchJournal.open(dir, 0).recovered()).extracting(OpenBatchJournal.Pending::sequence).containsExactly(3L, 4L, 5L);
    }

    @Test
    void whatTheOutboxHoldsIsNotReadAgainEvenWhenTheJournalsOwnMarkWasNotWritten() throws Exception {
        OpenBatchJournal journal = OpenBatchJournal.open(dir, 0);
        for (int n = 1; n <= 3; n++) journal.append(telegram(n));
        // Killed after the outbox took readings 1 and 2, before the journal dropped them.
        assertThat(OpenBatchJournal.open(dir, 2).recovered()).extracting(OpenBatchJournal.Pending::sequence).containsExactly(3L);
    }

    @Test
    void aLineCutShortByAKillIsSkipped() throws Exception {
        OpenBatchJournal journal = OpenBatchJournal.open(dir, 0);
        journal.append(telegram(1));
        Files.writeString(dir.resolve(OpenBatchJournal.FILE), "{\"seq\":2,\"telegr", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        OpenBatchJournal again = OpenBatchJournal.open(dir, 0);
        assertThat(again.recovered()).extracting(OpenBatchJournal.Pending::sequence).containsExactly(1L);
        assertThat(again.append(telegram(3))).isEqualTo(2);
    }

    @Test
    void theOutboxMovesTheJournalsMarkBeforeAnEntryLeaves() throws Exception {
        Outbox outbox = Outbox.open(dir.resolve("outbox"));
        OpenBatchJournal journal = OpenBatchJournal.open(dir, outbox.newestJournal());
        outbox.onRemoval(journal::dropThrough);
        for (int n = 1; n <= 3; n++) journal.append(telegram(n));
        Outbox.Entry entry = outbox.append("{\"type\":\"DATA\"}", 2);
        assertThat(outbox.newestJournal()).isEqualTo(2);
        assertThat(Outbox.open(dir.resolve("outbox")).head()).get().extracting(Outbox.Entry::journal).isEqualTo(2L);
        outbox.remove(entry); // published before the journal dropped them; then killed
        assertThat(OpenBatchJournal.open(dir, Outbox.open(dir.resolve("outbox")).newestJournal()).recovered())
                .extracting(OpenBatchJournal.Pending::sequence).containsExactly(3L);
    }
}
