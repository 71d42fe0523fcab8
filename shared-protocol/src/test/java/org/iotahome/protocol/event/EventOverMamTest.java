package org.iotahome.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamDecoder;
import org.iotahome.protocol.mam.MamException;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.protocol.trinary.AsciiTrytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every channel event through the codec and a restricted MAM channel, and back (PROTOCOL.md §7). */
class EventOverMamTest {

    private static final SideKey KEY = new SideKey("CONSENT9KEY");

    @ParameterizedTest
    @MethodSource("org.iotahome.protocol.event.EventCodecTest#everyEvent")
    void everyEventSurvivesARestrictedChannel(ChannelEvent event) throws MamException {
        MamChannel channel = MamChannel.open("S".repeat(81), MamMode.RESTRICTED, KEY, 2);
        MamChannel.Created created = channel.create(AsciiTrytes.toTrytes(EventCodec.write(event)));
        String json = AsciiTrytes.fromTrytes(
                MamDecoder.decode(created.message().payload(), created.message().root(), KEY).message());
        assertThat(EventCodec.read(json)).isEqualTo(event);
        assertThatThrownBy(() -> MamDecoder.decode(created.message().payload(), created.message().root(), new SideKey("OTHER")))
                .isInstanceOf(MamException.class);
    }
}
