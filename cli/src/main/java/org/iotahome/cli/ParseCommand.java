package org.iotahome.cli;

import org.iotahome.protocol.p1.P1Keys;
import org.iotahome.protocol.p1.Parsed;
import org.iotahome.protocol.p1.ReadingDecoder;
import org.iotahome.protocol.p1.ReadingJson;
import org.iotahome.protocol.p1.TelegramFramer;
import org.iotahome.protocol.p1.TelegramParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code iotahome parse FILE|-}: every P1 telegram in the bytes as one JSON line, a reading
 * (p1-reading.schema.json) or {@code {"rejected": ..., "detail": ...}}. Reads as a stream, so
 * {@code cat /dev/ttyUSB0 | iotahome parse -} prints each telegram as it arrives.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Print each P1 telegram in FILE (or stdin for '-') as one JSON line: a reading or a rejection.",
                "Encrypted frames (Luxembourg Smarty) are decrypted with --key/--auth-key or P1_DECRYPTION_KEY/"
                        + "P1_AUTHENTICATION_KEY; without a key each is one {\"rejected\": \"encrypted\"}."})
public final class ParseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE|-", description = "a file of P1 telegrams, or '-' for stdin")
    String file;

    @Option(names = "--key", paramLabel = "HEX",
            description = "AES-128 decryption key of an encrypted P1 port (Luxembourg Smarty), 32 hex digits;"
                    + " default: $P1_DECRYPTION_KEY")
    String key;

    @Option(names = "--auth-key", paramLabel = "HEX",
            description = "authentication key (GCM additional data), 32 hex digits; default: $P1_AUTHENTICATION_KEY")
    String authKey;

    /** The environment, replaceable in tests. */
    java.util.Map<String, String> env = System.getenv();

    @Spec
    CommandSpec spec;

    /** --key over P1_DECRYPTION_KEY; no key at all: encrypted frames come out as rejections. */
    private P1Keys keys() {
        String k = key != null ? key : env.get("P1_DECRYPTION_KEY");
        if (k == null || k.isBlank()) return null;
        String a = authKey != null ? authKey : env.get("P1_AUTHENTICATION_KEY");
        return P1Keys.ofHex(k, a);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ReadingDecoder decoder = new ReadingDecoder(TelegramFramer.withKeys(keys()), new TelegramParser());
        try (InputStream in = open()) {
            byte[] chunk = new byte[64 * 1024];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                decoder.feed(chunk, 0, n, p -> print(out, p));
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name() + ": " + reason(e), e);
        }
        decoder.end().forEach(p -> print(out, p));
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, Parsed p) {
        out.println(ReadingJson.line(p));
    }

    private InputStream open() throws IOException {
        if (file.equals("-")) return System.in;
        Path path = Path.of(file);
        if (Files.isDirectory(path)) throw new IOException("it is a directory, not a file of telegrams");
        return Files.newInputStream(path);
    }

    private String name() {
        return file.equals("-") ? "stdin" : file;
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
