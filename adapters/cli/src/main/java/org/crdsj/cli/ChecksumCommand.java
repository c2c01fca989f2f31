package org.crdsj.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.crdsj.cli.MappingFiles.Failure;
import org.crdsj.engine.rules.Checksums;
import org.crdsj.engine.rules.DuplicateEntries;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.MappingHeader;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.engine.rules.MappingText;
import org.crdsj.engine.rules.RulesException;
import org.crdsj.engine.values.PythonRepr;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code crds checksum [--verify|--remove] FILE...}: rewrites (or checks) the {@code sha1sum} of
 * mapping files. A rewrite re-serialises the whole mapping in CRDS's canonical layout
 * ({@link MappingText}), unless the file has duplicate entries, which the rewrite would drop.
 * Exit status: the number of errors logged (at most 255).
 */
@Command(name = "checksum", mixinStandardHelpOptions = true,
        description = {"Add/update (default) or verify the sha1sum of CRDS mapping files.",
                "The update rewrites the mapping in CRDS's canonical layout; '#' comments are lost."})
final class ChecksumCommand implements Callable<Integer> {
    @ParentCommand
    CrdsCommand parent;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Mapping files (.pmap, .imap, .rmap).")
    List<String> files;

    @Option(names = "--remove", description = "Remove checksums (not possible for mappings: an error).")
    boolean remove;

    @Option(names = "--verify", description = "Only verify the checksums, reporting mismatches as errors.")
    boolean verify;

    private final FileSink sink;
    private CrdsLog log;

    ChecksumCommand() {
        this(FileSink.ATOMIC);
    }

    /** A command that writes through {@code sink} (tests). */
    ChecksumCommand(FileSink sink) {
        this.sink = sink;
    }

    @Override
    public Integer call() {
        ToolEnvironment env = parent.environment();
        log = new CrdsLog(env.err());
        for (String given : files) {
            // CRDS names a bare file name as ./name (a file outside the cache).
            String shown = given.contains("/") ? given : "./" + given;
            Path file = env.path(given);
            try {
                if (remove) {
                    log.info("Removing checksum for " + PythonRepr.str(shown));
                    requireMapping(shown);
                    throw new Failure("Mapping checksums cannot be removed for: " + PythonRepr.str(shown));
                } else if (verify) {
                    log.info("Verifying checksum for " + PythonRepr.str(shown));
                    requireMapping(shown);
                    if (env.variable("CRDS_IGNORE_MAPPING_CHECKSUM").filter(ChecksumCommand::truthy).isPresent()) {
                        log.warning("Mapping checksums are disabled by config.CRDS_IGNORE_MAPPING_CHECKSM.");
                        verifyMapping(file, shown, false);
                    } else {
                        verifyMapping(file, shown, true);
                    }
                } else {
                    log.info("Adding checksum for " + PythonRepr.str(shown));
                    requireMapping(shown);
                    updateMapping(file, shown);
                }
            } catch (Failure e) {
                log.error("Checksum operation FAILED : " + e.getMessage());
            }
        }
        return Math.min(log.errors(), 255);
    }

    private static boolean truthy(String v) {
        return !v.equalsIgnoreCase("false") && !v.equals("0");
    }

    private static void requireMapping(String shown) throws Failure {
        if (MappingFiles.isMapping(shown)) return;
        if (isReference(shown)) {
            throw new Failure("Reference file checksums are not supported by crds-j: " + PythonRepr.str(shown));
        }
        throw new Failure("File " + PythonRepr.str(shown) + " does not appear to be a CRDS reference or mapping file.");
    }

    private static boolean isReference(String name) {
        // CRDS: the extension (lower case) starts with one of these.
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 || name.lastIndexOf('/') > dot ? "" : name.substring(dot).toLowerCase(java.util.Locale.ROOT);
        return ext.matches("(\\.fits|\\.asdf|\\.r\\d[hd]|\\.yaml|\\.json|\\.text).*");
    }

