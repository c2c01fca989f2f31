package org.crdsj.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crdsj.engine.io.AtomicFile;
import org.crdsj.engine.refactor.LegalValues;
import org.crdsj.engine.refactor.RefactorException;
import org.crdsj.engine.refactor.RmapEditor;
import org.crdsj.engine.rules.MappingText;
import org.crdsj.engine.values.PrettyPrint;
import org.crdsj.fits.ReferenceHeader;
import org.crdsj.grammar.SyntaxPrinter;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code crds refactor insert|delete|set_header|del_header OLD.rmap NEW.rmap ARGS...}: edits an
 * rmap as CRDS does and writes the result (canonical layout, new sha1sum) atomically to NEW.
 * Exit status = number of errors.
 */
@Command(name = "refactor", mixinStandardHelpOptions = true,
        description = "Modify an rmap: insert or delete reference files, set or delete a header field.")
final class RefactorCommand implements Callable<Integer> {
    @ParentCommand
    CrdsCommand parent;

    @picocli.CommandLine.Mixin
    StandardFlags standardFlags;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "COMMAND", description = "insert, delete, set_header or del_header.")
    String command;

    @Parameters(index = "1", paramLabel = "OLD_RMAP", description = "The rmap to modify.")
    String oldRmap;

    @Parameters(index = "2", paramLabel = "NEW_RMAP", description = "Where the modified rmap is written.")
    String newRmap;

    @Parameters(index = "3..*", arity = "1..*", paramLabel = "ARGS",
            description = "insert/delete: reference files; set_header: FIELD VALUE...; del_header: FIELD.")
    List<String> args;

    private CrdsLog log;
    private ToolEnvironment env;

    @Override
    public Integer call() {
        env = parent.environment();
        if (!List.of("insert", "delete", "set_header", "del_header").contains(command)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "argument command: invalid choice: "
                    + SyntaxPrinter.repr(command) + " (choose from 'insert', 'delete', 'set_header', 'del_header')");
        }
        for (String rmap : List.of(oldRmap, newRmap)) {
            if (!rmap.endsWith(".rmap")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "A .rmap file is required but got: '" + rmap + "'");
            }
        }
        log = new CrdsLog(env.err());
        try {
            if (command.equals("insert") || command.equals("delete")) args = WordLists.expand(env, args);
            switch (command) {
                case "insert" -> insert();
                case "delete" -> delete();
                case "set_header" -> write(load().withHeaderField(args.get(0),
                        new Value.Str(String.join(" ", args.subList(1, args.size())), SourcePos.UNKNOWN)));
                default -> write(load().withoutHeaderField(args.get(0)));
            }
        } catch (RefactorException | MappingFiles.Failure e) {
            log.error("Refactoring operation FAILED : " + e.getMessage());
        } catch (UncheckedIOException e) {
            log.error("Refactoring operation FAILED : " + e.getCause().getMessage());
        } catch (RuntimeException e) {
            // Anything else CRDS would also trap and report (unreadable headers, bad rules).
            log.error("Refactoring operation FAILED : " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        }
        int errors = log.errors(), warnings = log.warnings(), infos = log.infos();
        log.info(errors + " errors");
        log.info(warnings + " warnings");
        log.info(infos + " infos");
        return Math.min(errors, 255);
    }

    /** CRDS's outside-the-cache location: a bare name is ./name. */
    private static String shown(String given) {
        return given.contains("/") ? given : "./" + given;
    }

    private static String basename(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private RmapEditor load() throws MappingFiles.Failure {
        Path file = env.path(oldRmap);
        String name = file.getFileName().toString();
        MappingSyntax syntax = MappingFiles.parse(MappingFiles.text(file, shown(oldRmap)), name, "Can't load file " + name);
        return RmapEditor.of(syntax);
    }

    private void write(RmapEditor editor) {
        byte[] bytes = MappingText.withChecksum(editor.syntax()).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFile.write(env.path(newRmap), bytes);
        } catch (IOException e) {
            throw new RefactorException("[Errno 2] No such file or directory: " + SyntaxPrinter.repr(shown(newRmap)));
        }
    }

    private boolean flag(String name) {
        return env.variable(name).map(v -> !v.equalsIgnoreCase("false") && !v.equals("0")).orElse(false);
    }

    private void insert() throws MappingFiles.Failure {
        RmapEditor editor = load();
        Map<String, List<String>> legal = flag("CRDS_ALLOW_BAD_PARKEY_VALUES") ? Map.of()
                : LegalValues.forRmap(env.tpnDir().map(d -> d.resolve(editor.observatory())).orElse(null),
                        editor.observatory(), editor.instrument(), editor.filekind(), editor.requiredParkeys());
        boolean allowBadUseafter = flag("CRDS_ALLOW_BAD_USEAFTER");
        Map<Object, String> insertedCases = new LinkedHashMap<>();
        RmapEditor current = editor;
        for (String ref : args) {
            String base = basename(ref);
            log.info("Inserting " + base + " into " + SyntaxPrinter.repr(current.name()));
            Path file = env.path(ref);
            if (!Files.isRegularFile(file)) {
                throw new RefactorException("[Errno 2] No such file or directory: " + SyntaxPrinter.repr(shown(ref)));
            }
            Map<String, String> parameters = current.datasetParameters(ReferenceHeader.read(file), allowBadUseafter);
            current = current.insert(parameters, base, legal);
            for (List<List<List<String>>> match : current.fileMatches(base)) {
                Object matchCase = new ArrayList<Object>(match);
                String previous = insertedCases.get(matchCase);
                if (previous == null) {
                    insertedCases.put(matchCase, base);
                } else {
                    log.error("-".repeat(40) + "\nBoth " + SyntaxPrinter.repr(base) + " and " + SyntaxPrinter.repr(previous)
                            + " identically match case:\n " + PrettyPrint.format(matchCase) + " \n"
                            + "Each reference would replace the other in the rmap.\n"
                            + "Either reference file matching parameters need correction\n"
                            + "or additional matching parameters should be added to the rmap\n"
                            + "to enable CRDS to differentiate between the two files.\n"
                            + "See the file submission section of the CRDS server user's guide here:\n"
                            + "    https://" + current.observatory() + "-crds.stsci.edu/static/users_guide/index.html\n"
                            + "for more explanation.");
                }
            }
        }
        write(current.withHeaderField("derived_from", new Value.Str(basename(oldRmap), SourcePos.UNKNOWN)));
    }

    private void delete() throws MappingFiles.Failure {
        RmapEditor current = load();
        for (String ref : args) {
            log.info("Deleting " + SyntaxPrinter.repr(shown(ref)) + " from " + SyntaxPrinter.repr(current.name()));
            current = current.delete(basename(ref));
        }
        write(current.withHeaderField("derived_from", new Value.Str(basename(oldRmap), SourcePos.UNKNOWN)));
    }
}
