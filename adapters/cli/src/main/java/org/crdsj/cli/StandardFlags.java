package org.crdsj.cli;

import picocli.CommandLine.Option;

/**
 * CRDS's standard options that the rules-editing tools accept for compatibility but that change
 * nothing here (no server, no cache writes, one observatory per rules file). A picocli mixin.
 */
final class StandardFlags {
    @Option(names = {"-v", "--verbose"}, description = "Accepted for compatibility.")
    boolean verbose;

    @Option(names = "--verbosity", paramLabel = "N", description = "Accepted for compatibility.")
    Integer verbosity;

    @Option(names = {"-R", "--readonly-cache"}, description = "Accepted for compatibility (nothing is written to a cache).")
    boolean readonlyCache;

    @Option(names = {"-I", "--ignore-cache"}, description = "Accepted for compatibility.")
    boolean ignoreCache;

    @Option(names = {"-H", "--hst"}, description = "Accepted for compatibility (the observatory comes from the files).")
    boolean hst;

    @Option(names = {"-J", "--jwst"}, description = "Accepted for compatibility (the observatory comes from the files).")
    boolean jwst;

    @Option(names = "--roman", description = "Accepted for compatibility (the observatory comes from the files).")
    boolean roman;
}
