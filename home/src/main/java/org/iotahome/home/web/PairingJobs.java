package org.iotahome.home.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.iotahome.home.household.Households;
import org.iotahome.home.pairing.PairingOutcome;
import org.iotahome.home.pairing.PairingStep;
import org.iotahome.protocol.pairing.PairingText;
import org.jboss.logging.Logger;

/**
 * Pairing as a background job (one per attempt): the form starts it and the progress page reads
 * it. Jobs run on their own threads (an attempt waits minutes for the device), each household's
 * attempts one after another (its pairing client is one at a time), several households at once.
 * At most {@link #CAPACITY} jobs are remembered, the oldest finished ones forgotten first.
 */
@ApplicationScoped
public class PairingJobs {

    private static final Logger LOG = Logger.getLogger(PairingJobs.class);
    static final int CAPACITY = 1000;

    /** One attempt as the progress page sees it. */
    public static final class Job {
        final String id;
        final long account;
        final String device;
        private final List<PairingStep> reached = new ArrayList<>();
        private PairingOutcome outcome;
        private String failure;

        Job(String id, long account, String device) {
            this.id = id;
            this.account = account;
            this.device = device;
        }

        synchronized void reached(PairingStep step) {
            if (!reached.contains(step)) reached.add(step);
        }

        synchronized void finish(PairingOutcome outcome, String failure) {
            this.outcome = outcome;
            this.failure = failure;
        }

        public synchronized List<PairingStep> reached() {
            return List.copyOf(reached);
        }

        public synchronized Optional<PairingOutcome> outcome() {
            return Optional.ofNullable(outcome);
        }

        public synchronized Optional<String> failure() {
            return Optional.ofNullable(failure);
        }

        public synchronized boolean done() {
            return outcome != null || failure != null;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pairing-job");
        t.setDaemon(true);
        return t;
    });

    /** Starts an attempt, or gives the household's attempt still running (one at a time per household). */
    public Job start(long account, Households.Home home, PairingText text) {
        synchronized (this) {
            for (Job j : jobs.values()) if (j.account == account && !j.done()) return j;
        }
        byte[] id = new byte[12];
        random.nextBytes(id);
        Job job = new Job(HexFormat.of().formatHex(id), account, text.address().trytes());
        remember(job);
        threads.execute(() -> {
            try {
                job.finish(home.pairing().pair(text, job::reached), null);
            } catch (Exception e) {
                LOG.warnf("pairing with %s failed: %s", text.address(), e.getMessage());
                job.finish(null, e instanceof InterruptedException ? "stopped" : e.getMessage());
            }
        });
        return job;
    }

    /** The job, only for the account that started it. */
    public synchronized Optional<Job> get(String id, long account) {
        Job j = jobs.get(id);
        return j != null && j.account == account ? Optional.of(j) : Optional.empty();
    }

    private synchronized void remember(Job job) {
        Iterator<Job> oldest = jobs.values().iterator();
        while (jobs.size() >= CAPACITY && oldest.hasNext()) {
            if (oldest.next().done()) oldest.remove();
        }
        jobs.put(job.id, job);
    }
}
