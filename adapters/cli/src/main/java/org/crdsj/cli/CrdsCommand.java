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
        return run(environment, false, args);
    }

    /** As above; {@code wholeTree} registers every subcommand whatever the arguments (tests compare the two ways). */
    static int run(ToolEnvironment environment, boolean wholeTree, String... args) {
        // CRDS's tools accept any unambiguous prefix of a long option (argparse), and scripts rely on it.
        return commandLine(new CrdsCommand(environment), wholeTree || args.length == 0 ? null : args[0])
                .setAbbreviatedOptionsAllowed(true)
                .setOut(new PrintWriter(environment.out(), true))
                .setErr(new PrintWriter(environment.err(), true))
                .setExecutionExceptionHandler((ex, cmd, parsed) -> {
                    cmd.getErr().println("crds: " + ex.getMessage());
                    return 2;
                })
                .execute(args);
    }

    /**
     * The command line for a run whose first argument is {@code first}. When that names one of our
     * subcommands exactly, only that subcommand is registered, under a root with the same name,
     * version, description and standard options: picocli inspects (and instantiates) every
     * registered subcommand up front, which costs a short run more than its own work would.
     * Anything else (no argument, an option, {@code help}, a typo) gets the whole tree.
     */
    static CommandLine commandLine(CrdsCommand root, String first) {
        Command about = CrdsCommand.class.getAnnotation(Command.class);
        Class<?> only = null;
        if (first != null && !first.startsWith("-")) {
            for (Class<?> c : about.subcommands()) {
                Command sub = c.getAnnotation(Command.class);
                if (sub != null && sub.name().equals(first) && c.getPackage() == CrdsCommand.class.getPackage()) {
                    only = c;
                    break;
                }
            }
        }
        if (only == null) return new CommandLine(root);
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.wrapWithoutInspection(root)
                .name(about.name()).version(about.version()).mixinStandardHelpOptions(about.mixinStandardHelpOptions());
        spec.usageMessage().description(about.description());
        root.spec = spec;
        CommandLine line = new CommandLine(spec);
        line.addSubcommand(only);
        return line;
    }
}
