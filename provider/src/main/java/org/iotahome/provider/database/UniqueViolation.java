package org.iotahome.provider.database;

import java.sql.SQLException;

/**
 * Whether a write failed because a unique key was already taken: SQLSTATE 23505 on H2 and on
 * PostgreSQL alike. The stores insert first and take this for "already there" (another replica, or
 * the same event again after a crash), so no database-specific upsert is needed.
 */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) return true;
            for (Throwable s : t.getSuppressed()) if (s != t && causes(s)) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}
