package org.iotahome.protocol.message;

/**
 * Device → provider: where to read the device's data ({@code mamData}: the device channel's next
 * root and side key) and its consent history ({@code consent}: the consent channel from the
 * provider's AUTHORIZED event on), each value an envelope to the provider (PROTOCOL.md §3, §6).
 */
public record MamData(SealedChannelKey mamData, SealedChannelKey consent) implements DirectMessage {

    public static final String TYPE = "MAM_DATA";

    public MamData {
        if (mamData == null) throw new IllegalArgumentException("MAM_DATA needs mamData");
        if (consent == null) throw new IllegalArgumentException("MAM_DATA needs consent");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
