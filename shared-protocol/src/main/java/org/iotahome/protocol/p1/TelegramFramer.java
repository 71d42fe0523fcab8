package org.iotahome.protocol.p1;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns a byte stream, cut into chunks anywhere, into telegrams. It syncs on '/', collects
 * through '!', then waits for the end of the line after '!': four hex digits there are the
 * DSMR 4+ CRC16 (checked over '/' through '!'), an empty line means a DSMR 2.2 telegram, which
 * carries no CRC. Waiting for the line end is what tells a 2.2 telegram from a 4+ one whose CRC
 * has not arrived yet. Damaged stretches come out as {@link Rejected}, never as a
 * {@link Telegram}. Memory is bounded: a telegram longer than {@code maxTelegramBytes} is
 * rejected and bytes outside telegrams are only counted.
 * <p>
 * Holds only its buffer; not thread-safe (one framer per byte stream).
 */
public final class TelegramFramer {

    /** DSMR 5.0.2 telegrams are about 1 KiB; a 2 KiB text message and four M-bus channels fit. */
    public static final int DEFAULT_MAX_TELEGRAM_BYTES = 16 * 1024;

    private static final byte TEXT = 0, START = 1, END = 2, BAD = 3;
    /** Byte classes: telegrams are printable ASCII lines (IEC 62056-21), CR LF and TAB. */
    private static final byte[] CLASS = new byte[256];

    static {
        for (int b = 0; b < 256; b++)
            CLASS[b] = b >= 0x20 && b < 0x7F || b == '\r' || b == '\n' || b == '\t' ? TEXT : BAD;
        CLASS['/'] = START;
        CLASS['!'] = END;
    }

    private enum State { HUNT, BODY, CRC_LINE, SKIP, ENCRYPTED }

    private final int maxTelegramBytes;
    private final boolean crcRequired;
    private byte[] buffer = new byte[2048];
    private int length;
    private State state = State.HUNT;
    private long position;          // stream offset of the next byte
    private long telegramStart;
    private long noiseStart;
    private long noiseBytes;
    private boolean noiseHasEnd;
    private final StringBuilder crcLine = new StringBuilder(8);
    /** Null when no key was given: then each encrypted frame is one {@code encrypted} rejection. */
    private final P1Keys keys;
    private byte[] frame = new byte[EncryptedFrame.HEADER_BYTES];
    private int frameLength;
    private long lastFrameCounter = -1;

    /** For a stream of unknown meters: a telegram without CRC line is taken as DSMR 2.2. */
    public TelegramFramer() {
        this(false, DEFAULT_MAX_TELEGRAM_BYTES);
    }

    /**
     * @param crcRequired true for a DSMR 4+ or Belgian meter: then a '!' without CRC line is a
     *                    damaged telegram (a bit flip can turn ')' into '!'), never a 2.2 one
     */
    public TelegramFramer(boolean crcRequired, int maxTelegramBytes) {
        this(crcRequired, maxTelegramBytes, null);
    }

    /**
     * @param keys the keys of an encrypted P1 port (Luxembourg Smarty), or null: encrypted frames
     *             are then rejected as {@code encrypted}, one rejection each
     */
    public TelegramFramer(boolean crcRequired, int maxTelegramBytes, P1Keys keys) {
        if (maxTelegramBytes < 16)
            throw new IllegalArgumentException("maxTelegramBytes must be at least 16, got " + maxTelegramBytes);
        this.crcRequired = crcRequired;
        this.maxTelegramBytes = maxTelegramBytes;
        this.keys = keys;
    }

    /** For a stream of unknown meters, decrypting encrypted frames with {@code keys} (may be null). */
    public static TelegramFramer withKeys(P1Keys keys) {
        return new TelegramFramer(false, DEFAULT_MAX_TELEGRAM_BYTES, keys);
    }

    /** A framer for one meter: CRC required unless it is DSMR 2.2. */
    public static TelegramFramer forMeter(MeterVersion version) {
        return forMeter(version, null);
    }

    /** A framer for one meter whose port may be encrypted: {@code keys} null for a plain port. */
    public static TelegramFramer forMeter(MeterVersion version, P1Keys keys) {
        return new TelegramFramer(version != MeterVersion.V2_2, DEFAULT_MAX_TELEGRAM_BYTES, keys);
    }

