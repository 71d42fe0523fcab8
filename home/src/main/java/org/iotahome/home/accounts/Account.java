package org.iotahome.home.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A household's account (STYLE.md, "A service at production grade"): Quarkus security reads it
 * for form login; the password is a bcrypt hash. Each account is one household with its own seed
 * and household channel key (PROTOCOL.md §7), made at sign-up.
 */
@Entity
@Table(name = "account")
@UserDefinition
public class Account extends PanacheEntity {

    public static final String ROLE = "household";

    @Username
    @Column(nullable = false, unique = true, length = 64)
    public String username;

    /** bcrypt, in Modular Crypt Format. */
    @Password
    @Column(nullable = false, length = 100)
    public String password;

    @Roles
    @Column(nullable = false, length = 32)
    public String role;

    /** The household's seed: everything it publishes derives from it. A secret: never logged or shown. */
    @Column(nullable = false, length = 81)
    public String seed;

    @Column(name = "household_key", nullable = false, length = 81)
    public String householdKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Account> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /** Never the seed or keys: entities end up in logs. */
    @Override
    public String toString() {
        return "Account[" + id + ", " + username + "]";
    }
}
