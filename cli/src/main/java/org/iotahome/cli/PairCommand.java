package org.iotahome.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iotahome.protocol.json.WireJson;
import org.iotahome.protocol.pairing.Challenge;
import org.iotahome.protocol.pairing.DeviceSecret;
import org.iotahome.protocol.pairing.SignedChallenge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./iotahome pair sign}: answer a pairing challenge (PROTOCOL.md §4). */
@Command(name = "pair", mixinStandardHelpOptions = true, description = "Pairing (PROTOCOL.md §4).",
        subcommands = {PairCommand.Sign.class})
public final class PairCommand {

    @Command(name = "sign", description = "Print {signedChallenge} for a challenge and the device secret.")
    static final class Sign implements Runnable {
        @Spec CommandSpec spec;
        @Option(names = "--challenge", required = true) String challenge;
        @Option(names = "--secret", required = true) String secret;

        @Override
        public void run() {
            SignedChallenge s = SignedChallenge.sign(new Challenge(challenge), new DeviceSecret(secret));
            ObjectNode out = WireJson.object();
            out.put("signedChallenge", s.trytes());
            spec.commandLine().getOut().println(WireJson.write(out));
        }
    }
}
