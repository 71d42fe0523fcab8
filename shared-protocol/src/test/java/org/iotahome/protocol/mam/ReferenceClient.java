package org.iotahome.protocol.mam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Test support: where the npm oracles live and whether Node can run them here. */
final class ReferenceClient {

    static final Path ORACLES = Path.of("src", "test", "oracles").toAbsolutePath();

    private ReferenceClient() {
    }

    static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Fails (not skips) when Node is there but the oracles were never installed. */
    static void requireInstalled() {
        if (!Files.isDirectory(ORACLES.resolve("node_modules").resolve("@iota").resolve("mam")))
            throw new IllegalStateException("the npm oracles are not installed: run `npm ci` in " + ORACLES
                    + " (./iotahome test does it)");
    }
}
