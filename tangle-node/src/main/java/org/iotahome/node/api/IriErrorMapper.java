package org.iotahome.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iotahome.node.pow.PowQueueFullException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure as IRI answers it: {@code {"error": ...}}; 400 for bad input, 503 when busy, 500 for faults. */
public class IriErrorMapper {

    private static final Logger LOG = Logger.getLogger(IriErrorMapper.class);
    private final ObjectMapper json;

    public IriErrorMapper(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response badRequest(IriRequestException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response busy(PowQueueFullException e) {
        return error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ServerExceptionMapper
    public Response fault(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException w && w.getResponse().getStatus() < 500)
            return error(Response.Status.fromStatusCode(w.getResponse().getStatus()), w.getMessage());
        LOG.error("request failed", e);
        return error(Response.Status.INTERNAL_SERVER_ERROR, "internal error; see the node's log");
    }

    private Response error(Response.Status status, String message) {
        ObjectNode body = json.createObjectNode().put("error", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
