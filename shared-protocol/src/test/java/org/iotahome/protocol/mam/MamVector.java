package org.iotahome.protocol.mam;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One message the reference client @iota/mam@0.7.3 made (see src/test/oracles/gen-mam-vectors.js). */
record MamVector(String name, String seed, String mode, String sideKey, int security, long start, int count,
                 int index, String message, String root, String address, String payload, String nextRoot) {

    static final List<String> FILES = List.of("public", "private", "restricted", "trees");

    MamMode mamMode() {
        return MamMode.parse(mode);
    }

    /** The key the reference masked under: the given one in restricted mode, all '9' otherwise. */
    SideKey key() {
        return sideKey == null ? SideKey.NONE : new SideKey(sideKey).effectiveFor(mamMode());
    }

    @Override
    public String toString() {
        return name;
    }

    static List<MamVector> all() {
        List<MamVector> out = new ArrayList<>();
        for (String f : FILES) out.addAll(load(f));
        return out;
    }

    static List<MamVector> load(String file) {
        String resource = "/vectors/mam/" + file + ".json";
        try (InputStream in = MamVector.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            return Arrays.asList(new ObjectMapper().readValue(in, MamVector[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
