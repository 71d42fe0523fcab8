package org.iotahome.node.api;

/** The request is wrong: answered as IRI does, HTTP 400 with {@code {"error": message}}. */
public final class IriRequestException extends RuntimeException {

    public IriRequestException(String message) {
        super(message);
    }
}
