package org.iotahome.device.serial;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import org.iotahome.protocol.p1.Framed;
import org.iotahome.protocol.p1.LineSettings;
import org.iotahome.protocol.p1.Rejected;
import org.iotahome.protocol.p1.TelegramFramer;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The meter's P1 port as a stream. {@link #bytes()} gives what the port reads; {@link #telegrams()}
 * frames it into telegrams and rejections. When the port disappears or fails (cable pulled, USB
 * adapter reset) the source closes it, waits with backoff and opens it again, for ever: a
 * telegram the break cut in two is rejected as incomplete, never passed on. Each subscription
 * opens the port on its own thread, so subscribe once. Counts what it read in {@link #stats()}.
 */
public final class SerialSource {

    /**
     * Chunks buffered while the subscriber is busy (a meter sends about one chunk a second): a
     * subscriber stuck for longer fails the stream with a back-pressure failure, as a fault.
     */
    private static final int BUFFERED_CHUNKS = 4096;

    private final String portPath;
    private final LineSettings settings;
    private final Duration reconnectMin;
    private final Duration reconnectMax;
    private final Supplier<TelegramFramer> framers;
    private final SerialStats stats = new SerialStats();

    /**
     * @param framers a new framer per subscription, e.g. {@code () -> TelegramFramer.forMeter(v)}
     */
    public SerialSource(String portPath, LineSettings settings, Duration reconnectMin, Duration reconnectMax,
                        Supplier<TelegramFramer> framers) {
        if (portPath == null || portPath.isBlank()) throw new IllegalArgumentException("serial port path is empty");
        if (settings == null) throw new IllegalArgumentException("line settings are missing");
        if (reconnectMin.isNegative() || reconnectMin.isZero() || reconnectMax.compareTo(reconnectMin) < 0)
            throw new IllegalArgumentException("reconnect backoff must be 0 < min <= max, got " + reconnectMin
                    + " and " + reconnectMax);
        this.portPath = portPath;
        this.settings = settings;
        this.reconnectMin = reconnectMin;
        this.reconnectMax = reconnectMax;
        this.framers = framers;
    }

    public String portPath() {
        return portPath;
    }

    public LineSettings lineSettings() {
        return settings;
    }

    public SerialStats.Snapshot stats() {
        return stats.snapshot();
    }

    /** The bytes as the port delivers them, in chunks; breaks in the line are not visible here. */
    public Multi<byte[]> bytes() {
        return events().filter(e -> e.data() != null).map(PortEvent::data);
    }

    /**
     * Telegrams and rejections. Counts each: read, or rejected by reason. A break in the line
     * ends the framer's stream, so a half telegram before it comes out as incomplete.
     */
    public Multi<Framed> telegrams() {
        return Multi.createFrom().deferred(() -> {
            TelegramFramer framer = framers.get();
            return events()
                    .onItem().transformToIterable(e -> e.data() != null ? framer.feed(e.data()) : framer.end())
                    .onItem().invoke(this::count);
        });
    }

    private void count(Framed f) {
        if (f instanceof Rejected r) stats.rejected(r.reason());
        else stats.telegram();
    }

    /** Data chunks, and a null-data marker where the line broke. */
    private Multi<PortEvent> events() {
        return Multi.createFrom().emitter(emitter -> {
            PortReader reader = new PortReader(emitter);
            emitter.onTermination(reader::stop);
            Thread thread = new Thread(reader, "p1-serial " + portPath);
            thread.setDaemon(true);
            thread.start();
        }, BUFFERED_CHUNKS);
    }

    record PortEvent(byte[] data) {
        static final PortEvent BROKEN = new PortEvent(null);
    }

    /** The read loop of one subscription: open, read until the port fails, back off, again. */
    private final class PortReader implements Runnable {
        private final MultiEmitter<? super PortEvent> emitter;
        private final PortConnection connection;
        private volatile boolean stopped;

        PortReader(MultiEmitter<? super PortEvent> emitter) {
            this.emitter = emitter;
            this.connection = new PortConnection(portPath, settings, stats);
        }

        void stop() {
            stopped = true;
            connection.close();
        }

        /** A fault the loop did not expect (a driver bug) fails the stream, so its subscriber retries; never a silent dead thread. */
        @Override
        public void run() {
            try {
                readUntilStopped();
            } catch (RuntimeException | Error e) {
                connection.close();
                stats.connected(false);
                stats.problem("reader failed: " + e);
                if (!emitter.isCancelled()) emitter.fail(e);
            }
        }

        private void readUntilStopped() {
            Duration wait = reconnectMin;
            byte[] buffer = new byte[4096];
            while (!stopped) {
                if (!connection.open()) {
                    sleep(wait);
                    wait = wait.multipliedBy(2).compareTo(reconnectMax) > 0 ? reconnectMax : wait.multipliedBy(2);
                    continue;
                }
                wait = reconnectMin;
                while (!stopped) {
                    int n = connection.read(buffer);
                    if (n < 0) break;
                    if (n > 0) deliver(Arrays.copyOf(buffer, n));
                }
                connection.close();
                stats.connected(false);
                if (!stopped) deliver(null);
            }
        }

        private void deliver(byte[] data) {
            if (data != null) stats.bytes(data.length);
            if (!emitter.isCancelled()) emitter.emit(data == null ? PortEvent.BROKEN : new PortEvent(data));
        }

        private void sleep(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }
}
