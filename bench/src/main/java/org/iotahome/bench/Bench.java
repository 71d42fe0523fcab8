package org.iotahome.bench;

import java.util.Locale;

/**
 * {@code ./iotahome bench NAME [ARGS]}: runs {@code org.iotahome.bench.<Name>Bench}, so each
 * benchmark is one class and adding one touches nothing else. Each prints its figures as
 * {@code key=value} lines, ours beside a baseline measured in the same process.
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: iotahome bench NAME [ARGS]   (NAME: pow, mam, p1, envelope, node, home, device, provider)");
            System.exit(2);
        }
        String name = args[0].toLowerCase(Locale.ROOT);
        String className = Bench.class.getPackageName() + "." + Character.toUpperCase(name.charAt(0))
                + name.substring(1) + "Bench";
        Class<?> bench;
        try {
            bench = Class.forName(className);
        } catch (ClassNotFoundException e) {
            System.err.println("iotahome bench: no benchmark named '" + args[0] + "'");
            System.exit(2);
            return;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        bench.getMethod("main", String[].class).invoke(null, (Object) rest);
    }
}
