package org.iotahome.home.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iotahome.home.pairing.PairingOutcome;
import org.iotahome.home.pairing.PairingStep;
import org.iotahome.protocol.pairing.PairingText;

/**
 * Seed scenario "Pairing with a device": the pairing text starts a background job and the browser
 * lands on its progress page, which refreshes itself through claim sent → challenge received →
 * answer sent → result, and ends in one clear outcome.
 */
@Path("/")
@Authenticated
@Blocking
public class PairingPages {

    @TemplateData
    public record StepView(String label, String state) {}

    private static final Map<PairingStep, String> LABELS = Map.of(
            PairingStep.CLAIM_SENT, "Claim sent to the device",
            PairingStep.CHALLENGE_RECEIVED, "Challenge received from the device",
            PairingStep.ANSWER_SENT, "Answer sent, proving you know its secret",
            PairingStep.RESULT_RECEIVED, "The device's answer received");
    /** What the step under way is doing, while it is. */
    private static final Map<PairingStep, String> UNDER_WAY = Map.of(
            PairingStep.CLAIM_SENT, "Sending the claim to the device…",
            PairingStep.CHALLENGE_RECEIVED, "Waiting for the device's challenge…",
            PairingStep.ANSWER_SENT, "Sending the answer…",
            PairingStep.RESULT_RECEIVED, "Waiting for the device's answer…");

    @Inject
    Template addDevice;

    @Inject
    Template pairing;

    @Inject
    CurrentHome home;

    @Inject
    PairingJobs jobs;

    @GET
    @Path("devices/add")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return addDevice.data("problem", null).data("pairingText", "").data("user", home.username());
    }

    @POST
    @Path("devices/add")
    @Produces(MediaType.TEXT_HTML)
    public Response start(@FormParam("pairingText") String pairingText) {
        PairingText text;
        try {
            text = PairingText.parse(pairingText);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(addDevice
                    .data("problem", "That is not a pairing text: " + e.getMessage() + ". Copy it again from the device.")
                    .data("pairingText", pairingText == null ? "" : pairingText).data("user", home.username())).build();
        }
        PairingJobs.Job job = jobs.start(home.accountId(), home.get(), text);
        return Response.seeOther(URI.create("/pairing/" + job.id)).build();
    }

    @GET
    @Path("pairing/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance progress(@PathParam("id") String id) {
        PairingJobs.Job job = job(id);
        List<StepView> steps = new ArrayList<>();
        List<PairingStep> reached = job.reached();
        boolean current = false;
        for (PairingStep s : PairingStep.values()) {
            String state = reached.contains(s) ? "done" : !current && !job.done() ? "current" : "todo";
            if (state.equals("current")) current = true;
            steps.add(new StepView(state.equals("current") ? UNDER_WAY.get(s) : LABELS.get(s), state));
        }
        String[] outcome = describe(job);
        return pairing.data("id", id).data("device", job.device).data("steps", steps).data("done", job.done())
                .data("ok", job.outcome().map(PairingOutcome.Paired.class::isInstance).orElse(false))
                .data("outcome", outcome[0]).data("advice", outcome[1]).data("user", home.username());
    }

    /** The same as JSON, for scripts: {@code {steps, done, outcome}}. */
    @GET
    @Path("pairing/{id}/status")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> status(@PathParam("id") String id) {
        PairingJobs.Job job = job(id);
        String[] outcome = describe(job);
        return Map.of("steps", job.reached(), "done", job.done(), "outcome", outcome[0] == null ? "" : outcome[0]);
    }

    private PairingJobs.Job job(String id) {
        return jobs.get(id, home.accountId()).orElseThrow(() -> new NotFoundException("no such pairing"));
    }

    /** {outcome in plain words, what to do}, both null while running. */
    private static String[] describe(PairingJobs.Job job) {
        if (job.failure().isPresent())
            return new String[] {"Pairing could not be completed: " + job.failure().get(), "Check that My Home can reach its Tangle node, then try again."};
        PairingOutcome o = job.outcome().orElse(null);
        if (o == null) return new String[] {null, null};
        if (o instanceof PairingOutcome.Paired) return new String[] {"Paired: the device is now part of your household.", null};
        if (o instanceof PairingOutcome.Refused r) return switch (r.kind()) {
            case WRONG_SECRET -> new String[] {"Wrong secret: the device did not accept it.",
                    "Copy the pairing text again from the device (./iotahome device pairing-text) and retry."};
            case ALREADY_PAIRED -> new String[] {"The device is already paired with a household.",
                    "If it is yours, delete it there first; otherwise reset it on the device (./iotahome device reset)."};
            case OTHER -> new String[] {"The device refused: " + r.reason(), "Try again in a minute."};
        };
        PairingOutcome.NoAnswer n = (PairingOutcome.NoAnswer) o;
        return new String[] {"No answer from the device in time.", n.advice()};
    }
}
