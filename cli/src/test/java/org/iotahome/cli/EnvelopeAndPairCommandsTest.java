package org.iotahome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvelopeAndPairCommandsTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static JsonNode json(String line) throws Exception {
        assertThat(line.strip()).doesNotContain("\n");
        return new ObjectMapper().readTree(line);
    }

    @Test
    void keygenSealAndOpenWorkTogetherForBothAlgorithms() throws Exception {
        for (String alg : new String[] {"sntrup1277", "mlkem768"}) {
            Path keyDir = dir.resolve(alg);
            CliRun keygen = run("envelope", "keygen", "--dir", keyDir.toString(), "--alg", alg);
            assertThat(keygen.code()).as(keygen.err()).isZero();
            JsonNode k = json(keygen.out());
            assertThat(k.get("alg").asText()).isEqualTo(alg);
            Path keyFile = keyDir.resolve("envelope.key");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            CliRun seal = run("envelope", "seal", "--to", k.get("publicKeyTrytes").asText(), "--text", "h\u00e9 " + alg);
            assertThat(seal.code()).as(seal.err()).isZero();
            assertThat(json(seal.out()).get("alg").asText()).isEqualTo(alg);
            Path envelope = dir.resolve(alg + ".json");
            Files.writeString(envelope, seal.out());
            CliRun open = run("envelope", "open", "--key", keyFile.toString(), envelope.toString());
            assertThat(open.code()).as(open.err()).isZero();
            assertThat(json(open.out()).get("text").asText()).isEqualTo("h\u00e9 " + alg);
            assertThat(open.out()).contains("h\\u00E9");
        }
    }

    @Test
    void openFailsWithAClearMessageForAnotherKey() throws Exception {
        JsonNode a = json(run("envelope", "keygen", "--dir", dir.resolve("a").toString(), "--alg", "mlkem768").out());
        run("envelope", "keygen", "--dir", dir.resolve("b").toString(), "--alg", "mlkem768");
        Path envelope = dir.resolve("e.json");
        Files.writeString(envelope, run("envelope", "seal", "--to", a.get("publicKeyTrytes").asText(), "--text", "x").out());
        CliRun open = run("envelope", "open", "--key", dir.resolve("b/envelope.key").toString(), envelope.toString());
        assertThat(open.code()).isNotZero();
        assertThat(open.out()).isEmpty();
        assertThat(open.err()).contains("envelope does not open");
    }

    @Test
    void sealRefusesAKeyOfTheWrongAlgorithmOrLength() {
        CliRun seal = run("envelope", "seal", "--alg", "mlkem768", "--to", "ABC", "--text", "x");
        assertThat(seal.code()).isEqualTo(2);
        assertThat(seal.err()).contains("mlkem768 publicKeyTrytes must be 3160 trytes");
        assertThat(run("envelope", "seal", "--alg", "rsa", "--to", "ABC", "--text", "x").err()).contains("unknown envelope algorithm 'rsa'");
    }

    @Test
    void pairSignPrintsTheSignedChallenge() throws Exception {
        JsonNode v = new ObjectMapper().readTree(Path.of("../shared-protocol/src/test/resources/vectors/pairing/pairing.json").toFile())
                .get("signedChallenges").get(0);
        CliRun sign = run("pair", "sign", "--challenge", v.get("challenge").asText(), "--secret", v.get("secret").asText());
        assertThat(sign.code()).as(sign.err()).isZero();
        assertThat(json(sign.out()).get("signedChallenge").asText()).isEqualTo(v.get("signedChallenge").asText());
        CliRun bad = run("pair", "sign", "--challenge", "ABC", "--secret", "PEAR");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("challenge must be");
    }
}
