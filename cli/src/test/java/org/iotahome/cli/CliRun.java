package org.iotahome.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One command run through the command tree without exiting the JVM: exit code, stdout, stderr. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        CommandLine cl = IotahomeCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