    /**
     * CRDS's update: refuse when the file has duplicate entries (each logged as an error), else
     * write the canonical text with its new checksum, atomically.
     */
    private void updateMapping(Path file, String shown) throws Failure {
        String text;
        try {
            text = MappingFiles.text(file, shown);
        } catch (Failure e) {
            // CRDS's duplicate check reads the file first and wraps what goes wrong.
            throw new Failure("Parsing error in " + PythonRepr.str(shown) + " : " + e.getMessage());
        }
        MappingSyntax syntax = MappingFiles.parse(text, file.getFileName().toString(),
                "Parsing error in " + PythonRepr.str(shown));
        List<String> duplicates = DuplicateEntries.find(syntax);
        if (!duplicates.isEmpty()) {
            duplicates.forEach(log::error);
            return;
        }
        MappingHeader header = new MappingHeader(file.getFileName().toString(), syntax.header());
        // CRDS builds the selector tree from the header before anything else: an rmap needs parkey.
        if (syntax.selector() instanceof Value.Call call) {
            if (!header.has("parkey")) throw new Failure("'parkey'");
            try {
                MappingLoader.buildSelector(header, call);
            } catch (RulesException e) {
                throw new Failure(e.detail());
            }
        }
        requireFields(header, "mapping", "parkey", "name", "derived_from");
        byte[] bytes = MappingText.withChecksum(syntax).getBytes(StandardCharsets.UTF_8);
        try {
            sink.write(file, bytes);
        } catch (IOException e) {
            throw new Failure("cannot write " + shown + ": " + e.getMessage());
        }
    }

    /**
     * CRDS's verify: load the mapping as its kind (without the mappings it names) and compare the
     * stored sha1sum with the checksum of the text.
     */
    private void verifyMapping(Path file, String shown, boolean checksums) throws Failure {
        String name = file.getFileName().toString();
        String text = MappingFiles.text(file, shown);
        MappingSyntax syntax = MappingFiles.parse(text, name, "Can't load file " + shown);
        MappingHeader header = new MappingHeader(name, syntax.header());
        if (name.endsWith(".rmap")) {
            if (!header.has("parkey")) throw new Failure("Can't load file " + shown + " : 'parkey'");
            try {
                new MappingLoader(new MappingLocator(null), new LoadOptions(false)).compile(name, text);
            } catch (RulesException e) {
                throw new Failure(switch (e.kind()) {
                    case MISSING_HEADER_KEY -> e.detail();
                    case BAD_EXPRESSION -> pythonSyntaxError(e.detail());
                    default -> e.getMessage();
                });
            }
        } else {
            requireFields(header, "mapping", "parkey", "name", "derived_from", "observatory");
            if (name.endsWith(".imap")) requireFields(header, "instrument");
        }
        if (!checksums) return;
        if (!header.has("sha1sum")) throw new Failure("sha1sum is missing in " + PythonRepr.str(name));
        String stored = header.string("sha1sum").orElse(null);
        if (!Checksums.compute(text).equals(stored)) throw new Failure("sha1sum mismatch in " + PythonRepr.str(name));
    }

    /**
     * CRDS compiles header expressions with Python's parser and reports its SyntaxError as is.
     * Python (3.11) says "Perhaps you forgot a comma?" when two operands meet inside brackets.
     */
    static String pythonSyntaxError(String detail) {
        boolean adjacentOperands = detail.matches("expected .*\\)'? .*but found (name|number|string).*");
        return (adjacentOperands ? "invalid syntax. Perhaps you forgot a comma?" : "invalid syntax") + " (<unknown>, line 1)";
    }

    private static void requireFields(MappingHeader header, String... keys) throws Failure {
        for (String k : keys) {
            if (!header.has(k)) throw new Failure("Required header key '" + k + "' is missing.");
        }
    }
}
