package org.iotahome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MamCommandTest {

    private static final String SEED = "CLISEED".repeat(11) + "ABCD";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = IotahomeCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private JsonNode create(String... extra) throws Exception {
        String[] base = {"mam", "create", "--seed", SEED, "--security", "1", "--message", "HELLO"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        assertThat(run(args)).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        out.getBuffer().setLength(0);
        return json;
    }

    @Test
    void createPrintsOneJsonLineThatDecodeReadsBack() throws Exception {
        JsonNode created = create("--mode", "restricted", "--side-key", "CLIKEY", "--start", "3");
        assertThat(created.fieldNames()).toIterable().containsExactly("root", "address", "payload", "nextRoot");
        Path file = Files.writeString(dir.resolve("payload.txt"), created.get("payload").asText() + "\n");

        assertThat(run("mam", "decode", "--root", created.get("root").asText(), "--side-key", "CLIKEY", file.toString()))
                .as(err.toString()).isZero();
        JsonNode decoded = new ObjectMapper().readTree(out.toString());
        assertThat(decoded.get("message").asText()).isEqualTo("HELLO");
        assertThat(decoded.get("nextRoot").asText()).isEqualTo(created.get("nextRoot").asText());
    }

    @Test
    void aPublicMessageSitsAtItsRoot() throws Exception {
        JsonNode created = create("--mode", "public");
        assertThat(created.get("address").asText()).isEqualTo(created.get("root").asText());
    }

    @Test
    void aWrongKeyExitsThreeWithTheReason() throws Exception {
        JsonNode created = create("--mode", "restricted", "--side-key", "CLIKEY");
        Path file = Files.writeString(dir.resolve("payload.txt"), created.get("payload").asText());
        assertThat(run("mam", "decode", "--root", created.get("root").asText(), "--side-key", "OTHERKEY", file.toString()))
                .isEqualTo(MamCommand.NOT_VERIFIED);
        assertThat(err.toString()).startsWith("iotahome mam decode: payload does not verify (");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void restrictedWithoutAKeyIsABadArgument() {
        assertThat(run("mam", "create", "--seed", SEED, "--mode", "restricted", "--message", "A")).isEqualTo(2);
        assertThat(err.toString()).contains("restricted mode needs --side-key");
    }
}
