package org.iotahome.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iotahome.protocol.mam.DecodedMessage;
import org.iotahome.protocol.mam.MamChannel;
import org.iotahome.protocol.mam.MamDecoder;
import org.iotahome.protocol.mam.MamException;
import org.iotahome.protocol.mam.MamMessage;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.mam.SideKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code iotahome mam create|decode}: one MAM v0 message, as JSON lines (PROTOCOL.md §5). */
@Command(name = "mam", mixinStandardHelpOptions = true, description = "Make or read one MAM v0 message.",
        subcommands = {MamCommand.Create.class, MamCommand.Decode.class})
public final class MamCommand {

    /** Exit code of decode when the payload does not verify under the given root and key. */
    public static final int NOT_VERIFIED = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    static String json(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create the message of leaf START of a channel; prints {root, address, payload, nextRoot}.")
    static final class Create implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--seed", required = true, description = "the channel seed, 81 trytes") String seed;
        @Option(names = "--mode", required = true, description = "public, private or restricted") String mode;
        @Option(names = "--side-key", description = "restricted mode's key, 1 to 81 trytes") String sideKey;
        @Option(names = "--security", defaultValue = "2", description = "1, 2 or 3 (default ${DEFAULT-VALUE})") int security;
        @Option(names = "--start", defaultValue = "0", description = "the leaf to sign with (default ${DEFAULT-VALUE})") long start;
        @Option(names = "--count", defaultValue = "1", description = "leaves per Merkle tree (default ${DEFAULT-VALUE})") int count;
        @Option(names = "--message", required = true, description = "the message, trytes") String message;

        @Override
        public Integer call() {
            MamMode m = MamMode.parse(mode);
            SideKey key = sideKey(m, sideKey);
            MamMessage created = MamChannel.open(seed, m, key, security, start, count).create(message).message();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("root", created.root());
            out.put("address", created.address());
            out.put("payload", created.payload());
            out.put("nextRoot", created.nextRoot());
            spec.commandLine().getOut().println(json(out));
            return 0;
        }
    }

    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = "Verify and read the payload in FILE ('-': stdin); prints {message, nextRoot}. "
                    + "Exit code 3 when it does not verify.")
    static final class Decode implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--root", required = true, description = "the root the payload was found at, 81 trytes") String root;
        @Option(names = "--side-key", description = "restricted mode's key; implies --mode restricted") String sideKey;
        @Option(names = "--mode", description = "public, private or restricted (default: restricted with a side key, else public)")
        String mode;
        @Parameters(paramLabel = "FILE", description = "a file holding the payload trytes, or '-' for stdin") String file;

        @Override
        public Integer call() {
            MamMode m = mode != null ? MamMode.parse(mode) : sideKey != null ? MamMode.RESTRICTED : MamMode.PUBLIC;
            SideKey key = sideKey(m, sideKey).effectiveFor(m);
            String payload = read(file).strip();
            try {
                DecodedMessage decoded = MamDecoder.decode(payload, root, key);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("message", decoded.message());
                out.put("nextRoot", decoded.nextRoot());
                spec.commandLine().getOut().println(json(out));
                return 0;
            } catch (MamException e) {
                spec.commandLine().getErr().println("iotahome mam decode: payload does not verify (" + e.getClass().getSimpleName()
                        + "): " + e.getMessage());
                return NOT_VERIFIED;
            }
        }

        private static String read(String file) {
            try {
                return "-".equals(file) ? new String(System.in.readAllBytes(), StandardCharsets.US_ASCII)
                        : Files.readString(Path.of(file), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read payload file " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Restricted needs a key; the others take none (a given one would be silently unused). */
    static SideKey sideKey(MamMode mode, String sideKey) {
        if (mode == MamMode.RESTRICTED && sideKey == null) throw new IllegalArgumentException("restricted mode needs --side-key");
        if (mode != MamMode.RESTRICTED && sideKey != null)
            throw new IllegalArgumentException("--side-key is only used in restricted mode, not " + mode.label());
        return sideKey == null ? SideKey.NONE : new SideKey(sideKey);
    }
}
