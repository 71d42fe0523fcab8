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
import java.util.TreeMap;
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
     * {@code journal}: the last {@link OpenBatchJournal} number among its readings (0: none).
     */
    public record Entry(long sequence, String event, String root, long journal) {

        public Entry(long sequence, String event, String root) {
            this(sequence, event, root, 0);
        }

        public Entry {
            if (sequence < 1) throw new IllegalArgumentException("outbox sequence numbers start at 1, got " + sequence);
            if (event == null || event.isEmpty()) throw new IllegalArgumentException("an outbox entry needs its event");
            if (root != null) Trytes.requireTrytes("root", root, 81);
        }
    }

    private final Path dir;
    private final long maxBytes;
    /** Each queued entry's sequence number and size on disk, oldest first. */
    private final TreeMap<Long, Long> sizes = new TreeMap<>();
    private long bytes;
    /** The entry marked for a root and not yet removed: it may be on its way to the Tangle, so it is never dropped. */
    private long sending = -1;
    private long droppedEntries;
    private long droppedReadings;
    /** Counts on while the process runs, also past an emptied queue; after a restart, from the last on disk. */
    private long next = 1;

    private Outbox(Path dir, long maxBytes) {
        if (maxBytes < 1) throw new IllegalArgumentException("the outbox bound must be positive, got " + maxBytes + " bytes");
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /** Opens (creating it if needed) the outbox in {@code dir}, unbounded. */
    public static Outbox open(Path dir) throws IOException {
        return open(dir, Long.MAX_VALUE);
    }

    /**
     * Opens (creating it if needed) the outbox in {@code dir}, holding at most {@code maxBytes} of
     * entries: an append that would go over drops the oldest entries first (logged and counted in
     * {@link #droppedReadings()}), so a node down for months fills no SD card. The entry being
     * sent is never dropped, and a single entry larger than the bound is still kept.
     */
    public static Outbox open(Path dir, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        Outbox outbox = new Outbox(dir, maxBytes);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (ENTRY.matcher(name).matches()) outbox.queued(Long.parseLong(name.substring(0, 19)), Files.size(f));
            }
        }
        if (!outbox.sizes.isEmpty()) outbox.next = outbox.sizes.lastKey() + 1;
        return outbox;
    }

    public synchronized int size() {
        return sizes.size();
    }

    /** The bytes the queued entries take on disk. */
    public synchronized long bytes() {
        return bytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Entries dropped to stay within the bound, since opened. */
    public synchronized long droppedEntries() {
        return droppedEntries;
    }

    /** Readings in the entries dropped to stay within the bound, since opened. */
    public synchronized long droppedReadings() {
        return droppedReadings;
    }

    /** Writes the event durably, first dropping the oldest entries if the bound needs it; returns once it is on disk. */
    public synchronized Entry append(String event) throws IOException {
        return append(event, 0);
    }

    /** As {@link #append(String)}, for an event holding the open batch's readings through {@code journal}. */
    public synchronized Entry append(String event, long journal) throws IOException {
        Entry entry = new Entry(next, event, null, journal);
        byte[] content = serialize(entry);
        makeRoom(content.length);
        AtomicFile.write(file(entry.sequence()), content, true);
        queued(entry.sequence(), content.length);
        next++;
        return entry;
    }

    private void makeRoom(long needed) throws IOException {
        while (bytes + needed > maxBytes) {
            Long oldest = sizes.isEmpty() ? null : sizes.firstKey();
            if (oldest != null && oldest == sending) oldest = sizes.higherKey(oldest);
            if (oldest == null) return;
            drop(oldest);
        }
    }

    private void drop(long sequence) throws IOException {
        Path file = file(sequence);
        long readings = 0;
        try {
            readings = DataEvents.readingsIn(read(sequence, Files.readString(file, StandardCharsets.UTF_8)).event());
        } catch (IOException | RuntimeException e) {
            // counted as an entry without readings: what cannot be read cannot be counted
        }
        Files.deleteIfExists(file);
        forget(sequence);
        droppedEntries++;
        droppedReadings += readings;
        LOG.warnf("outbox full (%d bytes at most): dropped its oldest entry %d with %d readings (%d readings dropped so far)",
                maxBytes, sequence, readings, droppedReadings);
    }

    private void queued(long sequence, long size) {
        Long before = sizes.put(sequence, size);
        bytes += size - (before == null ? 0 : before);
    }

    private void forget(long sequence) {
        Long size = sizes.remove(sequence);
        if (size != null) bytes -= size;
        if (sequence == sending) sending = -1;
    }

    /** The oldest entry, if any. */
    public synchronized Optional<Entry> head() throws IOException {
        while (!sizes.isEmpty()) {
            long sequence = sizes.firstKey();
            Path file = file(sequence);
            try {
                return Optional.of(read(sequence, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (NoSuchFileException e) {
                forget(sequence);
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
        Entry marked = new Entry(entry.sequence(), entry.event(), root, entry.journal());
        byte[] content = serialize(marked);
        AtomicFile.write(file(marked.sequence()), content, true);
        queued(marked.sequence(), content.length);
        sending = marked.sequence();
        return marked;
    }

    /**
     * Called with an entry's journal number before the entry leaves the outbox: the journal's own
     * mark must hold it first, or a kill right after would read those readings again.
     */
    public interface Removal {
        void leaving(long journal) throws IOException;
    }

    private Removal removal = journal -> { };

    public synchronized void onRemoval(Removal removal) {
        this.removal = removal;
    }

    /** The journal number of the newest entry (the highest any holds), or 0. */
    public synchronized long newestJournal() throws IOException {
        for (Long sequence : sizes.descendingKeySet()) {
            try {
                return read(sequence, Files.readString(file(sequence), StandardCharsets.UTF_8)).journal();
            } catch (IOException | IllegalArgumentException e) {
                // an unreadable entry: the one before it
            }
        }
        return 0;
    }

    /** Drops the entry after the Tangle accepted it. */
    public synchronized void remove(Entry entry) throws IOException {
        requireQueued(entry);
        if (entry.journal() > 0) removal.leaving(entry.journal());
        // No directory fsync needed: an entry that comes back after a crash carries its root, and
        // MamPublisher sees the channel is past that root and removes it again without sending.
        Files.deleteIfExists(file(entry.sequence()));
        forget(entry.sequence());
    }

    private void requireQueued(Entry entry) {
        if (!sizes.containsKey(entry.sequence()))
            throw new IllegalStateException("outbox entry " + entry.sequence() + " is not queued in " + dir);
    }

    private static byte[] serialize(Entry entry) throws JsonProcessingException {
        ObjectNode n = JSON.createObjectNode();
        n.put("event", entry.event());
        if (entry.root() != null) n.put("root", entry.root());
        if (entry.journal() > 0) n.put("journal", entry.journal());
        return JSON.writeValueAsBytes(n);
    }

    private static Entry read(long sequence, String content) throws JsonProcessingException {
        JsonNode n = JSON.readTree(content);
        if (n == null || !n.isObject() || !n.path("event").isTextual())
            throw new IllegalArgumentException("expected {\"event\": \"...\", \"root\"?: \"...\"}, got " + abbreviate(content));
        JsonNode root = n.get("root");
        if (root != null && !root.isTextual()) throw new IllegalArgumentException("expected root as text, got " + root);
        return new Entry(sequence, n.get("event").asText(), root == null ? null : root.asText(), n.path("journal").asLong(0));
    }

    private void quarantine(long sequence, Path file, String why) throws IOException {
        Path corrupt = dir.resolve("corrupt");
        Files.createDirectories(corrupt);
        Files.move(file, corrupt.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        forget(sequence);
        LOG.errorf("outbox entry %s cannot be read and is moved to %s, not published: %s", file, corrupt, why);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? "'" + s + "'" : "'" + s.substring(0, 60) + "…' (" + s.length() + " characters)";
    }

    private Path file(long sequence) {
        return dir.resolve(String.format("%019d.json", sequence));
    }
}
