package org.iotahome.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.iotahome.protocol.pow.ProofOfWork;
import org.iotahome.protocol.tangle.Attacher;
import org.iotahome.protocol.tangle.BundleAssembler;
import org.iotahome.protocol.tangle.BundleValidator;
import org.iotahome.protocol.tangle.JsonFragments;
import org.iotahome.protocol.tangle.MessageBundle;
import org.iotahome.protocol.tangle.Transaction;
import org.junit.jupiter.api.Test;

/** Every message type through the whole wire path: codec, fragments, bundle, PoW, and back. */
class DirectMessageOverTheTangleTest {

    private static final String DEVICE = "DEVICE9".repeat(11) + "DEVI";
    private static final String TIP = "9".repeat(81);

    @Test
    void everyMessageSurvivesTheTangle() {
        Attacher attacher = new Attacher(ProofOfWork.create(), System::currentTimeMillis);
        List<DirectMessage> sent = MessageCodecTest.everyMessage().toList();
        List<Transaction> atAddress = new ArrayList<>();
        for (DirectMessage m : sent) {
            List<Transaction> bundle = MessageBundle.build(DEVICE, "IOTAHOME", MessageCodec.write(m), 1_700_000_000L);
            attacher.attach(TIP, TIP, 1, Attacher.lastFirst(bundle)).forEach(t -> atAddress.add(Transaction.fromTrytes(t)));
        }
        List<DirectMessage> received = new ArrayList<>();
        for (List<Transaction> bundle : BundleAssembler.complete(atAddress)) {
            assertThat(BundleValidator.attached(1).problem(bundle)).isNull();
            received.add(MessageCodec.read(JsonFragments.extract(bundle.stream().map(Transaction::signatureMessageFragment).toList())));
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    }
}
