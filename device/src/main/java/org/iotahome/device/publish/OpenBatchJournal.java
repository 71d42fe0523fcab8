package org.iotahome.device.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.p1.Telegram;
import org.iotahome.protocol.storage.AtomicFile;
import org.jboss.logging.Logger;

/**
 * The readings of the open batch, on disk as they arrive ({@code open-batch.jsonl}), so a kill
 * before the batch reaches the outbox loses none of them: each telegram is appended with a
 * sequence number the moment it is read (a plain write: it survives the process being killed,
 * though not a power cut in the same second), and dropped once the outbox holds it. The file
 * holds at most the open batch: after each batch it is rewritten with what is still open. On
 * start, the readings past the last that reached the outbox are read again and published first.
 * A line cut short by a kill is skipped. Thread-safe.
 */
public final class OpenBatchJournal {

    private static final Logger LOG = Logger.getLogger(OpenBatchJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String FILE = "open-batch.jsonl";

    /** A reading read again after a restart: its sequence number and its telegram. */
    public record Pending(long sequence, Telegram telegram) {}

    private final Path file;
    private long last;
    private long dropped;
    private final List<Pending> recovered;

    private OpenBatchJournal(Path file, long last, long dropped, List<Pending> recovered) {
        this.file = file;
        this.last = last;
        this.dropped = dropped;
        this.recovered = List.copyOf(recovered);
    }

    /**
     * Opens the journal in {@code dir}. {@code inOutbox}: the highest sequence number the outbox
     * holds (its newest entry's), so readings a kill caught between the outbox and the journal's
     * own mark are not read twice.
     */
    public static OpenBatchJournal open(Path dir, long inOutbox) throws IOException {
        Path file = dir.resolve(FILE);
        long dropped = inOutbox;
        long last = inOutbox;
        List<Pending> lines = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    LOG.warnf("skipped a line of %s cut short: %s", file, e.getMessage());
                    continue;
                }
                if (n == null || !n.isObject()) continue;
                if (n.has("dropped")) dropped = Math.max(dropped, n.get("dropped").asLong());
                else if (n.path("seq").isNumber() && n.path("telegram").isTextual()) lines.add(pending(n));
            }
        }
        for (Pending p : lines) last = Math.max(last, p.sequence());
        long through = dropped;
        List<Pending> open = lines.stream().filter(p -> p.sequence() > through).toList();
        if (!open.isEmpty()) LOG.infof("%d readings of the open batch read again after a restart", open.size());
        OpenBatchJournal journal = new OpenBatchJournal(file, last, dropped, open);
        journal.rewrite(open);
        return journal;
    }

    /** What the last run read but never handed to the outbox, oldest first. */
    public List<Pending> recovered() {
        return recovered;
    }

    /** Appends a telegram read just now; its sequence number. */
    public synchronized long append(Telegram telegram) {
        long sequence = ++last;
        ObjectNode n = line(new Pending(sequence, telegram));
        try {
            Files.writeString(file, JSON.writeValueAsString(n) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the open batch in " + file + ": " + e.getMessage(), e);
        }
        return sequence;
    }

    /** The outbox holds every reading through {@code sequence}: they leave the journal. */
    public synchronized void dropThrough(long sequence) throws IOException {
        if (sequence <= dropped) return;
        dropped = sequence;
        List<Pending> open = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    JsonNode n = JSON.readTree(line);
                    if (n != null && n.path("seq").asLong(0) > sequence && n.path("telegram").isTextual()) open.add(pending(n));
                } catch (IOException cutShort) {
                    // a line cut short cannot be read now either
                }
            }
        }
        rewrite(open);
    }

    private void rewrite(List<Pending> open) throws IOException {
        StringBuilder out = new StringBuilder(JSON.writeValueAsString(JSON.createObjectNode().put("dropped", dropped))).append('\n');
        for (Pending p : open) out.append(JSON.writeValueAsString(line(p))).append('\n');
        AtomicFile.write(file, out.toString().getBytes(StandardCharsets.UTF_8), true);
    }

    private static ObjectNode line(Pending p) {
        return JSON.createObjectNode().put("seq", p.sequence()).put("telegram", p.telegram().text()).put("crc", p.telegram().crcChecked());
    }

    private static Pending pending(JsonNode n) {
        return new Pending(n.get("seq").asLong(), new Telegram(n.get("telegram").asText(), n.path("crc").asBoolean(false), 0));
    }
}
