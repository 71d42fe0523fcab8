package org.iotahome.device.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.iotahome.protocol.tangle.NodeRefusedException;

/**
 * What the device last heard from its node: whether the last call was answered, the last problem
 * and the last attach's latency (telegram-to-Tangle time is mostly this: the node's proof of work).
 * A refusal (4xx) is an answer: the node is there, the request was wrong or too broad.
 */
public final class NodeStatus implements TangleObserver {

    public record Snapshot(boolean reachable, String problem, Instant lastAnswer, Duration lastAttach, long attaches) {}

    private final Clock clock;
    private boolean reachable = true;
    private String problem;
    private Instant lastAnswer;
    private Duration lastAttach;
    private long attaches;

    public NodeStatus(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void answered() {
        reachable = true;
        problem = null;
        lastAnswer = clock.instant();
    }

    @Override
    public synchronized void attached(Duration latency) {
        answered();
        lastAttach = latency;
        attaches++;
    }

    @Override
    public synchronized void failed(Throwable e) {
        reachable = e instanceof NodeRefusedException;
        if (reachable) lastAnswer = clock.instant();
        problem = StreamHealth.describe(e);
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(reachable, problem, lastAnswer, lastAttach, attaches);
    }
}
