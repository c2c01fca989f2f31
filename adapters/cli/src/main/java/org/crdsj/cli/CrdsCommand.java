package org.crdsj.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code crds} command: the entry point of the command-line tools. Subcommands reach the
 * {@link ToolEnvironment} (working directory, environment variables, streams) through
 * {@link #environment()} of their parent.
 */
@Command(name = "crds", mixinStandardHelpOptions = true, version = "crds-j 0.1.0",
        description = "CRDS rules tools: best references for datasets, context comparisons.",
        subcommands = {BestrefsCommand.class, BenchCommand.class, ChecksumCommand.class, NewcontextCommand.class, RefactorCommand.class, ListCommand.class, MatchesCommand.class, UsesCommand.class, UniqnameCommand.class, DiffCommand.class, CertifyCommand.class, StoreCommand.class, CommandLine.HelpCommand.class})
public final class CrdsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ToolEnvironment environment;

    public CrdsCommand(ToolEnvironment environment) {
        this.environment = environment;
    }

    /** The world this run sees. */
    public ToolEnvironment environment() {
        return environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(environment.out());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line in this process's own environment and returns its exit status. */
    public static int run(String... args) {
        return run(ToolEnvironment.system(), args);
    }

    /** Runs the command line in the given environment (tests, embedding) and returns its exit status. */
    public static int run(ToolEnvironment environment, String... args) {
        // CRDS's tools accept any unambiguous prefix of a long option (argparse), and scripts rely on it.
        return new CommandLine(new CrdsCommand(environment))
                .setAbbreviatedOptionsAllowed(true)
                .setOut(new PrintWriter(environment.out(), true))
                .setErr(new PrintWriter(environment.err(), true))
                .setExecutionExceptionHandler((ex, cmd, parsed) -> {
                    cmd.getErr().println("crds: " + ex.getMessage());
                    return 2;
                })
                .execute(args);
    }
}
