package org.iotahome.home.accounts;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.iotahome.protocol.trinary.RandomTrytes;

/** Makes a household's account: checks what the person typed, hashes the password, draws the household's seed and key. */
@ApplicationScoped
public class SignUp {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");
    static final int MIN_PASSWORD = 10;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    /** What is wrong with the request, in plain words; empty when an account can be made. */
    public List<String> problems(String username, String password, String repeated) {
        List<String> problems = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches())
            problems.add("Choose a user name of 3 to 64 lower-case letters, digits or . _ @ -");
        else if (Account.byUsername(username).isPresent()) problems.add("That user name is taken: choose another, or sign in.");
        if (password == null || password.length() < MIN_PASSWORD)
            problems.add("Choose a password of at least " + MIN_PASSWORD + " characters.");
        else if (password.length() > 200) problems.add("That password is too long (200 characters at most).");
        else if (!password.equals(repeated)) problems.add("The two passwords differ: type the same password twice.");
        return problems;
    }

    @Transactional
    public Account create(String username, String password) {
        Account a = new Account();
        a.username = username;
        a.password = BcryptUtil.bcryptHash(password);
        a.role = Account.ROLE;
        a.seed = RandomTrytes.of(random, 81);
        a.householdKey = RandomTrytes.of(random, 81);
        a.createdAt = clock.instant();
        a.persist();
        return a;
    }
}
