package org.iotahome.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A packaged service ({@code quarkus-run.jar}) as a child process, everything it prints kept in a
 * log file, so a test can wait for a line and read the whole log afterwards.
 */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code jar} (a system property names it) with {@code env}, {@code -D} options and its output in {@code log}. */
    static ServiceProcess start(String name, String jarProperty, Map<String, String> env, List<String> options, Path log)
            throws IOException {
        Path jar = Path.of(System.getProperty(jarProperty, "missing:" + jarProperty));
        if (!Files.isRegularFile(jar))
            throw new IllegalStateException(name + " is not packaged at " + jar + ": run the build (./iotahome test packages it)");
        List<String> cmd = new ArrayList<>(List.of("java", "--add-modules", "jdk.incubator.vector", "-Xmx256m"));
        cmd.addAll(options);
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new ServiceProcess(name, pb.start(), log);
    }

    /** The first match of {@code pattern} in the log, waiting up to {@code wait}. */
    Matcher await(Pattern pattern, Duration wait) throws IOException, InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            Matcher m = pattern.matcher(log());
            if (m.find()) return m;
            if (!process.isAlive()) throw new IllegalStateException(name + " exited before printing " + pattern + ":\n" + log());
            if (System.nanoTime() > end) throw new IllegalStateException(name + " did not print " + pattern + " in " + wait + ":\n" + log());
            Thread.sleep(50);
        }
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    Path logFile() {
        return log;
    }

    /** SIGSTOP / SIGCONT: the process stands still (it reads nothing, answers nothing) until resumed. */
    void signal(String signal) throws IOException, InterruptedException {
        int code = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
        if (code != 0) throw new IllegalStateException("kill -" + signal + " " + name + " exited with " + code);
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) kill();
    }
}