    /** Feeds the next chunk; returns what it completed. */
    public List<Framed> feed(byte[] chunk) {
        List<Framed> out = new ArrayList<>(2);
        feed(chunk, 0, chunk.length, out::add);
        return out;
    }

    /** The stream ended or broke (end of file, port lost): a telegram in progress is incomplete. */
    public List<Framed> end() {
        List<Framed> out = new ArrayList<>(1);
        end(out::add);
        return out;
    }

    /** Feeds {@code len} bytes of {@code chunk} from {@code off}, handing each result to {@code sink}. */
    public void feed(byte[] chunk, int off, int len, Consumer<? super Framed> sink) {
        if (off < 0 || len < 0 || off + len > chunk.length)
            throw new IndexOutOfBoundsException("range " + off + "+" + len + " outside " + chunk.length + " bytes");
        long base = position - off;     // stream offset of chunk[0]
        int end = off + len;
        int i = off;
        while (i < end) {
            switch (state) {
                case HUNT -> i = hunt(chunk, i, end, base, sink);
                case BODY -> i = body(chunk, i, end, base, sink);
                case CRC_LINE -> i = crcLine(chunk, i, end, base, sink);
                case SKIP -> i = skip(chunk, i, end);
                case ENCRYPTED -> i = encrypted(chunk, i, end, base, sink);
            }
        }
        position = base + end;
    }

    /** As {@link #end()}, handing the result to {@code sink}. */
    public void end(Consumer<? super Framed> sink) {
        switch (state) {
            case HUNT -> flushNoise(sink);
            case BODY -> sink.accept(new Rejected(Rejected.Reason.INCOMPLETE,
                    "the stream ended " + length + " bytes into the telegram at byte " + telegramStart
                            + ", before its '!'", telegramStart));
            case CRC_LINE -> {
                if (hexDigits() > 0 && hexDigits() < 4 && crcLine.length() == hexDigits() && !shortCrcMatches())
                    sink.accept(new Rejected(Rejected.Reason.INCOMPLETE, "the stream ended inside the CRC line '!"
                            + crcLine + "' of the telegram at byte " + telegramStart, telegramStart));
                else
                    complete(sink);
            }
            case SKIP -> { }
            case ENCRYPTED -> sink.accept(new Rejected(Rejected.Reason.ENCRYPTED, "the stream ended " + frameLength
                    + " bytes into the encrypted frame at byte " + telegramStart, telegramStart));
        }
        state = State.HUNT;
        length = 0;
    }

    private int hunt(byte[] chunk, int i, int end, long base, Consumer<? super Framed> sink) {
        for (; i < end; i++) {
            byte b = chunk[i];
            if (b == '/') {
                flushNoise(sink);
                startTelegram(base + i);
                return i;                // the body copies the '/'
            }
            if ((b & 0xFF) == EncryptedFrame.START) {
                state = State.ENCRYPTED;
                telegramStart = base + i;
                frameLength = 0;
                return i;
            }
            if (b != ' ' && b != '\r' && b != '\n' && b != '\t') {
                if (noiseBytes == 0) noiseStart = base + i;
                noiseBytes++;
                noiseHasEnd |= b == '!';
            }
        }
        return i;
    }

    private void startTelegram(long at) {
        state = State.BODY;
        telegramStart = at;
        length = 0;
        crcLine.setLength(0);
    }

    private int body(byte[] chunk, int i, int end, long base, Consumer<? super Framed> sink) {
        int run = i;
        // The first '/' of a telegram is the byte at `run` when the body just started.
        if (length == 0) i++;
        for (; i < end; i++) {
            byte c = CLASS[chunk[i] & 0xFF];
            if (c == TEXT) continue;
            if (c == END) {
                if (!append(chunk, run, i + 1 - run, sink)) return i + 1;
                state = State.CRC_LINE;
                return i + 1;
            }
            if (c == START) {
                sink.accept(new Rejected(Rejected.Reason.INCOMPLETE, "the telegram at byte " + telegramStart
                        + " has no '!': a new '/' came at byte " + (base + i), telegramStart));
                startTelegram(base + i);
                return i;
            }
            sink.accept(new Rejected(Rejected.Reason.MALFORMED, String.format(
                    "byte 0x%02X at byte %d is not telegram text (printable ASCII, CR, LF)",
                    chunk[i] & 0xFF, base + i), telegramStart));
            state = State.SKIP;
            return resync(chunk, i) ? i : i + 1;
        }
        append(chunk, run, i - run, sink);
        return i;
    }

