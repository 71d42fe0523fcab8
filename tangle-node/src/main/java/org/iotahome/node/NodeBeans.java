package org.iotahome.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.Random;
import org.iotahome.node.api.IriCommands;
import org.iotahome.node.pow.PowQueue;
import org.iotahome.node.store.TipSelector;
import org.iotahome.node.store.TransactionStore;
import org.iotahome.protocol.pow.ProofOfWork;
import org.iotahome.protocol.tangle.Attacher;
import org.iotahome.protocol.tangle.TransactionCheck;
import org.jboss.logging.Logger;

/** Makes the domain objects the node runs on; the only place that knows how they fit together. */
public class NodeBeans {

    private static final Logger LOG = Logger.getLogger(NodeBeans.class);

    @Produces
    @ApplicationScoped
    @Startup
    TransactionStore store(NodeConfig config) {
        TransactionStore store = TransactionStore.open(config.dataDir());
        LOG.infof("tangle store %s: %d transactions, %d tips; min weight magnitude %d", config.dataDir().toAbsolutePath(),
                store.size(), store.tipCount(), config.minWeightMagnitude());
        return store;
    }

    void close(@Disposes TransactionStore store) {
        store.close();
    }

    @Produces
    @ApplicationScoped
    PowQueue powQueue(NodeConfig config) {
        ProofOfWork pow = ProofOfWork.create();
        LOG.infof("proof of work: %s, %d worker(s), queue %d", pow.engine(), config.pow().workers(), config.pow().queue());
        return new PowQueue(new Attacher(pow, System::currentTimeMillis)::attach, config.pow().workers(), config.pow().queue());
    }

    void close(@Disposes PowQueue queue) {
        queue.close();
    }

    @Produces
    @ApplicationScoped
    IriCommands commands(ObjectMapper json, TransactionStore store, PowQueue pow, NodeConfig config) {
        return new IriCommands(json, store, new TipSelector(store, new Random()), pow,
                new TransactionCheck(config.minWeightMagnitude()), config.maxFindResults());
    }
}
