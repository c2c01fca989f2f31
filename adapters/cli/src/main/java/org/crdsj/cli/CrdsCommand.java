package org.crdsj.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code crds} command: the entry point of the command-line tools. */
@Command(name = "crds", mixinStandardHelpOptions = true, version = "crds-j 0.1.0",
        description = "CRDS rules tools: best references for datasets, context comparisons.",
        subcommands = {BestrefsCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class CrdsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (for tests and embedding). */
    public static int run(String... args) {
        return new CommandLine(new CrdsCommand())
                .setExecutionExceptionHandler((ex, cmd, parsed) -> {
                    cmd.getErr().println("crds: " + ex.getMessage());
                    return 2;
                })
                .execute(args);
    }
}
