package org.iotahome.home.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.iotahome.home.accounts.Account;
import org.iotahome.home.accounts.SignUp;
import org.iotahome.home.household.ProjectionStore;
import org.iotahome.home.household.ProjectionStore.Cursor;
import org.iotahome.home.projection.JpaProjectionStore;
import org.junit.jupiter.api.Test;

/**
 * What My Home needs of its database, checked on every store it runs on (the embedded H2 file by
 * default, PostgreSQL when configured): the Flyway migrations apply, accounts keep their bcrypt hash
 * and household secrets, user names are unique, and the projection cache keeps each household's
 * channels apart, in order, with the cursor moved in the same step.
 */
abstract class StoreContract {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String CHANNEL = "C".repeat(81);
    private static final String OTHER_CHANNEL = "D".repeat(81);

    @Inject
    SignUp signUp;

    @Inject
    DataSource dataSource;

    /** The database product this variant must be talking to, as its JDBC driver names it. */
    abstract String expectedProduct();

    @Test
    void runsOnTheStoreItNames() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo(expectedProduct());
        }
    }

    private static String name() {
        return "contract" + NAMES.incrementAndGet() + "." + System.nanoTime();
    }

    @Test
    void anAccountKeepsItsHashAndHouseholdSecrets() {
        String name = name();
        Account made = signUp.create(name, "correct horse battery");
        Account read = QuarkusTransaction.requiringNew().call(() -> Account.byUsername(name).orElseThrow());
        assertThat(read.id).isEqualTo(made.id);
        assertThat(read.password).isNotEqualTo("correct horse battery").startsWith("$2");
        assertThat(BcryptUtil.matches("correct horse battery", read.password)).isTrue();
        assertThat(read.seed).hasSize(81).isEqualTo(made.seed);
        assertThat(read.householdKey).hasSize(81).isEqualTo(made.householdKey);
        assertThat(read.role).isEqualTo(Account.ROLE);
    }

    @Test
    void aUserNameIsTakenOnce() {
        String name = name();
        signUp.create(name, "correct horse battery");
        assertThat(signUp.problems(name, "another password", "another password")).anyMatch(p -> p.contains("taken"));
        assertThatThrownBy(() -> signUp.create(name, "another password")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void anEmptyCacheHasNoCursorAndNoEvents() {
        ProjectionStore store = new JpaProjectionStore(freshAccount());
        assertThat(store.cursor(CHANNEL)).isEmpty();
        assertThat(store.events(CHANNEL)).isEmpty();
    }

    @Test
    void appendsKeepChannelOrderAndMoveTheCursor() {
        ProjectionStore store = new JpaProjectionStore(freshAccount());
        store.append(CHANNEL, List.of("{\"n\":1}", "{\"n\":2}"), new Cursor("A".repeat(81), "K".repeat(81), 2));
        store.append(CHANNEL, List.of("{\"n\":3}"), new Cursor("B".repeat(81), "L".repeat(81), 3));
        store.append(CHANNEL, List.of(), new Cursor("E".repeat(81), "L".repeat(81), 3));

        assertThat(store.events(CHANNEL)).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
        assertThat(store.cursor(CHANNEL)).contains(new Cursor("E".repeat(81), "L".repeat(81), 3));
    }

    @Test
    void householdsAndChannelsStayApart() {
        ProjectionStore mine = new JpaProjectionStore(freshAccount());
        ProjectionStore theirs = new JpaProjectionStore(freshAccount());
        mine.append(CHANNEL, List.of("{\"mine\":1}"), new Cursor("A".repeat(81), "K".repeat(81), 1));
        mine.append(OTHER_CHANNEL, List.of("{\"other\":1}"), new Cursor("B".repeat(81), "K".repeat(81), 1));
        theirs.append(CHANNEL, List.of("{\"theirs\":1}"), new Cursor("F".repeat(81), "M".repeat(81), 1));

        assertThat(mine.events(CHANNEL)).containsExactly("{\"mine\":1}");
        assertThat(mine.events(OTHER_CHANNEL)).containsExactly("{\"other\":1}");
        assertThat(theirs.events(CHANNEL)).containsExactly("{\"theirs\":1}");
        assertThat(theirs.cursor(OTHER_CHANNEL)).isEmpty();
    }

    @Test
    void aLongEventFitsTheEventColumn() {
        // A DEVICE_ADDED or AUTHORIZED event with a 5,500-tryte public key is far past a varchar(255).
        String big = "{\"publicKeyTrytes\":\"" + "9".repeat(20_000) + "\"}";
        ProjectionStore store = new JpaProjectionStore(freshAccount());
        store.append(CHANNEL, List.of(big), new Cursor("A".repeat(81), "K".repeat(81), 1));
        assertThat(store.events(CHANNEL)).containsExactly(big);
    }

    private long freshAccount() {
        return signUp.create(name(), "correct horse battery").id;
    }
}