    /** Copies a run into the buffer; false (and rejected, skipping to the next '/') when too long. */
    private boolean append(byte[] chunk, int from, int count, Consumer<? super Framed> sink) {
        if (length + count > maxTelegramBytes) {
            sink.accept(new Rejected(Rejected.Reason.MALFORMED, "the telegram at byte " + telegramStart
                    + " has no '!' within " + maxTelegramBytes + " bytes", telegramStart));
            state = State.SKIP;
            length = 0;
            return false;
        }
        if (length + count > buffer.length)
            buffer = java.util.Arrays.copyOf(buffer, Math.min(maxTelegramBytes, Math.max(buffer.length * 2, length + count)));
        System.arraycopy(chunk, from, buffer, length, count);
        length += count;
        return true;
    }

    private int crcLine(byte[] chunk, int i, int end, long base, Consumer<? super Framed> sink) {
        for (; i < end; i++) {
            byte b = chunk[i];
            if (b == '\r' || b == '\n') {
                complete(sink);
                return i + 1;
            }
            if (b == '/') {              // a 2.2 '!' followed straight by the next telegram
                complete(sink);
                return i;
            }
            if (b == ' ' || b == '\t') continue;
            crcLine.append(CLASS[b & 0xFF] == BAD ? '?' : (char) b);
            if (crcLine.length() > 8) {  // no CRC line is this long: give up on it
                complete(sink);
                state = State.SKIP;
                return i + 1;
            }
        }
        return i;
    }

    /** At the stream's end "!B9F" may be whole (a CRC without its leading zero) or cut: only a match says whole. */
    private boolean shortCrcMatches() {
        return hexDigits() == 3 && Integer.parseInt(crcLine, 0, 3, 16) == Crc16.of(buffer, 0, length);
    }

    private int hexDigits() {
        int n = 0;
        for (int k = 0; k < crcLine.length(); k++)
            if (Character.digit(crcLine.charAt(k), 16) >= 0) n++;
        return n;
    }

    /** The line after '!' is complete: decide between a 2.2 telegram, a good CRC, a bad one. */
    private void complete(Consumer<? super Framed> sink) {
        state = State.HUNT;
        int digits = hexDigits();
        if (crcLine.length() == 0 && crcRequired) {
            sink.accept(new Rejected(Rejected.Reason.INCOMPLETE, "expected a CRC16 after the '!' of the telegram at"
                    + " byte " + telegramStart + " (this meter sends one), the line after it was empty", telegramStart));
            state = State.SKIP;          // a damaged '!': what follows up to the next '/' is this telegram's rest
        } else if (crcLine.length() == 0) {
            sink.accept(new Telegram(text(), false, telegramStart));
        } else if (digits >= 3 && digits <= 4 && crcLine.length() == digits) {
            // Some meters leave out the CRC's leading zero ("!B9F"): the same number.
            int expected = Integer.parseInt(crcLine, 0, digits, 16);
            int actual = Crc16.of(buffer, 0, length);
            sink.accept(expected == actual || expected == crcWithCrLf()
                    ? new Telegram(text(), true, telegramStart)
                    : new Rejected(Rejected.Reason.CRC, "the telegram at byte " + telegramStart + " says CRC16 "
                            + Crc16.hex(expected) + " after '!', its bytes give " + Crc16.hex(actual), telegramStart));
        } else {
            sink.accept(new Rejected(Rejected.Reason.MALFORMED, "expected four hex digits of CRC16 after the '!' of"
                    + " the telegram at byte " + telegramStart + ", got '" + crcLine + "'", telegramStart));
        }
        length = 0;
    }

