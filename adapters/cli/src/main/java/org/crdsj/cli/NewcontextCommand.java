package org.crdsj.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.crdsj.cli.MappingFiles.Failure;
import org.crdsj.engine.rules.Checksums;
import org.crdsj.engine.rules.MappingHeader;
import org.crdsj.engine.rules.MappingText;
import org.crdsj.engine.rules.PythonKey;
import org.crdsj.engine.values.CodePointOrder;
import org.crdsj.engine.values.PythonRepr;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code crds newcontext OLD.pmap NEW_RMAP...}: a new local pipeline context (and the instrument
 * contexts it needs) that uses the given rmaps instead of their predecessors, written into the
 * working directory under CRDS's local names ({@link LocalMappingNames}). An update
 * {@code <instrument>_<type>_n/a} sets that type to {@code N/A}.
 *
 * <p>Every new file is computed first and then written atomically, so a failure writes nothing.
 * Exit status: 0, or 1 after an error.
 */
@Command(name = "newcontext", mixinStandardHelpOptions = true,
        description = {"Make a new .pmap (and .imaps) from OLD_PMAP that uses the given new rmaps.",
                "Files are written to the working directory with local names (next serial of each series)."})
final class NewcontextCommand implements Callable<Integer> {
    @ParentCommand
    CrdsCommand parent;

