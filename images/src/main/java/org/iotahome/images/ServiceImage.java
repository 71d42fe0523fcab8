package org.iotahome.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One role's image: the base, then Quarkus's fast-jar in layers from the least to the most often
 * changed (libraries, Quarkus's generated code, the application), run as uid 185 with its settings
 * from the environment (each role's README); {@code /var/lib/iotahome} is the role's data and
 * belongs to that user, so the image also runs without a mounted volume.
 *
 * @param name the image's name under {@code iotahome/}
 * @param app a {@code quarkus-app} directory
 * @param port the HTTP port
 * @param jvmOptions before {@code -jar}
 * @param env the defaults the image sets (overridable at run time)
 */
public record ServiceImage(String name, Path app, int port, List<String> jvmOptions, Map<String, String> env) {

    public static final String DATA = "/var/lib/iotahome";
    private static final AbsoluteUnixPath DEPLOYMENTS = AbsoluteUnixPath.get("/deployments");

    /** Writes {@code out} (a {@code docker load}able tarball tagged {@code iotahome/NAME:TAG}) from {@code base}. */
    public Path build(Path base, String tag, Path out, Path cache) throws Exception {
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar")))
            throw new IllegalStateException(app + " holds no quarkus-run.jar: package the module first (./iotahome build)");
        Path emptyDir = Files.createDirectories(cache.resolve("empty-dir"));
        JibContainerBuilder image = Jib.from(TarImage.at(base))
                .addFileEntriesLayer(layer("libraries", app.resolve("lib")))
                .addFileEntriesLayer(layer("quarkus", app.resolve("quarkus")))
                .addFileEntriesLayer(FileEntriesLayer.builder().setName("application")
                        .addEntryRecursive(app.resolve("app"), DEPLOYMENTS.resolve("app"))
                        .addEntry(app.resolve("quarkus-run.jar"), DEPLOYMENTS.resolve("quarkus-run.jar"))
                        .addEntry(new FileEntry(emptyDir, AbsoluteUnixPath.get(DATA), FilePermissions.fromOctalString("700"), Instant.EPOCH,
                                BaseImage.UID + ":" + BaseImage.UID))
                        .build())
                .setEntrypoint(entrypoint())
                .setUser(String.valueOf(BaseImage.UID))
                .setWorkingDirectory(DEPLOYMENTS)
                .setExposedPorts(java.util.Set.of(Port.tcp(port)))
                .setCreationTime(Instant.EPOCH)
                .setLabels(Map.of("org.opencontainers.image.title", "iotahome " + name, "org.opencontainers.image.version", tag));
        env.forEach(image::addEnvironmentVariable);
        Files.createDirectories(out.getParent());
        image.containerize(Containerizer.to(TarImage.at(out).named("iotahome/" + name + ":" + tag))
                .setBaseImageLayersCache(cache.resolve("base-layers"))
                .setApplicationLayersCache(cache.resolve("application-layers")));
        return out;
    }

    List<String> entrypoint() {
        List<String> command = new ArrayList<>(List.of(BaseImage.JAVA_HOME + "/bin/java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", DEPLOYMENTS.resolve("quarkus-run.jar").toString()));
        return command;
    }

    private static FileEntriesLayer layer(String name, Path dir) throws java.io.IOException {
        return FileEntriesLayer.builder().setName(name).addEntryRecursive(dir, DEPLOYMENTS.resolve(dir.getFileName().toString())).build();
    }
}
