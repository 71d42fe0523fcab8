package org.iotahome.protocol.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.iotahome.protocol.hash.Curl;
import org.iotahome.protocol.trinary.Trytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProofOfWorkTest {

    private static String randomTransaction(long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(2673);
        for (int i = 0; i < 2673; i++) sb.append(Trytes.ALPHABET.charAt(r.nextInt(27)));
        return sb.toString();
    }

    @ParameterizedTest(name = "mwm {0}")
    @ValueSource(ints = {1, 5, 9, 11})
    void nativeEngineFindsANonceThatMeetsTheWeight(int mwm) {
        assertMeetsWeight(ProofOfWork.create(2), mwm);
    }

    @ParameterizedTest(name = "mwm {0}")
    @ValueSource(ints = {1, 5, 9, 11})
    void vectorEngineFindsANonceThatMeetsTheWeight(int mwm) {
        assertMeetsWeight(ProofOfWork.jvm(2), mwm);
    }

    @ParameterizedTest(name = "mwm {0}")
    @ValueSource(ints = {1, 5, 9, 11})
    void portableEngineFindsANonceThatMeetsTheWeight(int mwm) {
        assertMeetsWeight(ProofOfWork.portable(2), mwm);
    }

    @Test
    void onlyTheNonceChanges() {
        String tx = randomTransaction(99);
        String done = ProofOfWork.create(1).attach(tx, 7);
        assertThat(done.substring(0, 2646)).isEqualTo(tx.substring(0, 2646));
    }

    @Test
    void theFastestEngineIsChosen() {
        // This build compiles the C engine (x86-64 Linux with gcc, as CI is); tests add the Vector API.
        assertThat(ProofOfWork.create(2).engine()).startsWith("native");
        assertThat(ProofOfWork.jvm(2).engine()).startsWith("vector");
        assertThat(ProofOfWork.portable(1).engine()).isEqualTo("scalar64x1");
    }

    @Test
    void refusesWhatIsNoTransaction() {
        assertThatThrownBy(() -> ProofOfWork.create(1).attach("ABC", 9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2673 trytes");
        assertThatThrownBy(() -> ProofOfWork.create(1).attach(randomTransaction(1), 244))
                .hasMessageContaining("0..243");
    }

    private static void assertMeetsWeight(ProofOfWork pow, int mwm) {
        for (int i = 0; i < 4; i++) {
            String done = pow.attach(randomTransaction(mwm * 100L + i), mwm);
            byte[] hash = Curl.hash81(Trytes.toTrits(done));
            assertThat(ProofOfWork.weight(hash)).as("weight of %s", Trytes.fromTrits(hash)).isGreaterThanOrEqualTo(mwm);
        }
    }
}
