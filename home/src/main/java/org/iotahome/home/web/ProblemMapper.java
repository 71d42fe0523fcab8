package org.iotahome.home.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.iotahome.home.household.HouseholdException;

/** STYLE.md: one mapper; a change the household refuses (unknown device or policy) is the user's 409, with its reason. */
@Provider
public class ProblemMapper implements ExceptionMapper<HouseholdException> {

    @Override
    public Response toResponse(HouseholdException e) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
    }
}
