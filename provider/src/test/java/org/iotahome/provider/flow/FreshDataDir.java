package org.iotahome.provider.flow;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** Each test run starts with an empty data directory: cursors and grants from a run before would not fit a new in-memory Tangle. */
public class FreshDataDir implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            return Map.of("provider.data-dir", Files.createTempDirectory("provider-test").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
