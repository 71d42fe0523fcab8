package org.iotahome.device.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.bootstrap.app.AugmentResult;
import io.quarkus.bootstrap.app.CuratedApplication;
import io.quarkus.bootstrap.app.QuarkusBootstrap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quarkus's native build steps run on the device with {@code quarkus.native.sources-only}: no
 * GraalVM here, but every step that can refuse the application (build-time initialization,
 * reflection and resource registration, no run-time class generation) runs, and the jar and
 * arguments {@code native-image} would get come out. What the device registers is checked in them.
 */
class NativeSourcesBuildTest {

    @Test
    void theNativeBuildStepsAcceptTheDeviceAndRegisterWhatItNeeds(@TempDir Path target) throws Exception {
        Properties build = new Properties();
        build.setProperty("quarkus.native.enabled", "true");
        build.setProperty("quarkus.native.sources-only", "true");
        AugmentResult result;
        try (CuratedApplication app = QuarkusBootstrap.builder()
                .setApplicationRoot(Path.of("target/classes").toAbsolutePath())
                .setProjectRoot(Path.of("").toAbsolutePath())
                .setTargetDirectory(target)
                .setBaseName("device-native-check")
                .setMode(QuarkusBootstrap.Mode.PROD)
                .setLocalProjectDiscovery(true)
                .setIsolateDeployment(true)
                .setBuildSystemProperties(build)
                .build().bootstrap()) {
            result = app.createAugmentor().createProductionApplication();
        }
        assertThat(result).isNotNull();

        Path sources = target.resolve("native-sources");
        String args = Files.readString(sources.resolve("native-image.args"), StandardCharsets.UTF_8);
        assertThat(args).contains("--no-fallback").contains("device-native-check-runner");
        Path runner;
        try (Stream<Path> files = Files.list(sources)) {
            runner = files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst().orElseThrow();
        }
        assertThat(config(runner, "resource-config.json")).as("jSerialComm's library for a 64-bit Pi, as a resource")
                .contains("Linux/armv8_64/libjSerialComm");
        String registered = config(runner, "reflect-config.json");
        assertThat(registered).as("reflection registered for what Jackson reads in shared-protocol")
                .contains("org.iotahome.protocol.p1.Reading").contains("org.iotahome.protocol.mam.ChannelCheckpoint")
                .contains("org.iotahome.protocol.tangle.TangleCursor");
        assertThat(Files.exists(sources.resolve("lib"))).isTrue();
        assertThat(jarEntries(runner)).contains("META-INF/native-image/org.iotahome/device/jni-config.json");
    }

    private static List<String> jarEntries(Path jar) throws Exception {
        List<String> names = new ArrayList<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements(); ) names.add(e.nextElement().getName());
        }
        return names;
    }

    /** The native-image configuration file of that name the build generated into the runner jar. */
    private static String config(Path jar, String name) throws Exception {
        try (JarFile j = new JarFile(jar.toFile())) {
            JarEntry entry = j.getJarEntry("META-INF/native-image/" + name);
            assertThat(entry).as(name + " in " + jar.getFileName()).isNotNull();
            return new String(j.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
