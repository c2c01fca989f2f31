package org.crdsj.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.crdsj.cli.MappingFiles.Failure;
import org.crdsj.engine.io.AtomicFile;
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

    private CrdsLog log;

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
        return name.matches("(?i).*\\.(fits|asdf|json|yaml|txt|r\\dh|r\\dd|c\\dh|c\\dd|fit)$");
    }

    /**
     * CRDS's update: refuse when the file has duplicate entries (each logged as an error), else
     * write the canonical text with its new checksum, atomically.
     */
    private void updateMapping(Path file, String shown) throws Failure {
        String text = MappingFiles.text(file);
        MappingSyntax syntax = MappingFiles.parse(text, file.getFileName().toString());
        List<String> duplicates = DuplicateEntries.find(syntax);
        if (!duplicates.isEmpty()) {
            duplicates.forEach(log::error);
            return;
        }
        MappingHeader header = new MappingHeader(file.getFileName().toString(), syntax.header());
        // CRDS builds the selector tree from the header before anything else: an rmap needs parkey.
        if (syntax.selector() instanceof Value.Call && !header.has("parkey")) throw new Failure("'parkey'");
        requireFields(header, "mapping", "parkey", "name", "derived_from");
        byte[] bytes = MappingText.withChecksum(syntax).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFile.write(file, bytes);
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
        String text = MappingFiles.text(file);
        MappingSyntax syntax = MappingFiles.parse(text, name);
        MappingHeader header = new MappingHeader(name, syntax.header());
        if (name.endsWith(".rmap")) {
            if (!header.has("parkey")) throw new Failure("Can't load file " + shown + " : 'parkey'");
            try {
                new MappingLoader(new MappingLocator(null), new LoadOptions(false)).compile(name, text);
            } catch (RulesException e) {
                throw new Failure(e.kind() == RulesException.Kind.MISSING_HEADER_KEY ? e.detail() : e.getMessage());
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

    private static void requireFields(MappingHeader header, String... keys) throws Failure {
        for (String k : keys) {
            if (!header.has(k)) throw new Failure("Required header key '" + k + "' is missing.");
        }
    }
}
