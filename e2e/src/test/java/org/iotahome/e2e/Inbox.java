package org.iotahome.e2e;

import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.iotahome.protocol.message.DirectMessage;
import org.iotahome.protocol.message.MessageCodec;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.tangle.AddressWatcher;
import org.iotahome.protocol.tangle.CursorStore;
import org.iotahome.protocol.tangle.Tangle;

/** Every direct message that reaches an address from now on, decoded, as anyone can read them. */
final class Inbox implements AutoCloseable {

    private final List<DirectMessage> seen = new CopyOnWriteArrayList<>();
    private final Cancellable watching;

    Inbox(Tangle tangle, Address address) {
        watching = new AddressWatcher(tangle, address.trytes(), TangleNode.MWM, Duration.ofMillis(200), Duration.ofMillis(200),
                Duration.ofSeconds(2), CursorStore.none(), r -> { }).messages()
                .subscribe().with(m -> {
                    try {
                        seen.add(MessageCodec.read(m.json()));
                    } catch (IllegalArgumentException e) {
                        // not a message: ignored, as every reader does
                    }
                });
    }

    List<DirectMessage> all() {
        return seen;
    }

    /** The first message of {@code type}, waiting for it. */
    <T extends DirectMessage> T first(Class<T> type, Duration wait) throws InterruptedException {
        return await(() -> seen.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null), wait, "a " + type.getSimpleName());
    }

    /** What {@code found} gives once it is not null, polled until {@code wait} is over. */
    static <T> T await(Supplier<T> found, Duration wait, String what) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            T t = found.get();
            if (t != null) return t;
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(100);
        }
    }

    static <T> T awaitPresent(Supplier<Optional<T>> found, Duration wait, String what) throws InterruptedException {
        return await(() -> found.get().orElse(null), wait, what);
    }

    @Override
    public void close() {
        watching.cancel();
    }
}
