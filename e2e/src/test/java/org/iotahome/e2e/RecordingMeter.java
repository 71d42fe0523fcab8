package org.iotahome.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iotahome.cli.meter.SimulatedMeter;
import org.iotahome.protocol.p1.Reading;
import org.iotahome.protocol.p1.Telegram;
import org.iotahome.protocol.p1.TelegramFramer;
import org.iotahome.protocol.p1.TelegramParser;

/**
 * The simulated DSMR 5 meter of {@code ./iotahome meter}, run in the test's JVM so the test knows
 * each telegram it wrote and when: one a second to the pty's other end, until closed.
 */
final class RecordingMeter implements AutoCloseable {

    /** One telegram written: its reading's meter time, and {@link System#nanoTime()} once it was written. */
    record Sent(String meterTime, long atNanos) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Thread writer;

    RecordingMeter(Path port) {
        SimulatedMeter meter = new SimulatedMeter(7);
        writer = new Thread(() -> write(port, meter), "recording-meter");
        writer.setDaemon(true);
        writer.start();
    }

    private void write(Path port, SimulatedMeter meter) {
        TelegramParser parser = new TelegramParser();
        try (OutputStream out = Files.newOutputStream(port, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            long next = System.nanoTime();
            // The meter's own clock: one second per telegram, so no two readings share a time however late a write is.
            ZonedDateTime clock = ZonedDateTime.now().withNano(0);
            for (long n = 0; !Thread.currentThread().isInterrupted(); n++) {
                byte[] telegram = meter.next(clock.plusSeconds(n));
                out.write(telegram);
                out.flush();
                Telegram framed = (Telegram) new TelegramFramer().feed(telegram).get(0);
                sent.add(new Sent(((Reading) parser.parse(framed)).meterTime(), System.nanoTime()));
                next += 1_000_000_000L;
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException("the meter cannot write to " + port, e);
        }
    }

    /** Every telegram written so far, oldest first. */
    List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Waits for the next telegram to be written; gives it. */
    Sent awaitNext() throws InterruptedException {
        int n = sent.size();
        return Inbox.await(() -> sent.size() > n ? sent.get(n) : null, java.time.Duration.ofSeconds(10), "the meter's next telegram");
    }

    @Override
    public void close() throws InterruptedException {
        writer.interrupt();
        writer.join(5_000);
    }
}
