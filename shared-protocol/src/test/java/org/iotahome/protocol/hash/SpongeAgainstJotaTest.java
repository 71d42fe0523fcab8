package org.iotahome.protocol.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.iota.jota.pow.ICurl;
import org.iota.jota.pow.SpongeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our sponges against jota's independent implementation on random inputs of several lengths. */
class SpongeAgainstJotaTest {

    @ParameterizedTest(name = "{0} chunks")
    @ValueSource(ints = {1, 2, 3, 11, 33})
    void curl81AgreesWithJota(int chunks) {
        agree(Curl.p81(), SpongeFactory.create(SpongeFactory.Mode.CURL_P81), chunks, 243, 7);
    }

    @ParameterizedTest(name = "{0} chunks")
    @ValueSource(ints = {1, 2, 3, 11})
    void curl27AgreesWithJota(int chunks) {
        agree(Curl.p27(), SpongeFactory.create(SpongeFactory.Mode.CURL_P27), chunks, 243 * 3, 11);
    }

    @ParameterizedTest(name = "{0} chunks")
    @ValueSource(ints = {1, 2, 3, 11})
    void kerlAgreesWithJota(int chunks) {
        agree(new Kerl(), SpongeFactory.create(SpongeFactory.Mode.KERL), chunks, 243 * 2, 13);
    }

    private static void agree(Sponge ours, ICurl theirs, int chunks, int squeeze, long seed) {
        Random random = new Random(seed + chunks);
        for (int round = 0; round < 20; round++) {
            byte[] in = new byte[chunks * 243];
            int[] inInts = new int[in.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = (byte) (random.nextInt(3) - 1);
                inInts[i] = in[i];
            }
            ours.reset();
            theirs.reset();
            ours.absorb(in);
            theirs.absorb(inInts, 0, inInts.length);
            byte[] out = ours.squeeze(squeeze);
            int[] expected = new int[squeeze];
            theirs.squeeze(expected, 0, squeeze);
            for (int i = 0; i < squeeze; i++) assertThat(out[i]).as("trit %d round %d", i, round).isEqualTo((byte) expected[i]);
        }
    }
}
