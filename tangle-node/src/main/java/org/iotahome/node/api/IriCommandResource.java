package org.iotahome.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /}: the legacy IRI JSON API (PROTOCOL.md §2). IRI requires the header
 * {@code X-IOTA-API-Version}; we accept a request without it (curl, browsers' simple requests)
 * but refuse one that names another version than 1, as IRI does.
 */
@Path("/")
public class IriCommandResource {

    private final IriCommands commands;
    private final ObjectMapper json;

    public IriCommandResource(IriCommands commands, ObjectMapper json) {
        this.commands = commands;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode command(@HeaderParam("X-IOTA-API-Version") String version, String body) {
        long start = System.currentTimeMillis();
        if (version != null && !version.isBlank() && !version.trim().equals("1"))
            throw new IriRequestException("Invalid API Version: " + version + " (this node speaks 1)");
        JsonNode request = parse(body);
        JsonNode command = request.get("command");
        if (command == null || !command.isTextual())
            throw new IriRequestException("COMMAND parameter has not been specified in the request.");
        ObjectNode answer = commands.execute(command.asText(), request);
        answer.put("duration", System.currentTimeMillis() - start);
        return answer;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) throw new IriRequestException("Invalid JSON syntax: the request body is empty");
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) throw new IriRequestException("Invalid JSON syntax: expected an object");
            return node;
        } catch (JsonProcessingException e) {
            throw new IriRequestException("Invalid JSON syntax: " + e.getOriginalMessage());
        }
    }
}
