package org.iotahome.home.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.iotahome.protocol.event.ConsentExpiry;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.iotahome.home.household.PairedDevice;
import org.iotahome.protocol.event.Policy;

/**
 * Seed scenario "Giving consent": a provider sends the person to {@code /new-policy} with its
 * address, key, goal and return {@code url}; the request is kept under a short id (so the login
 * can come back to it), reviewed, then granted for one device or denied, and the person goes back
 * to {@code url} with {@code consent=granted|denied} and {@code device} (PROTOCOL.md §7).
 */
@Path("/new-policy")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ConsentPages {

    /** The one action the seed's providers ask for: reading the meter's data. */
    static final String ACTION = "read";

    @Inject
    Template newPolicy;

    @Inject
    Template problem;

    @Inject
    ConsentRequests requests;

    @Inject
    CurrentHome home;

    @Inject
    Clock clock;

    /** Open without a session: checks the request and keeps it, then the review page (behind the login). */
    @GET
    public Response receive(@QueryParam("iotaAddress") String iotaAddress, @QueryParam("publicKeyTrytes") String publicKeyTrytes,
            @QueryParam("goal") String goal, @QueryParam("url") String url, @QueryParam("expires") String expires) {
        ConsentRequest request = ConsentRequest.of(iotaAddress, publicKeyTrytes, goal, url, expires, clock);
        if (request instanceof ConsentRequest.Invalid invalid)
            return Response.status(Response.Status.BAD_REQUEST).entity(problem.data("title", "This consent request is not valid")
                    .data("problems", invalid.problems()).data("user", null)).build();
        return Response.seeOther(URI.create("/new-policy/" + requests.keep((ConsentRequest.Valid) request))).build();
    }

    @GET
    @Path("{id}")
    @Authenticated
    public TemplateInstance review(@PathParam("id") String id) throws IOException {
        ConsentRequest.Valid r = request(id);
        return newPolicy.data("id", id).data("host", r.provider().url().getHost()).data("goal", r.goal())
                .data("until", r.expires().map(Views::day).orElse(null)).data("untilWords", r.expires().map(Views::untilWords).orElse(null))
                .data("untilMax", r.expires().map(e -> Views.lastDay(e).toString()).orElse(""))
                .data("tomorrow", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString())
                .data("devices", Views.of(home.get().household().state(), clock.instant())).data("user", home.username());
    }

    @POST
    @Path("{id}/grant")
    @Authenticated
    public Response grant(@PathParam("id") String id, @FormParam("device") String device, @FormParam("until") String until)
            throws IOException {
        ConsentRequest.Valid r = request(id);
        PairedDevice paired = home.device(device);
        Optional<Instant> ends = chosenEnd(r, until);
        Policy policy = new Policy(r.provider(), ACTION, paired.device(), r.goal(), ends.map(e -> List.of(ConsentExpiry.condition(e))).orElse(List.of()));
        requests.take(id).orElseThrow(() -> new NotFoundException("this consent request was answered already"));
        // Published once: a policy already in force is not published again.
        if (!paired.policies().contains(policy)) home.get().household().grant(policy);
        return Response.seeOther(UriBuilder.fromUri(r.provider().url()).queryParam("consent", "granted")
                .queryParam("device", paired.device().iotaAddress().trytes()).build()).build();
    }

    @POST
    @Path("{id}/deny")
    @Authenticated
    public Response deny(@PathParam("id") String id) {
        ConsentRequest.Valid r = requests.take(id).orElseThrow(() -> new NotFoundException("this consent request was answered already"));
        return Response.seeOther(UriBuilder.fromUri(r.provider().url()).queryParam("consent", "denied").build()).build();
    }

    /**
     * The end the person chose: the last day it holds (through that day, UTC), never later than the
     * provider asked; none chosen: what the provider asked, if anything.
     */
    private Optional<Instant> chosenEnd(ConsentRequest.Valid r, String until) {
        if (until == null || until.isBlank()) return r.expires();
        LocalDate day;
        Instant chosen;
        try {
            day = LocalDate.parse(until.strip());
            chosen = ConsentExpiry.fromRequest(day.toString(), clock);
        } catch (java.time.format.DateTimeParseException | IllegalArgumentException e) {
            throw new InvalidChoiceException("the last day must be a date from tomorrow on, was " + until);
        }
        if (r.expires().isEmpty()) return Optional.of(chosen);
        LocalDate asked = Views.lastDay(r.expires().get());
        if (day.isAfter(asked))
            throw new InvalidChoiceException("the provider asked until " + Views.day(r.expires().get()) + "; you can shorten it, not lengthen it");
        // The day the provider asked for ends when it asked, not at midnight.
        return Optional.of(day.equals(asked) ? r.expires().get() : chosen);
    }

    private ConsentRequest.Valid request(String id) {
        return requests.get(id).orElseThrow(() -> new NotFoundException(
                "this consent request is unknown or expired (they last 30 minutes): open the provider's link again"));
    }
}
