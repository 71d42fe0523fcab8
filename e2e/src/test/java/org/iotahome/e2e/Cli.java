package org.iotahome.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The packaged {@code ./iotahome} command line (cli/target/iotahome-cli.jar) run as a process: its exit code and JSON lines. */
record Cli(int code, String out, List<JsonNode> lines) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Cli run(List<String> args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("iotahome.cli.jar", "missing:iotahome.cli.jar"));
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) if (line.startsWith("{")) lines.add(JSON.readTree(line));
        return new Cli(code, out, lines);
    }

    /** The line whose {@code check} is {@code name}. */
    JsonNode check(String name) {
        return lines.stream().filter(l -> l.path("check").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no \"" + name + "\" line in:\n" + out));
    }
}
