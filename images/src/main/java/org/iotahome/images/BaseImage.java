package org.iotahome.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The base of every image, made here because the build machine reaches no container registry: the
 * C libraries a JVM needs, from Debian's packages, and a Java 17 runtime cut down by jlink from this
 * machine's JDK, as one layer in a {@code docker save} tarball (what Jib reads as a tar base image).
 * The user {@code iotahome} (uid 185, as in Quarkus's own images) is in /etc/passwd; no shell.
 */
public final class BaseImage {

    /** What a headless JVM links: libc, libm, libgcc_s, libstdc++, libz (checked with ldd on the jlinked runtime). */
    static final List<String> DEBIAN_PACKAGES = List.of("libc6", "libgcc-s1", "libstdc++6", "zlib1g");
    /** java.se for any library's needs; vector for the node's proof of work; en locale data only. */
    static final String MODULES = "java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.naming.dns,"
            + "jdk.incubator.vector,jdk.localedata";
    public static final String JAVA_HOME = "/opt/java";
    public static final int UID = 185;

    private BaseImage() {
    }

    /** Builds {@code dir/base.tar} (and its rootfs beside it) unless it is there already. */
    public static Path build(Path dir) throws IOException, InterruptedException {
        Path tarball = dir.resolve("base.tar");
        if (Files.isRegularFile(tarball)) return tarball;
        Path work = Files.createDirectories(dir.resolve("base"));
        Path debs = Files.createDirectories(work.resolve("debs"));
        Path rootfs = work.resolve("rootfs");
        Commands.run(work, List.of("rm", "-rf", rootfs.toString()));
        Files.createDirectories(rootfs);
        download(debs);
        try (Stream<Path> files = Files.list(debs)) {
            for (Path deb : files.filter(f -> f.toString().endsWith(".deb")).sorted().toList())
                Commands.run(work, List.of("dpkg-deb", "-x", deb.toString(), rootfs.toString()));
        }
        Path javaHome = rootfs.resolve(JAVA_HOME.substring(1));
        Files.createDirectories(javaHome.getParent());
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        Commands.run(work, List.of(jlink.toString(), "--add-modules", MODULES, "--include-locales=en", "--strip-debug",
                "--no-man-pages", "--no-header-files", "--compress=2", "--output", javaHome.toString()));
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/sbin/nologin\niotahome:x:" + UID + ":" + UID
                + ":iotahome:/tmp:/sbin/nologin\n");
        Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\niotahome:x:" + UID + ":\n");
        Files.createDirectories(rootfs.resolve("tmp"));
        Commands.run(work, List.of("chmod", "1777", rootfs.resolve("tmp").toString()));

        // One layer, reproducible: sorted, numeric root ownership, time 0.
        Path layer = work.resolve("layer.tar");
        Commands.run(work, List.of("tar", "--sort=name", "--owner=0", "--group=0", "--numeric-owner", "--mtime=@0",
                "-C", rootfs.toString(), "-cf", layer.toString(), "."));
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> config = Map.of("architecture", "amd64", "os", "linux",
                "config", Map.of("Env", List.of("PATH=" + JAVA_HOME + "/bin:/usr/bin:/bin", "LD_LIBRARY_PATH=" + JAVA_HOME + "/lib",
                        "JAVA_HOME=" + JAVA_HOME, "LANG=C.UTF-8")),
                "rootfs", Map.of("type", "layers", "diff_ids", List.of("sha256:" + sha256(layer))));
        json.writeValue(work.resolve("config.json").toFile(), config);
        json.writeValue(work.resolve("manifest.json").toFile(),
                List.of(Map.of("Config", "config.json", "RepoTags", List.of("iotahome/base:local"), "Layers", List.of("layer.tar"))));
        Path part = dir.resolve("base.tar.part");
        Commands.run(work, List.of("tar", "--owner=0", "--group=0", "--numeric-owner", "--mtime=@0", "-cf", part.toString(),
                "manifest.json", "config.json", "layer.tar"));
        Files.move(part, tarball);
        return tarball;
    }

    /** The packages' .debs for this machine's architecture; refreshes apt's lists once if they are missing. */
    private static void download(Path debs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("apt-get", "download"));
        command.addAll(DEBIAN_PACKAGES);
        try {
            Commands.run(debs, command);
        } catch (IOException first) {
            Commands.run(debs, List.of("apt-get", "update", "-qq"));
            Commands.run(debs, command);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
