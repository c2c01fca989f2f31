package org.crdsj.cli;

import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of {@code crds bestrefs} in file mode ({@code --files}), as CRDS spells them; the
 * work is done by {@link FileBestrefs}.
 */
final class FileOptions {
    @Option(names = {"-f", "--files"}, arity = "1..*", paramLabel = "FILE",
            description = "Dataset files (FITS, or GEIS .rNh); @LIST reads names from a file. Paths are used as given.")
    List<String> files;

    @Option(names = {"-u", "--update-bestrefs"},
            description = "With --files: write the best references (and CRDS_CTX, CRDS_VER) into each file's primary header.")
    boolean updateBestrefs;

    /**
     * Runs file mode; {@code printNewReferences} is the shared {@code --print-new-references}
     * (CRDS's lines 'file instrument type old new' instead of the table).
     */
    int run(ToolEnvironment env, ContextCache cache, BestrefsCommand.Contexts contexts, String format,
            boolean printNewReferences) throws IOException {
        String newContext = contexts.context != null ? contexts.context : contexts.comparison.newContext;
        String oldContext = contexts.comparison == null ? null : contexts.comparison.oldContext;
        FileBestrefs.Format f = format == null ? (printNewReferences ? FileBestrefs.Format.NONE : FileBestrefs.Format.TABLE)
                : format.equals("jsonl") ? FileBestrefs.Format.JSONL : FileBestrefs.Format.TABLE;
        try {
            return new FileBestrefs(env, cache, newContext, oldContext, updateBestrefs, printNewReferences, f).run(files);
        } catch (org.crdsj.engine.rules.RulesException e) {
            env.err().println("crds bestrefs: cannot load rules: " + e.getMessage());
            return 2;
        }
    }
}
