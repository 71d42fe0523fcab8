package org.iotahome.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Java side of {@code ./iotahome}: each subcommand is a thin shell over shared-protocol and
 * prints JSON lines, so scripts and tests can read what it says.
 */
@Command(name = "iotahome", mixinStandardHelpOptions = true,
        description = "Smart-meter data shared with consent over an IOTA Tangle.",
        subcommands = {ParseCommand.class, MamCommand.class, EnvelopeCommand.class, PairCommand.class, MeterCommand.class,
                DeviceCommand.class, AccessCommand.class, ReceiptCommand.class})
public final class IotahomeCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree; tests run commands through it without exiting the JVM. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new IotahomeCli());
        // Every subcommand reports bad input as one line on stderr and exit code 2.
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            return ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException ? 2 : 1;
        });
        return cl;
    }
}
