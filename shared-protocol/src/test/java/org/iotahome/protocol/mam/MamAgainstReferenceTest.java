package org.iotahome.protocol.mam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both directions against the golden vectors of @iota/mam@0.7.3: we read what it wrote, and for
 * the same seed, state and message we write the same payload trytes (nonce search order, header,
 * roots, masking, signature, siblings and padding included).
 */
class MamAgainstReferenceTest {

    static List<MamVector> vectors() {
        return MamVector.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void readsWhatTheReferenceClientWrote(MamVector v) throws MamException {
        DecodedMessage m = MamDecoder.decode(v.payload(), v.root(), v.key());
        assertThat(m.message()).isEqualTo(v.message());
        assertThat(m.nextRoot()).isEqualTo(v.nextRoot());
        assertThat(m.index()).isEqualTo(v.index());
        assertThat(m.security()).isEqualTo(v.security());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void writesTheReferencePayloadForTheSameStateAndMessage(MamVector v) throws MamException {
        MamChannel channel = MamChannel.open(v.seed(), v.mamMode(), v.sideKey() == null ? SideKey.NONE : new SideKey(v.sideKey()),
                v.security(), v.start(), v.count());
        for (int i = 0; i < v.index(); i++) channel = channel.create("").next();
        assertThat(channel.root()).as("root").isEqualTo(v.root());
        assertThat(channel.address()).as("address").isEqualTo(v.address());

        MamChannel.Created created = channel.create(v.message());
        assertThat(created.message().payload()).isEqualTo(v.payload());
        assertThat(created.message().nextRoot()).isEqualTo(v.nextRoot());
    }
}