    @Parameters(index = "0", paramLabel = "OLD_PMAP", description = "The baseline pipeline context.")
    String oldPmap;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "NEW_RMAP",
            description = "New rmaps (by name or path), or <instrument>_<type>_n/a.")
    List<String> updates;

    @Option(names = "--mappath", paramLabel = "DIR",
            description = "Mapping directory; default $CRDS_MAPPATH or $CRDS_PATH/mappings.")
    Path mappathOption;

    private final FileSink sink;
    private CrdsLog log;
    private LocalMappingNames names;

    NewcontextCommand() {
        this(FileSink.ATOMIC);
    }

    /** A command that writes through {@code sink} (tests). */
    NewcontextCommand(FileSink sink) {
        this.sink = sink;
    }
    private String observatory;

    @Override
    public Integer call() {
        ToolEnvironment env = parent.environment();
        log = new CrdsLog(env.err());
        names = new LocalMappingNames(env.workDir(), env.mappath(mappathOption));
        Map<Path, byte[]> outputs;
        try {
            outputs = plan(env.workDir());
        } catch (Failure e) {
            log.error(e.getMessage());
            return 1;
        }
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<Path, byte[]> out : outputs.entrySet()) {
                sink.write(out.getKey(), out.getValue());
                written.add(out.getKey());
            }
        } catch (IOException e) {
            // All or nothing: a context without its imaps (or the reverse) is of no use.
            for (Path p : written) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // reported below with the cause
                }
            }
            log.error("cannot write the new mappings (nothing was written): " + e.getMessage());
            return 1;
        }
        return Math.min(log.errors(), 255);
    }

    /** One mapping being derived: its old name, the syntax being edited, its new local name. */
    private static final class Derived {
        final String oldName;
        final String newName;
        MappingSyntax syntax;

        Derived(String oldName, String newName, MappingSyntax syntax) {
            this.oldName = oldName;
            this.newName = newName;
            this.syntax = syntax;
        }
    }

    /** Computes every new file (path -> bytes), logging what CRDS logs, without writing anything. */
    private Map<Path, byte[]> plan(Path workDir) throws Failure {
        MappingSyntax pmap = load(oldPmap);
        observatory = new MappingHeader(oldPmap, pmap.header()).string("observatory")
                .orElseGet(() -> oldPmap.replaceFirst("^.*/", "").replaceFirst("[_.].*$", ""));

        // Which imap each update goes to, in CRDS's order (updates sorted).
        Map<String, List<String>> byImap = new TreeMap<>(CodePointOrder.STRINGS);
        List<String> sortedUpdates = new ArrayList<>(updates);
        sortedUpdates.sort(CodePointOrder.STRINGS);
        Map<String, String> instrumentOfImap = new LinkedHashMap<>();
        for (String update : sortedUpdates) {
            String named = isNotApplicable(update) ? notApplicableParts(update)[0] : properties(update, pmap)[0];
            // CRDS's one instrument alias.
            String instrument = named.equalsIgnoreCase("wfii") ? "wfpc2" : named.toLowerCase(Locale.ROOT);
            String imap = selection(pmap, instrument).orElseThrow(() -> new Failure("Unknown instrument "
                    + PythonRepr.str(instrument) + " for context " + PythonRepr.str(basename(oldPmap))));
            List<String> list = byImap.computeIfAbsent(imap, k -> new ArrayList<>());
            if (list.contains(update)) throw new Failure("Duplicate update for " + PythonRepr.str(update));
            list.add(update);
            instrumentOfImap.put(imap, instrument);
        }

        // Local names: the pipeline first, then each imap in name order.
        Derived newPmap = new Derived(oldPmap, names.next(oldPmap), pmap);
        List<Derived> newImaps = new ArrayList<>();
        for (String imap : byImap.keySet()) newImaps.add(new Derived(imap, names.next(imap), null));

        for (Derived d : newImaps) {
            d.syntax = load(d.oldName);
            for (String update : byImap.get(d.oldName)) {
                String key, replacement;
                if (isNotApplicable(update)) {
                    String[] parts = notApplicableParts(update);
                    key = parts[1];
                    replacement = parts[2].toUpperCase(Locale.ROOT);
                } else {
                    key = properties(update, pmap)[1];
                    replacement = update;
                }
                key = contextKey(key, false);
                replace(d, key, replacement);
            }
        }
        List<Derived> byNewName = new ArrayList<>(newImaps);
        byNewName.sort((a, b) -> CodePointOrder.compare(a.newName, b.newName));
        for (Derived imap : byNewName) {
            String instrument = instrumentOfName(imap.newName).orElse(instrumentOfImap.get(imap.oldName));
            replace(newPmap, contextKey(instrument, true), imap.newName);
        }

        // Names and derivation, in order of the old names.
        List<Derived> all = new ArrayList<>(newImaps);
        all.add(newPmap);
        all.sort((a, b) -> CodePointOrder.compare(a.oldName, b.oldName));
        Map<Path, byte[]> outputs = new LinkedHashMap<>();
        for (Derived d : all) {
            String oldBase = basename(d.oldName), newBase = basename(d.newName);
            MappingSyntax s = MappingText.withHeaderField(d.syntax, "derived_from", str(oldBase));
            s = MappingText.withHeaderField(s, "name", str(newBase));
            log.info("Adjusting name " + PythonRepr.str(newBase) + " derived_from " + PythonRepr.str(oldBase)
                    + " in " + PythonRepr.str(d.newName));
            Path target = workDir.resolve(d.newName).normalize();
            if (Files.exists(target)) {
                throw new Failure("New mapping file " + PythonRepr.str(d.newName) + " already exists.");
            }
            outputs.put(target, MappingText.withChecksum(s).getBytes(StandardCharsets.UTF_8));
        }
        return outputs;
    }

    /** Sets selector {@code key} of {@code d} to the base name of {@code replacement}, logging it as CRDS does. */
    private void replace(Derived d, String key, String replacement) throws Failure {
        if (!(d.syntax.selector() instanceof Value.Dict selector)) {
            throw new Failure(PythonRepr.str(d.oldName) + " is not a context: its selector is not a dict");
        }
        Value old = null;
        for (Value.Entry e : PythonKey.dictItems(selector)) {
            if (e.key() instanceof Value.Str k && k.value().equals(key)) old = e.value();
        }
        // CRDS stores the base name of the replacement, so N/A becomes 'A' (a quirk kept on purpose).
        Value.Dict edited = MappingText.withEntry(selector, key, str(basename(replacement)));
        d.syntax = new MappingSyntax(d.syntax.file(), d.syntax.header(), edited, d.syntax.comment());
        String where = " for " + PythonRepr.str(key) + " in " + PythonRepr.str(d.oldName)
                + " producing " + PythonRepr.str(d.newName);
        if (old != null) {
            log.info("Replaced " + MappingText.repr(old) + " with " + PythonRepr.str(replacement) + where);
        } else {
            log.info("Added " + PythonRepr.str(replacement) + where);
        }
    }

    // ------------------------------------------------------------------ names and properties

    private static boolean isNotApplicable(String update) {
        return update.endsWith("_n/a") || update.endsWith("_N/A");
    }

    /** {@code instrument_type_n/a} split in three, as CRDS unpacks it. */
    private static String[] notApplicableParts(String update) throws Failure {
        String[] parts = update.split("_", -1);
        if (parts.length != 3) {
            throw new Failure("Bad update " + PythonRepr.str(update) + ": expected <instrument>_<type>_n/a");
        }
        return parts;
    }

    /**
     * (instrument, filekind) of a new rmap, lower case: from its name
     * {@code <obs>_<instrument>_<filekind>[_<serial>].rmap} when the pipeline knows the instrument
     * and its instrument context the type, else from the rmap's own header.
     */
    private String[] properties(String rmap, MappingSyntax pmap) throws Failure {
        String base = basename(rmap);
        int dot = base.lastIndexOf('.');
        String[] parts = (dot < 0 ? base : base.substring(0, dot)).split("_", -1);
        if (base.endsWith(".rmap") && (parts.length == 3 || parts.length == 4)) {
            String instrument = parts[1], filekind = parts[2];
            Optional<String> imap = selection(pmap, instrument);
            if (imap.isPresent()) {
                MappingSyntax imapSyntax = load(imap.get());
                if (selection(imapSyntax, filekind).isPresent()) return new String[] {instrument, filekind};
            }
        }
        MappingSyntax syntax = MappingFiles.parse(MappingFiles.text(names.locate(rmap), rmap), base, "Can't load file " + rmap);
        MappingHeader header = new MappingHeader(base, syntax.header());
        String instrument = header.string("instrument").orElseThrow(() ->
                new Failure("Required header key 'instrument' is missing in " + PythonRepr.str(rmap)));
        String filekind = header.string("filekind").orElseThrow(() ->
                new Failure("Required header key 'filekind' is missing in " + PythonRepr.str(rmap)));
        return new String[] {instrument, filekind};
    }

    /** The instrument a new imap's name {@code <obs>_<instrument>_<serial>.imap} gives. */
    private static Optional<String> instrumentOfName(String imap) {
        String base = basename(imap);
        String[] parts = base.substring(0, base.length() - ".imap".length()).split("_", -1);
        return parts.length == 2 || parts.length == 3 ? Optional.of(parts[1]) : Optional.empty();
    }

    /** CRDS's case of a context key: HST instruments upper, HST types lower, everything upper elsewhere. */
    private String contextKey(String key, boolean instrument) {
        if (!observatory.equalsIgnoreCase("hst")) return key.toUpperCase(Locale.ROOT);
        return instrument ? key.toUpperCase(Locale.ROOT) : key.toLowerCase(Locale.ROOT);
    }

    /** The value a context selects for {@code key} (compared without case), if any. */
    private static Optional<String> selection(MappingSyntax context, String key) {
        if (!(context.selector() instanceof Value.Dict d)) return Optional.empty();
        String found = null;
        for (Value.Entry e : PythonKey.dictItems(d)) {
            if (e.key() instanceof Value.Str k && k.value().equalsIgnoreCase(key) && e.value() instanceof Value.Str v) {
                found = v.value();
            }
        }
        return Optional.ofNullable(found);
    }

    /** A context read and checked as CRDS loads it: parsed, with a sha1sum that matches its text. */
    private MappingSyntax load(String name) throws Failure {
        Path file = names.locate(name);
        String text = MappingFiles.text(file, name);
        MappingSyntax syntax = MappingFiles.parse(text, basename(name), "Can't load file " + name);
        MappingHeader header = new MappingHeader(basename(name), syntax.header());
        if (!header.has("sha1sum")) throw new Failure("sha1sum is missing in " + PythonRepr.str(basename(name)));
        if (!Checksums.compute(text).equals(header.string("sha1sum").orElse(null))) {
            throw new Failure("sha1sum mismatch in " + PythonRepr.str(basename(name)));
        }
        return syntax;
    }

    private static String basename(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static Value.Str str(String s) {
        return new Value.Str(s, SourcePos.UNKNOWN);
    }
}
