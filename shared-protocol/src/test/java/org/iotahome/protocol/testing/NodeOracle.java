package org.iotahome.protocol.testing;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of {@code src/test/oracles} in Node: the reference clients as black boxes, at
 * test time. {@code ./iotahome test} installs them; a missing install fails loudly, never skips.
 */
public final class NodeOracle {

    public static final Path DIR = Path.of("src", "test", "oracles").toAbsolutePath();
    public static final ObjectMapper JSON = new ObjectMapper();

    private NodeOracle() {
    }

    public static String run(String script, String... args) {
        return runWithInput(script, new byte[0], args);
    }

    /** Runs {@code script} with {@code input} on its standard input; its standard output. */
    public static String runWithInput(String script, byte[] input, String... args) {
        if (!Files.isDirectory(DIR.resolve("node_modules")))
            fail("npm oracles are not installed: run ./iotahome test, or npm ci in " + DIR);
        List<String> cmd = new ArrayList<>(List.of("node", DIR.resolve(script).toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(DIR.toFile())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            try (var stdin = p.getOutputStream()) {
                stdin.write(input);
            }
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0)
                fail("node " + script + " failed: " + new String(err, StandardCharsets.UTF_8));
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run node " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode runJson(String script, String... args) {
        try {
            return JSON.readTree(run(script, args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
