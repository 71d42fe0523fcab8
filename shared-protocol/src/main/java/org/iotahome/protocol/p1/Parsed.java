package org.iotahome.protocol.p1;

/** What the {@link TelegramParser} makes of a telegram: a reading, or why it is none. */
public sealed interface Parsed permits Reading, Rejected {
}
