package org.iotahome.provider.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.iotahome.protocol.storage.AtomicFile;

/**
 * The staff dashboard's one login: a name and a password, kept only as a bcrypt hash in memory. The
 * password is the operator's ({@code PROVIDER_STAFF_PASSWORD}) or, when none is given, generated once
 * (128 random bits) into an owner-only file the operator reads; it is never logged.
 */
public final class StaffPassword {

    public static final String FILE = "staff-password";
    private static final int COST = 10;

    private final String user;
    private final String hash;

    private StaffPassword(String user, String hash) {
        this.user = user;
        this.hash = hash;
    }

    /** The given password, or the one in {@code dataDir/staff-password}, created there when missing. */
    public static StaffPassword load(String user, Optional<String> given, Path dataDir, SecureRandom random) throws IOException {
        String password = given.filter(p -> !p.isBlank()).orElse(null);
        if (password == null) {
            Path file = dataDir.resolve(FILE);
            if (!Files.exists(file)) {
                byte[] bits = new byte[16];
                random.nextBytes(bits);
                AtomicFile.write(file, (Base64.getUrlEncoder().withoutPadding().encodeToString(bits) + "\n")
                        .getBytes(StandardCharsets.US_ASCII), true);
            }
            password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new StaffPassword(user, OpenBSDBCrypt.generate(password.toCharArray(), salt, COST));
    }

    /** Whether {@code name} and {@code password} are the staff login (bcrypt, so a guess costs what a login does). */
    public boolean matches(String name, char[] password) {
        return user.equals(name) && OpenBSDBCrypt.checkPassword(hash, password);
    }

    public String user() {
        return user;
    }

    @Override
    public String toString() {
        return "StaffPassword[user=" + user + "]";
    }
}
