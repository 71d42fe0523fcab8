package org.iotahome.provider.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.iotahome.protocol.trinary.Trytes;
import org.iotahome.provider.database.UniqueViolation;

/**
 * Grants in the database (V1__grants.sql), one row per device channel root, each change its own
 * transaction. The side keys read the device's data: the database is as secret as the seed.
 */
public final class GrantStore {

    private static final Sort OLDEST_FIRST = Sort.by("receivedAt").and("deviceRoot");

    private final Clock clock;

    /** {@code clock} times revocations. */
    public GrantStore(Clock clock) {
        this.clock = clock;
    }

    /** Stores the grant, replacing one with the same device root. */
    public void save(Grant grant) {
        try {
            QuarkusTransaction.requiringNew().run(() -> upsert(grant));
        } catch (RuntimeException e) {
            // Another replica inserted the same grant in between: it is there now, so replace it.
            if (!UniqueViolation.causes(e)) throw e;
            QuarkusTransaction.requiringNew().run(() -> upsert(grant));
        }
    }

    public Optional<Grant> get(String deviceRoot) {
        Trytes.requireTrytes("device channel root", deviceRoot, 81);
        return QuarkusTransaction.joiningExisting().call(() -> GrantRow.<GrantRow>findByIdOptional(deviceRoot).map(GrantRow::grant));
    }

    /** Every grant, oldest first. */
    public List<Grant> all() {
        return QuarkusTransaction.joiningExisting().call(() -> GrantRow.<GrantRow>findAll(OLDEST_FIRST).stream().map(GrantRow::grant).toList());
    }

    /** The grants in one status, oldest first. */
    public List<Grant> withStatus(Grant.Status status) {
        return QuarkusTransaction.joiningExisting().call(() -> GrantRow.<GrantRow>find("status", OLDEST_FIRST, status).stream()
                .map(GrantRow::grant).toList());
    }

    /** Forgets a grant (a pending one that was never confirmed). */
    public void delete(String deviceRoot) {
        Trytes.requireTrytes("device channel root", deviceRoot, 81);
        QuarkusTransaction.requiringNew().run(() -> GrantRow.deleteById(deviceRoot));
    }

    /** Marks the grant revoked now (a grant revoked already keeps its first time); false when there is no grant at that root. */
    public boolean revoke(String deviceRoot) {
        Trytes.requireTrytes("device channel root", deviceRoot, 81);
        return QuarkusTransaction.requiringNew().call(() -> {
            // locked: the device channel's and the consent channel's followers may both revoke at once
            GrantRow row = GrantRow.findById(deviceRoot, LockModeType.PESSIMISTIC_WRITE);
            if (row == null) return false;
            row.set(row.grant().revoked(clock.millis()));
            return true;
        });
    }

    /**
     * Marks an active grant expired as of its end date; false when there is no such grant or it has
     * end date, the date is still to come, or it ended already (revoked first, it stays revoked).
     */
    public boolean expire(String deviceRoot) {
        Trytes.requireTrytes("device channel root", deviceRoot, 81);
        return QuarkusTransaction.requiringNew().call(() -> {
            GrantRow row = GrantRow.findById(deviceRoot, LockModeType.PESSIMISTIC_WRITE);
            if (row == null) return false;
            Grant grant = row.grant();
            if (!grant.active() || grant.expiresAt().isEmpty()) return false;
            row.set(grant.expired());
            return true;
        });
    }

    private static void upsert(Grant grant) {
        GrantRow row = GrantRow.findById(grant.deviceRoot());
        if (row == null) {
            row = new GrantRow();
            row.set(grant);
            row.persistAndFlush(); // a concurrent insert fails here, inside the transaction, as a unique violation
        } else {
            row.set(grant);
        }
    }
}
