package org.iotahome.protocol.p1;

/** What the {@link TelegramFramer} makes of a stretch of bytes: a whole telegram, or why not. */
public sealed interface Framed permits Telegram, Rejected {
}
