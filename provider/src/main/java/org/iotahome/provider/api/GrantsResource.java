package org.iotahome.provider.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.iotahome.provider.inbox.Grant;
import org.iotahome.provider.inbox.GrantStore;
import org.iotahome.provider.readings.ReadingStore;

/** {@code GET /api/grants}: every grant with its status and how many readings it gave; never a side key. */
@Path("/api/grants")
public class GrantsResource {

    /**
     * One grant as the API shows it: the device root whole (to ask for readings) and abbreviated (to
     * show); {@code expiresAt} when the household's consent ends by itself, {@code endedAt} when it
     * was revoked or expired (ms since the epoch, null when none).
     */
    public record GrantView(String device, String deviceAbbreviated, String status, long receivedAt, Long expiresAt, Long endedAt,
            int readings) {}

    @Inject
    GrantStore grants;

    @Inject
    ReadingStore readings;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<GrantView> list() {
        return grants.all().stream()
                .map(g -> new GrantView(g.deviceRoot(), g.deviceRoot().substring(0, 9) + "…", status(g), g.receivedAt(),
                        nullable(g.expiresAt()), nullable(g.revokedAt()), readings.count(g.deviceRoot())))
                .toList();
    }

    private static Long nullable(java.util.OptionalLong millis) {
        return millis.isPresent() ? millis.getAsLong() : null;
    }

    /** active, pending (not yet confirmed by its consent channel), revoked or expired. */
    private static String status(Grant g) {
        return g.status().name().toLowerCase(java.util.Locale.ROOT);
    }
}
