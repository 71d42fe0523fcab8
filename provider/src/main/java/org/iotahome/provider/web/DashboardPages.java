package org.iotahome.provider.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.iotahome.protocol.trinary.Trytes;
import org.iotahome.provider.ProviderConfig;
import org.iotahome.provider.dashboard.DashboardQueries;
import org.iotahome.provider.dashboard.DayEnergy;
import org.iotahome.provider.dashboard.HouseholdRow;
import org.iotahome.provider.dashboard.PowerPoint;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The staff dashboard: every connected household with its grant's status, and a page per household
 * with live power (server-sent events), energy per day and gas. Charts are drawn in the browser by
 * uPlot (a WebJar) from the JSON these endpoints give; earlier data stays after a revocation.
 */
@Path("/dashboard")
@Authenticated
public class DashboardPages {

    /** Households listed at most on the overview. */
    static final int LIST_LIMIT = 500;
    /** Power points a chart starts with, and the live feed sends per tick, at most. */
    static final int POINTS = 2000;
    static final Duration LIVE_TICK = Duration.ofSeconds(2);

    @Inject
    DashboardQueries queries;

    @Inject
    ProviderConfig config;

    @Inject
    Clock clock;

    @Inject
    SecurityIdentity identity;

    @Inject
    @Location("dashboard.html")
    Template overview;

    @Inject
    @Location("household.html")
    Template household;

    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance overview() {
        List<HouseholdRow> rows = queries.households(LIST_LIMIT);
        return overview.data("name", config.web().name()).data("user", identity.getPrincipal().getName()).data("rows", rows.stream().map(HouseholdView::of).toList())
                .data("active", rows.stream().filter(r -> r.status().equals("ACTIVE")).count());
    }

    @GET
    @Path("households/{root}")
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance household(@PathParam("root") String root) {
        return household.data("name", config.web().name()).data("user", identity.getPrincipal().getName()).data("h", HouseholdView.of(row(root)));
    }

    /** The last {@code minutes} of power, oldest first. */
    @GET
    @Path("households/{root}/power")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public List<PowerPoint> power(@PathParam("root") String root, @QueryParam("minutes") Integer minutes) {
        row(root);
        int span = minutes == null ? 60 : Math.max(1, Math.min(minutes, 7 * 24 * 60));
        return queries.power(root, clock.instant().minus(Duration.ofMinutes(span)), POINTS);
    }

    /** Energy per day for the last {@code days} days (today included), in the server's time zone. */
    @GET
    @Path("households/{root}/days")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public List<DayEnergy> days(@PathParam("root") String root, @QueryParam("days") Integer days) {
        row(root);
        int span = days == null ? 14 : Math.max(1, Math.min(days, 366));
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        return queries.days(root, today.minusDays(span - 1L), today, zone);
    }

    /**
     * New power readings as they are stored, read from the store every {@link #LIVE_TICK}: whichever
     * replica stored them, the page sees them. Starts after {@code after} (epoch ms, the newest point the page has).
     */
    @GET
    @Path("households/{root}/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<PowerPoint> live(@PathParam("root") String root, @QueryParam("after") Long after) {
        requireRoot(root);
        AtomicLong newest = new AtomicLong(after == null ? clock.millis() : after);
        return Multi.createFrom().ticks().every(LIVE_TICK)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> {
                    List<PowerPoint> fresh = queries.power(root, Instant.ofEpochMilli(newest.get()), POINTS);
                    if (!fresh.isEmpty()) newest.set(fresh.get(fresh.size() - 1).epochMillis());
                    return fresh;
                });
    }

    private HouseholdRow row(String root) {
        requireRoot(root);
        return queries.household(root).orElseThrow(() -> new NotFoundException("no household with that device channel"));
    }

    private static void requireRoot(String root) {
        if (!Trytes.isTrytes(root, 81)) throw new NotFoundException("no household with that device channel");
    }
}
