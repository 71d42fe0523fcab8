package org.iotahome.provider.readings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.trinary.Trytes;

/**
 * The readings of each device channel, one append-only JSON-lines file per channel
 * ({@code <deviceRoot>.jsonl}), one line per DATA event {@code {root, timestamp, readings}}, each
 * line fsynced before the follower saves its position past the event. A crash between the two
 * repeats the event on restart: the line's MAM {@code root} tells it was already written, so it is
 * not stored twice. A line torn by a crash (no newline) is cut off when the file is next opened.
 */
public final class ReadingStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    /** Per device channel: the MAM root of the newest stored event ("" when none). */
    private final Map<String, String> lastRoot = new HashMap<>();

    public ReadingStore(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /** Stores the DATA event read at {@code messageRoot}; false when that event is already stored. */
    public synchronized boolean append(String deviceRoot, String messageRoot, Data data) {
        Trytes.requireTrytes("message root", messageRoot, 81);
        if (messageRoot.equals(last(deviceRoot))) return false;
        ObjectNode line = JSON.createObjectNode();
        line.put("root", messageRoot);
        line.put("timestamp", data.timestamp());
        ArrayNode readings = line.putArray("readings");
        data.readings().forEach(readings::add);
        Path file = fileOf(deviceRoot);
        try {
            Files.createDirectories(dir);
            byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append readings to " + file + ": " + e.getMessage(), e);
        }
        lastRoot.put(deviceRoot, messageRoot);
        return true;
    }

    /** How many readings the channel's stored events hold. */
    public synchronized int count(String deviceRoot) {
        int n = 0;
        for (JsonNode line : lines(deviceRoot)) n += line.path("readings").size();
        return n;
    }

    /** The newest {@code limit} readings, newest first. */
    public synchronized List<JsonNode> newest(String deviceRoot, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
        List<JsonNode> lines = lines(deviceRoot);
        List<JsonNode> out = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && out.size() < limit; i--) {
            JsonNode readings = lines.get(i).path("readings");
            for (int j = readings.size() - 1; j >= 0 && out.size() < limit; j--) out.add(readings.get(j));
        }
        return out;
    }

    private String last(String deviceRoot) {
        String known = lastRoot.get(deviceRoot);
        if (known != null) return known;
        List<JsonNode> lines = lines(deviceRoot);
        String root = lines.isEmpty() ? "" : lines.get(lines.size() - 1).path("root").asText();
        lastRoot.put(deviceRoot, root);
        return root;
    }

    /** The complete lines of the channel's file, cutting off a torn last line first. */
    private List<JsonNode> lines(String deviceRoot) {
        Path file = fileOf(deviceRoot);
        if (!Files.exists(file)) return List.of();
        try {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') end--;
            if (end < bytes.length) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(end);
                    ch.force(true);
                }
            }
            List<JsonNode> lines = new ArrayList<>();
            for (String text : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n"))
                if (!text.isEmpty()) lines.add(JSON.readTree(text));
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the readings " + file + ": " + e.getMessage(), e);
        }
    }

    private Path fileOf(String deviceRoot) {
        Trytes.requireTrytes("device channel root", deviceRoot, 81);
        return dir.resolve(deviceRoot + ".jsonl");
    }
}
