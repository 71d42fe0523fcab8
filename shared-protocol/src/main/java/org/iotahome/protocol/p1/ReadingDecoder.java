package org.iotahome.protocol.p1;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Bytes in, readings or rejections out: a {@link TelegramFramer} feeding a
 * {@link TelegramParser}. One decoder per byte stream; not thread-safe.
 */
public final class ReadingDecoder {

    private final TelegramFramer framer;
    private final TelegramParser parser;

    public ReadingDecoder() {
        this(new TelegramFramer(), new TelegramParser());
    }

    public ReadingDecoder(TelegramFramer framer, TelegramParser parser) {
        this.framer = framer;
        this.parser = parser;
    }

    public List<Parsed> feed(byte[] chunk) {
        List<Parsed> out = new ArrayList<>(2);
        feed(chunk, 0, chunk.length, out::add);
        return out;
    }

    public void feed(byte[] chunk, int off, int len, Consumer<? super Parsed> sink) {
        framer.feed(chunk, off, len, f -> sink.accept(parse(f)));
    }

    /** The stream ended or broke: a telegram in progress comes out as incomplete. */
    public List<Parsed> end() {
        List<Parsed> out = new ArrayList<>(1);
        framer.end(f -> out.add(parse(f)));
        return out;
    }

    private Parsed parse(Framed framed) {
        return framed instanceof Telegram t ? parser.parse(t) : (Rejected) framed;
    }
}
