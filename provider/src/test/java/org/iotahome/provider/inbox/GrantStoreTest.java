package org.iotahome.provider.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.iotahome.protocol.mam.SideKey;
import org.iotahome.provider.database.Roots;
import org.iotahome.provider.flow.FreshDataDir;
import org.junit.jupiter.api.Test;

/** The grants' part of the store contract, on the default store (H2); {@link GrantStoreOnPostgresTest} runs it on PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class GrantStoreTest {

    @Inject
    DataSource dataSource;

    /** The database product this variant must be talking to, as its JDBC driver names it. */
    String expectedProduct() {
        return "H2";
    }

    @Test
    void runsOnTheStoreItNames() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo(expectedProduct());
        }
    }

    private static GrantStore at(long millis) {
        return new GrantStore(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }

    private static Grant grant(String root, long receivedAt, Grant.Status status) {
        return new Grant(root, new SideKey("DEVICE9KEY"), "C".repeat(81), new SideKey("CONSENT9KEY"), receivedAt, status);
    }

    @Test
    void aSavedGrantIsReadBackByANewStoreOldestFirst() {
        String b = Roots.random();
        String a = Roots.random();
        at(0).save(grant(b, 2, Grant.Status.ACTIVE));
        at(0).save(grant(a, 5, Grant.Status.ACTIVE));
        assertThat(at(0).all()).filteredOn(g -> g.deviceRoot().equals(a) || g.deviceRoot().equals(b))
                .containsExactly(grant(b, 2, Grant.Status.ACTIVE), grant(a, 5, Grant.Status.ACTIVE));
        assertThat(at(0).get(a)).contains(grant(a, 5, Grant.Status.ACTIVE));
    }

    @Test
    void savingAgainReplacesTheGrantAndKeepsItsConfirmationTime() {
        String root = Roots.random();
        Grant pending = grant(root, 1, Grant.Status.PENDING);
        at(0).save(pending);
        at(0).save(pending.confirmed(1_000));
        Grant read = at(0).get(root).orElseThrow();
        assertThat(read.status()).isEqualTo(Grant.Status.ACTIVE);
        assertThat(read.confirmedAt()).isEqualTo(OptionalLong.of(1_000));
        assertThat(read.revokedAt()).isEmpty();
    }

    @Test
    void aRevocationIsTimedByTheStoresClockAndKeepsTheFirstTime() {
        String root = Roots.random();
        at(0).save(grant(root, 1, Grant.Status.PENDING).confirmed(1_000));
        assertThat(at(2_000).revoke(root)).isTrue();
        assertThat(at(3_000).revoke(root)).isTrue();
        assertThat(at(0).revoke(Roots.random())).isFalse();
        Grant read = at(0).get(root).orElseThrow();
        assertThat(read.status()).isEqualTo(Grant.Status.REVOKED);
        assertThat(read.confirmedAt()).isEqualTo(OptionalLong.of(1_000));
        assertThat(read.revokedAt()).isEqualTo(OptionalLong.of(2_000));
        assertThat(read.deviceSideKey()).isEqualTo(new SideKey("DEVICE9KEY"));
    }

    @Test
    void aGrantWithAnEndDateKeepsItAndExpiresAsOfThatDateThenStaysExpired() {
        String root = Roots.random();
        at(0).save(grant(root, 1, Grant.Status.PENDING).confirmed(1_000, OptionalLong.of(5_000)));
        assertThat(at(0).get(root).orElseThrow().expiresAt()).isEqualTo(OptionalLong.of(5_000));

        assertThat(at(7_000).expire(root)).isTrue();
        assertThat(at(8_000).revoke(root)).as("the device's rotation after expiry").isTrue();
        Grant read = at(0).get(root).orElseThrow();
        assertThat(read.status()).isEqualTo(Grant.Status.EXPIRED);
        assertThat(read.revokedAt()).as("ended at its end date, however late noticed").isEqualTo(OptionalLong.of(5_000));
        assertThat(at(9_000).expire(root)).isFalse();
        assertThat(at(9_000).expire(Roots.random())).isFalse();
    }

    @Test
    void aRevokedOrOpenEndedGrantDoesNotExpire() {
        String revoked = Roots.random();
        at(0).save(grant(revoked, 1, Grant.Status.PENDING).confirmed(1_000, OptionalLong.of(5_000)));
        at(2_000).revoke(revoked);
        assertThat(at(6_000).expire(revoked)).isFalse();
        assertThat(at(0).get(revoked).orElseThrow().status()).isEqualTo(Grant.Status.REVOKED);

        String open = Roots.random();
        at(0).save(grant(open, 1, Grant.Status.PENDING).confirmed(1_000));
        assertThat(at(6_000).expire(open)).isFalse();
        assertThat(at(0).get(open).orElseThrow().status()).isEqualTo(Grant.Status.ACTIVE);
    }

    @Test
    void grantsAreListedByStatusAndAForgottenOneIsGone() {
        String pending = Roots.random();
        String active = Roots.random();
        at(0).save(grant(pending, 1, Grant.Status.PENDING));
        at(0).save(grant(active, 1, Grant.Status.ACTIVE));
        assertThat(at(0).withStatus(Grant.Status.PENDING)).extracting(Grant::deviceRoot).contains(pending).doesNotContain(active);
        assertThat(at(0).withStatus(Grant.Status.ACTIVE)).extracting(Grant::deviceRoot).contains(active).doesNotContain(pending);
        at(0).delete(pending);
        assertThat(at(0).get(pending)).isEmpty();
        assertThat(at(0).withStatus(Grant.Status.PENDING)).extracting(Grant::deviceRoot).doesNotContain(pending);
    }

    @Test
    void anUnknownRootHoldsNoGrant() {
        assertThat(at(0).get(Roots.random())).isEmpty();
    }
}
