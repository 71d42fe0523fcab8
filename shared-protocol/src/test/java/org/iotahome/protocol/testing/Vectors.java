package org.iotahome.protocol.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Loads the golden vectors under src/test/resources/vectors/. */
public final class Vectors {

    private Vectors() {
    }

    public static Path path(String resource) {
        try {
            return Path.of(Vectors.class.getResource("/vectors/" + resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test vector " + resource, e);
        }
    }

    public static JsonNode json(String resource) {
        try {
            return new ObjectMapper().readTree(path(resource).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
