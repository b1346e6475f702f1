package dev.tendril.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line; each subcommand talks to a running Tendril over its REST API. */
@Command(name = "tendril", mixinStandardHelpOptions = true, version = "tendril 0.1",
        description = "Tendril marketing automation. Without a command, starts the server.",
        subcommands = {ImportCommand.class, CommandLine.HelpCommand.class})
public class TendrilCommand {
    private static final Set<String> COMMANDS = Set.of("import", "help", "--help", "-h", "--version", "-V");

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv());
    }

    /** Runs a command with its output and messages going to the given writers, in this environment; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == ImportCommand.class ? type.cast(new ImportCommand(environment)) : CommandLine.defaultFactory().create(type);
            }
        };
        return new CommandLine(new TendrilCommand(), factory).setOut(out).setErr(err).execute(args);
    }
}
