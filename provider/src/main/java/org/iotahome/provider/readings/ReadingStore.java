package org.iotahome.provider.readings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.event.Data;
import org.iotahome.protocol.trinary.Trytes;
import org.iotahome.provider.database.UniqueViolation;

/**
 * The readings of each device channel in the database (V3__readings.sql), each stored once: a DATA
 * event's readings go in together in one transaction, keyed by (device channel, the event's MAM
 * root, index in the event), with the channel's tally moved in the same step. The follower saves its
 * position after that, so a crash in between repeats the event; the repeat, or the same event
 * stored by another replica at the same time, finds the key taken and stores nothing.
 */
public final class ReadingStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Stores the DATA event read at {@code messageRoot}; false when that event is already stored (or holds no reading). */
    public boolean append(String deviceRoot, String messageRoot, Data data) {
        Trytes.requireTrytes("device channel root", deviceRoot, 81);
        Trytes.requireTrytes("message root", messageRoot, 81);
        if (data.readings().isEmpty()) return false;
        try {
            return QuarkusTransaction.requiringNew().call(() -> insert(deviceRoot, messageRoot, data));
        } catch (RuntimeException e) {
            if (!UniqueViolation.causes(e)) throw e;
        }
        // A key was taken meanwhile: this event's (stored by another replica) or the channel's first tally
        // (created by one). Once more: the event's own check now tells which.
        try {
            return QuarkusTransaction.requiringNew().call(() -> insert(deviceRoot, messageRoot, data));
        } catch (RuntimeException e) {
            if (UniqueViolation.causes(e)) return false;
            throw e;
        }
    }

    /** How many readings the channel's stored events hold. */
    public int count(String deviceRoot) {
        Trytes.requireTrytes("device channel root", deviceRoot, 81);
        long n = QuarkusTransaction.joiningExisting().call(() -> ReadingTally.<ReadingTally>findByIdOptional(deviceRoot)
                .map(t -> t.readings).orElse(0L));
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    /** The newest {@code limit} readings by meter time, newest first. */
    public List<JsonNode> newest(String deviceRoot, int limit) {
        Trytes.requireTrytes("device channel root", deviceRoot, 81);
        if (limit < 0) throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
        if (limit == 0) return List.of();
        List<String> json = QuarkusTransaction.joiningExisting().call(() -> ReadingRow.getEntityManager()
                .createQuery("select r.json from ReadingRow r where r.deviceRoot = :device order by r.meterMillis desc, r.id desc", String.class)
                .setParameter("device", deviceRoot).setMaxResults(limit).getResultList());
        List<JsonNode> out = new ArrayList<>(json.size());
        for (String text : json) out.add(parse(text));
        return out;
    }

    /** In the caller's transaction: the event's rows and the tally, flushed so a taken key fails here. */
    private static boolean insert(String deviceRoot, String messageRoot, Data data) {
        if (ReadingRow.count("deviceRoot = ?1 and messageRoot = ?2", deviceRoot, messageRoot) > 0) return false;
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < data.readings().size(); i++) {
            JsonNode reading = data.readings().get(i);
            ReadingFigures figures = ReadingFigures.of(reading, data.timestamp());
            ReadingRow.of(deviceRoot, messageRoot, i, figures, write(reading)).persist();
            newest = Math.max(newest, figures.meterMillis());
        }
        int n = data.readings().size();
        int moved = ReadingTally.update("readings = readings + ?1, lastMeterMillis = case when lastMeterMillis < ?2 then ?2 else lastMeterMillis end"
                + " where deviceRoot = ?3", (long) n, newest, deviceRoot);
        if (moved == 0) {
            ReadingTally tally = new ReadingTally();
            tally.deviceRoot = deviceRoot;
            tally.readings = n;
            tally.lastMeterMillis = newest;
            tally.persist();
        }
        ReadingRow.flush();
        return true;
    }

    private static String write(JsonNode reading) {
        try {
            return JSON.writeValueAsString(reading);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored reading is not JSON: " + e.getMessage(), e);
        }
    }
}