    /**
     * The CRC as the meter computed it when the text reached us with bare LF line ends (stored in
     * a file, pasted): meters send CR LF (DSMR 5.0.2), so each bare LF counts as CR LF.
     * Still a CRC check over every character; -1 when the text has no bare LF.
     */
    private int crcWithCrLf() {
        boolean bareLf = false;
        for (int i = 0; i < length && !bareLf; i++) bareLf = buffer[i] == '\n' && (i == 0 || buffer[i - 1] != '\r');
        if (!bareLf) return -1;
        byte[] crlf = new byte[2 * length];
        int n = 0;
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n' && (i == 0 || buffer[i - 1] != '\r')) crlf[n++] = '\r';
            crlf[n++] = buffer[i];
        }
        return Crc16.of(crlf, 0, n);
    }

    private String text() {
        return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * Collects an encrypted frame: its 13-byte header says how many bytes follow. A header that is
     * no frame header sends the bytes back to hunting as noise.
     */
    private int encrypted(byte[] chunk, int i, int end, long base, Consumer<? super Framed> sink) {
        if (frameLength < EncryptedFrame.HEADER_BYTES) {
            int n = Math.min(EncryptedFrame.HEADER_BYTES - frameLength, end - i);
            System.arraycopy(chunk, i, frame, frameLength, n);
            frameLength += n;
            i += n;
            if (frameLength < EncryptedFrame.HEADER_BYTES) return i;
            int length = EncryptedFrame.length(frame);
            if (length < 5 + EncryptedFrame.TAG_BYTES || length > maxTelegramBytes) {
                // no frame header: these bytes were noise, counted (and rejected once) with the noise around them
                if (noiseBytes == 0) noiseStart = telegramStart;
                noiseBytes += frameLength;
                state = State.HUNT;
                return i;
            }
            flushNoise(sink);
            frame = java.util.Arrays.copyOf(frame, EncryptedFrame.HEADER_BYTES + length);
        }
        int n = Math.min(frame.length - frameLength, end - i);
        System.arraycopy(chunk, i, frame, frameLength, n);
        frameLength += n;
        i += n;
        if (frameLength == frame.length) {
            state = State.HUNT;
            openFrame(sink);
            frame = new byte[EncryptedFrame.HEADER_BYTES];
        }
        return i;
    }

    /** A whole encrypted frame: one telegram out, or one {@code encrypted} rejection saying why not. */
    private void openFrame(Consumer<? super Framed> sink) {
        long at = telegramStart;
        if (keys == null) {
            sink.accept(new Rejected(Rejected.Reason.ENCRYPTED, "the frame at byte " + at + " is encrypted (0xDB,"
                    + " AES-128-GCM) and no key was given: set P1_DECRYPTION_KEY or --key", at));
            return;
        }
        long counter = EncryptedFrame.frameCounter(frame);
        byte[] plain = EncryptedFrame.decrypt(frame, keys);
        if (plain == null) {
            sink.accept(new Rejected(Rejected.Reason.ENCRYPTED, "the encrypted frame at byte " + at + " does not"
                    + " verify: a wrong decryption or authentication key, or a damaged frame", at));
            return;
        }
        if (counter <= lastFrameCounter) {
            sink.accept(new Rejected(Rejected.Reason.ENCRYPTED, "the encrypted frame at byte " + at + " has frame"
                    + " counter " + counter + ", not after " + lastFrameCounter + ": a replay", at));
            return;
        }
        lastFrameCounter = counter;
        TelegramFramer inner = new TelegramFramer(true, maxTelegramBytes);
        Consumer<Framed> relocated = f -> sink.accept(f instanceof Telegram t
                ? new Telegram(t.text(), t.crcChecked(), at)
                : new Rejected(((Rejected) f).reason(), "in the encrypted frame at byte " + at + ": "
                        + ((Rejected) f).detail(), at));
        inner.feed(plain, 0, plain.length, relocated);
        inner.end(relocated);
    }

    /**
     * On an encrypted port a '/' inside ciphertext can start a false telegram: the next 0xDB may
     * then be a real frame, so hunting starts again there instead of skipping to the next '/'.
     */
    private boolean resync(byte[] chunk, int i) {
        if (keys == null || (chunk[i] & 0xFF) != EncryptedFrame.START) return false;
        state = State.HUNT;
        return true;
    }

    private int skip(byte[] chunk, int i, int end) {
        for (; i < end; i++) {
            if (chunk[i] == '/' || resync(chunk, i)) {
                state = State.HUNT;
                return i;
            }
        }
        return i;
    }

    private void flushNoise(Consumer<? super Framed> sink) {
        if (noiseBytes == 0) return;
        sink.accept(noiseHasEnd
                ? new Rejected(Rejected.Reason.INCOMPLETE, noiseBytes + " bytes from byte " + noiseStart
                        + " end in '!' but began before the stream did: the tail of a telegram", noiseStart)
                : new Rejected(Rejected.Reason.MALFORMED, noiseBytes + " bytes of noise outside any telegram from byte "
                        + noiseStart, noiseStart));
        noiseBytes = 0;
        noiseHasEnd = false;
    }
}
