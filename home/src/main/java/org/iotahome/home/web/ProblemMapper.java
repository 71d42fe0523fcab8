package org.iotahome.home.web;

import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.iotahome.home.household.HouseholdException;
import org.jboss.logging.Logger;

/**
 * STYLE.md: one mapper. Errors become a page that names the problem in plain words: a change the
 * household refuses is 409 with its reason, what is not found 404, and anything unexpected 500
 * without internals (no stack trace, no server path); the detail goes to the log only.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    Template problem;

    @Override
    public Response toResponse(Exception e) {
        if (e instanceof HouseholdException h) return page(409, "That change cannot be made", h.getMessage());
        if (e instanceof InvalidChoiceException c) return page(400, "That answer cannot be taken", c.getMessage());
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            if (status == 404) return page(404, "Not found", w.getMessage() == null || w.getMessage().startsWith("HTTP")
                    ? "There is nothing here, or it is not part of your household." : w.getMessage());
            if (status < 500) return page(status, "That request cannot be served", "The request was not understood (" + status + ").");
        }
        LOG.errorf(e, "request failed");
        return page(500, "Something went wrong", "My Home could not finish this. Nothing was changed that you did not see; try again in a moment.");
    }

    private Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML)
                .entity(problem.data("title", title).data("problems", List.of(detail)).data("user", null).render()).build();
    }
}
