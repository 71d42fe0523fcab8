package org.iotahome.images;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code ./iotahome images}: the container images of the cloud roles as tarballs in
 * {@code images/target/images/} ({@code docker load -i} or push with any registry tool). The home
 * and provider images are their PostgreSQL builds, as the Helm chart (k8s/) runs them.
 */
public final class BuildImages {

    public static final String TAG = "0.1.0";
    private static final List<String> JVM = List.of("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");

    private BuildImages() {
    }

    /** The three images, their applications under the repository root {@code root}. */
    public static List<ServiceImage> roles(Path root) {
        List<String> nodeJvm = new java.util.ArrayList<>(List.of("--add-modules", "jdk.incubator.vector"));
        nodeJvm.addAll(JVM);
        return List.of(
                new ServiceImage("tangle-node", root.resolve("tangle-node/target/quarkus-app"), 14265, nodeJvm,
                        Map.of("IOTAHOME_DATA", ServiceImage.DATA + "/node")),
                new ServiceImage("home", root.resolve("home/target/postgresql"), 8080, JVM,
                        Map.of("IOTAHOME_DATA", ServiceImage.DATA + "/home", "QUARKUS_HTTP_PORT", "8080")),
                new ServiceImage("provider", root.resolve("provider/target/postgresql"), 8080, JVM,
                        Map.of("IOTAHOME_DATA", ServiceImage.DATA + "/provider", "QUARKUS_HTTP_PORT", "8080")));
    }

    /** Builds every image into {@code out}; gives the tarballs. */
    public static List<Path> build(Path root, Path out) throws Exception {
        Path base = BaseImage.build(out);
        List<Path> built = new java.util.ArrayList<>();
        for (ServiceImage role : roles(root)) {
            long t = System.nanoTime();
            Path tar = role.build(base, TAG, out.resolve(role.name() + ".tar"), out.resolve("cache"));
            System.out.printf("image iotahome/%s:%s -> %s (%.0f MB, %.0f s)%n", role.name(), TAG, tar,
                    java.nio.file.Files.size(tar) / 1e6, (System.nanoTime() - t) / 1e9);
            built.add(tar);
        }
        return built;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        build(root, root.resolve("images/target/images"));
    }
}
