package org.iotahome.protocol.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bit-sliced Curl against the plain one-trit-per-byte transform (the textbook definition,
 * written out here), through every entry point: odd absorb lengths, long squeezes, state round
 * trips and copies.
 */
class CurlBitSlicedTest {

    private static final byte[] TRUTH_TABLE = {1, 0, -1, 2, 1, -1, 0, 2, -1, 1, 0};

    /** The definition: trit i of a round is S(state[364·i], state[364·(i+1)]), indexes mod 729. */
    private static void plainTransform(byte[] state, int rounds) {
        byte[] next = new byte[state.length];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < 729; i++) {
                int a = state[(int) (364L * i % 729)];
                int b = state[(int) (364L * (i + 1) % 729)];
                next[i] = TRUTH_TABLE[a + (b << 2) + 5];
            }
            System.arraycopy(next, 0, state, 0, 729);
        }
    }

    private static byte[] randomTrits(Random random, int n) {
        byte[] t = new byte[n];
        for (int i = 0; i < n; i++) t[i] = (byte) (random.nextInt(3) - 1);
        return t;
    }

    @Test
    void stateRoundTripsAndOneTransformMatchesTheDefinition() {
        Random random = new Random(1);
        for (int rounds : new int[] {27, 81}) {
            for (int k = 0; k < 20; k++) {
                byte[] state = randomTrits(random, 729);
                Curl curl = (rounds == 27 ? Curl.p27() : Curl.p81()).withState(state);
                assertThat(curl.state()).isEqualTo(state);
                byte[] chunk = randomTrits(random, 1 + random.nextInt(243));
                curl.absorb(chunk);
                System.arraycopy(chunk, 0, state, 0, chunk.length);
                plainTransform(state, rounds);
                assertThat(curl.state()).isEqualTo(state);
            }
        }
    }

    @Test
    void longAbsorbsAndSqueezesMatchTheDefinition() {
        Random random = new Random(2);
        for (int k = 0; k < 10; k++) {
            byte[] in = randomTrits(random, 1 + random.nextInt(1500));
            byte[] state = new byte[729];
            for (int off = 0; off < in.length; off += 243) {
                int n = Math.min(243, in.length - off);
                System.arraycopy(in, off, state, 0, n);
                plainTransform(state, 27);
            }
            int outLength = 1 + random.nextInt(1000);
            byte[] expected = new byte[outLength];
            for (int off = 0; off < outLength; off += 243) {
                int n = Math.min(243, outLength - off);
                System.arraycopy(state, 0, expected, off, n);
                plainTransform(state, 27);
            }
            Curl curl = Curl.p27();
            curl.absorb(in);
            assertThat(curl.squeeze(outLength)).isEqualTo(expected);
            assertThat(curl.state()).as("the squeeze's transform runs before the state is read").isEqualTo(state);
        }
    }

    @Test
    void aOneChunkHashMatchesTheDefinitionForBothRoundCounts() {
        Random random = new Random(4);
        for (int rounds : new int[] {27, 81}) {
            for (int k = 0; k < 10; k++) {
                byte[] chunk = randomTrits(random, 243);
                byte[] state = new byte[729];
                System.arraycopy(chunk, 0, state, 0, 243);
                plainTransform(state, rounds);
                Curl curl = rounds == 27 ? Curl.p27() : Curl.p81();
                curl.absorb(chunk);
                byte[] rate = new byte[243];
                curl.peek(rate, 0, 243);
                assertThat(rate).isEqualTo(java.util.Arrays.copyOf(state, 243));
                assertThat(curl.squeeze(243)).isEqualTo(rate);
                curl.reset();
                curl.absorb(chunk);
                assertThat(curl.squeeze(243)).as("the same after a reset").isEqualTo(rate);
            }
        }
    }

    @Test
    void aCopyGoesOnIndependently() {
        Random random = new Random(3);
        Curl curl = Curl.p27();
        curl.absorb(randomTrits(random, 300));
        curl.squeeze(10);
        Curl copy = curl.copy();
        byte[] more = randomTrits(random, 81);
        copy.absorb(more);
        Curl again = curl.copy();
        again.absorb(more);
        assertThat(copy.state()).isEqualTo(again.state()).isNotEqualTo(curl.state());
    }
    @Test
    void aChunkHashedInItsBitPlanesIsWhatResetAbsorbSqueezeRepeatedGives() {
        Random random = new Random(3);
        for (int rounds : new int[] {27, 81}) {
            for (int times = 0; times <= 40; times++) {
                byte[] start = randomTrits(random, 243 + 10);
                Curl slow = rounds == 27 ? Curl.p27() : Curl.p81();
                byte[] expected = start.clone();
                for (int k = 0; k < times; k++) {
                    slow.reset();
                    slow.absorb(expected, 5, 243);
                    slow.squeeze(expected, 5, 243);
                }
                Curl fast = rounds == 27 ? Curl.p27() : Curl.p81();
                fast.absorb(randomTrits(random, 300)); // a used sponge: hashChunk starts from a reset one
                byte[] actual = start.clone();
                fast.hashChunk(actual, 5, times);
                assertThat(actual).as("%d rounds, %d times", rounds, times).isEqualTo(expected);
                if (times > 0) {
                    // Left as the last squeeze leaves it: squeezing on gives the same trits.
                    assertThat(fast.squeeze(300)).isEqualTo(slow.squeeze(300));
                }
            }
        }
    }
}
