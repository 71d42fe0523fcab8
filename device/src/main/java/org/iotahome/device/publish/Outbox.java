package org.iotahome.device.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iotahome.protocol.storage.AtomicFile;
import org.iotahome.protocol.trinary.Trytes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The durable queue between the readings and the Tangle: one file per event
 * ({@code 0000000000000000042.json}, written through {@link AtomicFile}, owner-only), drained
 * oldest first, an entry deleted only after the Tangle took it. Survives a restart: opening
 * lists what is there. Only the entry numbers are kept in memory, so a node down for days costs
 * disk, not heap. An entry file that cannot be read is moved to {@code corrupt/} and logged,
 * so one bad file cannot stop the queue. Methods are synchronized.
 */
public final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    private static final Pattern ENTRY = Pattern.compile("\\d{19}\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One queued event. {@code root}: the channel root it is being published at, recorded before
     * the channel state advances, or null while it was never tried (see {@link MamPublisher}).
     */
    public record Entry(long sequence, String event, String root) {
        public Entry {
            if (sequence < 1) throw new IllegalArgumentException("outbox sequence numbers start at 1, got " + sequence);
            if (event == null || event.isEmpty()) throw new IllegalArgumentException("an outbox entry needs its event");
            if (root != null) Trytes.requireTrytes("root", root, 81);
        }
    }

    private final Path dir;
    private final TreeSet<Long> sequences = new TreeSet<>();
    /** Counts on while the process runs, also past an emptied queue; after a restart, from the last on disk. */
    private long next = 1;

    private Outbox(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating it if needed) the outbox in {@code dir}. */
    public static Outbox open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Outbox outbox = new Outbox(dir);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (ENTRY.matcher(name).matches()) outbox.sequences.add(Long.parseLong(name.substring(0, 19)));
            }
        }
        if (!outbox.sequences.isEmpty()) outbox.next = outbox.sequences.last() + 1;
        return outbox;
    }

    public synchronized int size() {
        return sequences.size();
    }

    /** Writes the event durably; returns once it is on disk. */
    public synchronized Entry append(String event) throws IOException {
        Entry entry = new Entry(next, event, null);
        write(entry);
        sequences.add(entry.sequence());
        next++;
        return entry;
    }

    /** The oldest entry, if any. */
    public synchronized Optional<Entry> head() throws IOException {
        while (!sequences.isEmpty()) {
            long sequence = sequences.first();
            Path file = file(sequence);
            try {
                return Optional.of(read(sequence, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (NoSuchFileException e) {
                sequences.remove(sequence);
                LOG.errorf("outbox entry %s vanished from the disk before it was published", file);
            } catch (IllegalArgumentException | JsonProcessingException e) {
                quarantine(sequence, file, e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Records the root the entry is about to be published at; returns the entry as now stored. */
    public synchronized Entry markSending(Entry entry, String root) throws IOException {
        requireQueued(entry);
        Entry marked = new Entry(entry.sequence(), entry.event(), root);
        write(marked);
        return marked;
    }

    /** Drops the entry after the Tangle accepted it. */
    public synchronized void remove(Entry entry) throws IOException {
        requireQueued(entry);
        // No directory fsync needed: an entry that comes back after a crash carries its root, and
        // MamPublisher sees the channel is past that root and removes it again without sending.
        Files.deleteIfExists(file(entry.sequence()));
        sequences.remove(entry.sequence());
    }

    private void requireQueued(Entry entry) {
        if (!sequences.contains(entry.sequence()))
            throw new IllegalStateException("outbox entry " + entry.sequence() + " is not queued in " + dir);
    }

    private void write(Entry entry) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("event", entry.event());
        if (entry.root() != null) n.put("root", entry.root());
        AtomicFile.write(file(entry.sequence()), JSON.writeValueAsBytes(n), true);
    }

    private static Entry read(long sequence, String content) throws JsonProcessingException {
        JsonNode n = JSON.readTree(content);
        if (n == null || !n.isObject() || !n.path("event").isTextual())
            throw new IllegalArgumentException("expected {\"event\": \"...\", \"root\"?: \"...\"}, got " + abbreviate(content));
        JsonNode root = n.get("root");
        if (root != null && !root.isTextual()) throw new IllegalArgumentException("expected root as text, got " + root);
        return new Entry(sequence, n.get("event").asText(), root == null ? null : root.asText());
    }

    private void quarantine(long sequence, Path file, String why) throws IOException {
        Path corrupt = dir.resolve("corrupt");
        Files.createDirectories(corrupt);
        Files.move(file, corrupt.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        sequences.remove(sequence);
        LOG.errorf("outbox entry %s cannot be read and is moved to %s, not published: %s", file, corrupt, why);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? "'" + s + "'" : "'" + s.substring(0, 60) + "…' (" + s.length() + " characters)";
    }

    private Path file(long sequence) {
        return dir.resolve(String.format("%019d.json", sequence));
    }
}
