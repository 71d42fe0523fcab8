package org.iotahome.provider.readings;

/**
 * A DATA event read from a device channel, on its way to the store through the {@code readings}
 * channel: the channel, the MAM root it was read at (with the channel, its key in the store), and
 * the event as the channel carried it (EventCodec JSON).
 */
public record DataEvent(String deviceRoot, String messageRoot, String event) {}
