package org.iotahome.protocol.tangle;

import static org.assertj.core.api.Assertions.assertThat;

import org.iotahome.protocol.pow.ProofOfWork;
import org.junit.jupiter.api.Test;

class TransactionCheckTest {

    private static final String UNATTACHED =
            MessageBundle.build("A".repeat(81), "TAG", "{\"a\":1}", 1_700_000_000L).get(0).toTrytes();

    @Test
    void acceptsATransactionWhosePowMeetsTheWeight() {
        String attached = ProofOfWork.create(1).attach(UNATTACHED, 5);

        TransactionCheck.Checked c = new TransactionCheck(5).check(attached);

        assertThat(c).isInstanceOfSatisfying(TransactionCheck.Accepted.class,
                a -> assertThat(a.hash()).isEqualTo(a.transaction().hash()).endsWith("9"));
    }

    @Test
    void refusesPowBelowTheNodesWeight() {
        assertThat(new TransactionCheck(14).check(UNATTACHED)).isInstanceOfSatisfying(TransactionCheck.Refused.class,
                r -> assertThat(r.reason()).contains("needs 14"));
    }

    @Test
    void refusesAWrongLengthAndNonTrytes() {
        TransactionCheck check = new TransactionCheck(0);
        assertThat(check.check(UNATTACHED.substring(1))).isInstanceOfSatisfying(TransactionCheck.Refused.class,
                r -> assertThat(r.reason()).contains("2673 trytes, got 2672"));
        assertThat(check.check("a" + UNATTACHED.substring(1))).isInstanceOfSatisfying(TransactionCheck.Refused.class,
                r -> assertThat(r.reason()).contains("must be trytes"));
        assertThat(check.check(null)).isInstanceOf(TransactionCheck.Refused.class);
    }
}
