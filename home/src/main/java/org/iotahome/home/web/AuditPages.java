package org.iotahome.home.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.iotahome.home.household.AuditTrail;
import org.iotahome.protocol.event.AccessHistory;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.home.household.PairedDevice;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.tangle.Tangle;
import org.iotahome.protocol.tangle.TangleCursor;
import org.iotahome.protocol.tangle.Transaction;

/** Per device, its audit trail (every consent event, the bundle it sits in, a receipt for each consent) and who can read its data now. */
@Path("/devices/{address}/audit")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Duration LOOKUP = Duration.ofSeconds(10);

    @TemplateData
    public record LineView(String time, String type, String provider, String goal, String bundle, String receipt) {}

    @TemplateData
    public record ReaderView(String host, String goal, String since) {}

    @TemplateData
    public record PeriodView(String host, String goal, String from, String until, String ended) {}

    @Inject
    Template audit;

    @Inject
    CurrentHome home;

    @Inject
    Tangle tangle;

    @GET
    public TemplateInstance page(@PathParam("address") String address) throws IOException {
        PairedDevice device = home.device(address);
        AuditTrail trail = home.get().household().audit(device.device().iotaAddress());
        String base = "/devices/" + device.device().iotaAddress().trytes() + "/receipts/";
        List<LineView> lines = trail.lines().stream().map(l -> new LineView(time(l.timestamp()), l.type(), l.provider(), l.goal(),
                bundleAt(l.root()), l.type().equals(Authorized.TYPE) && !l.provider().isEmpty() ? base + l.root() : null)).toList();
        List<ReaderView> readers = trail.readers().stream()
                .map(r -> new ReaderView(r.provider().url().getHost(), r.goal(), time(r.since()))).toList();
        List<PeriodView> access = trail.access().stream().map(p -> new PeriodView(p.host(), p.goal(), time(p.from()),
                p.until().map(AuditPages::time).orElse("now"), p.ended().map(AuditPages::why).orElse("still allowed"))).toList();
        return audit.data("address", device.device().iotaAddress().trytes()).data("lines", lines).data("readers", readers)
                .data("access", access).data("user", home.username());
    }

    private static String why(AccessHistory.Ended ended) {
        return switch (ended) {
            case REVOKED -> "you revoked it";
            case DEVICE_DELETED -> "you deleted the device";
            case KEY_ROTATED_WITHOUT_IT -> "a key rotation left it out";
            case EXPIRED -> "your consent ends by itself";
        };
    }

    private static String time(long millis) {
        return TIME.format(Instant.ofEpochMilli(millis));
    }

    /** The hash of the bundle that carries the message at {@code root} (restricted channel: its address is a hash of the root). */
    private String bundleAt(String root) {
        try {
            List<List<Transaction>> bundles = tangle.bundlesSince(MamMode.RESTRICTED.address(root), TangleCursor.START).await().atMost(LOOKUP);
            return bundles.isEmpty() ? "(not found)" : bundles.get(0).get(0).bundle();
        } catch (RuntimeException e) {
            return "(the node did not answer)";
        }
    }
}
