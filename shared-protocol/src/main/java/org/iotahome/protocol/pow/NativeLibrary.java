package org.iotahome.protocol.pow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads the C search from the classpath ({@code native/<os>-<arch>/libiotahome_pow.so}, built by
 * the shared-protocol build where gcc is present). Absent, or refused by the OS, the JVM engines
 * take over; {@code -Diotahome.pow.native=false} forces them.
 */
final class NativeLibrary {

    private static final boolean LOADED = load();

    private NativeLibrary() {
    }

    static boolean loaded() {
        return LOADED;
    }

    private static boolean load() {
        if (!Boolean.parseBoolean(System.getProperty("iotahome.pow.native", "true"))) return false;
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) return false;
        try (InputStream in = NativeLibrary.class.getResourceAsStream("/native/linux-x86_64/libiotahome_pow.so")) {
            if (in == null) return false;
            Path file = Files.createTempFile("iotahome_pow", ".so");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            System.load(file.toString());
            return NativeNonceSearch.words() > 0;
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            return false;
        }
    }
}
