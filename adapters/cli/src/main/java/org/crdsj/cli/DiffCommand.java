package org.crdsj.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.crdsj.engine.compare.DifferenceDatasets;
import org.crdsj.engine.diff.AffectedMode;
import org.crdsj.engine.diff.Closure;
import org.crdsj.engine.diff.DiffOptions;
import org.crdsj.engine.diff.DiffStep;
import org.crdsj.engine.diff.Difference;
import org.crdsj.engine.diff.RulesDiff;
import org.crdsj.engine.observatory.Observatory;
import org.crdsj.engine.rules.InstrumentContext;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.MappingKind;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.store.DatasetStore;
import org.crdsj.engine.rules.RulesException;
import org.crdsj.engine.values.CodePointOrder;
import org.crdsj.engine.values.PythonRepr;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crds diff OLD NEW}: the logical differences between two mappings, printed exactly as CRDS
 * prints them (one Python tuple per difference, or {@code --squash-tuples} lines), or the
 * instruments, types and modes they affect. Exit status as CRDS: 0 no differences, 1 differences,
 * 2 when a warning or error was logged (or the files cannot be compared); 1 when a mapping cannot
 * be loaded (where CRDS dies with a traceback).
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Difference two CRDS mappings (.pmap, .imap or .rmap) logically, as CRDS does.",
                "A bare name means ./NAME if it exists, else <mappath>/<observatory>/NAME."})
final class DiffCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    CrdsCommand parent;

    @Parameters(index = "0", paramLabel = "OLD", description = "The prior mapping.")
    String oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "The new mapping.")
    String newFile;

    @Option(names = {"-T", "--mapping-text-diffs"},
            description = "Also print a unified text difference of every compared pair of mapping files.")
    boolean mappingTextDiffs;

    @Option(names = {"-i", "--include-header-diffs"}, description = "Include mapping header differences.")
    boolean includeHeaderDiffs;

    @Option(names = {"-B", "--hide-boring-diffs"},
            description = "Leave out header differences of name, derived_from, sha1sum and row_keys.")
    boolean hideBoringDiffs;

    @Option(names = {"-U", "--recurse-added-deleted"},
            description = "List every terminal of a mapping added or deleted as a whole.")
    boolean recurseAddedDeleted;

    @Option(names = {"-K", "--check-diffs"}, description = "Warn about rule changes, deletions and reversions.")
    boolean checkDiffs;

    @Option(names = "--check-references",
            description = "Warn about references added to or deleted from each compared pair of mappings.")
    boolean checkReferences;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    static final class Mode {
        @Option(names = {"-N", "--print-new-files"},
                description = "Print the mappings and references in NEW's closure that are not in OLD's.")
        boolean printNewFiles;

        @Option(names = {"-A", "--print-all-new-files"},
                description = "Print every file of the mapping-path contexts after OLD up to NEW that OLD lacks, with instrument and type.")
        boolean printAllNewFiles;

        @Option(names = "--print-affected-instruments", description = "Print the instruments the differences affect.")
        boolean printAffectedInstruments;

        @Option(names = "--print-affected-types", description = "Print the instruments and types the differences affect.")
        boolean printAffectedTypes;

        @Option(names = "--print-affected-modes",
                description = "Print the instrument, type and lookup parameters of the affected modes.")
        boolean printAffectedModes;

        @Option(names = "--cache1", paramLabel = "DIR",
                description = "CRDS cache (CRDS_PATH) of OLD for a cache-to-cache comparison of same-named rules; needs --cache2.")
        Path cache1;
    }

    @Option(names = "--cache2", paramLabel = "DIR", description = "CRDS cache (CRDS_PATH) of NEW for a cache-to-cache comparison.")
    Path cache2;

    @Option(names = {"-L", "--lowest-mapping-only"}, description = "Show only the deepest mapping pair of each difference.")
    boolean lowestMappingOnly;

    @Option(names = {"-E", "--remove-paths"}, description = "Show mapping names without their directories.")
    boolean removePaths;

    @Option(names = {"-Q", "--squash-tuples"}, description = "Print each difference as ' -- '-separated words, not a tuple.")
    boolean squashTuples;

    @Option(names = {"-F", "--brief"}, description = "Same as -L -E -B -i.")
    boolean brief;

    @Option(names = {"-v", "--verbose"}, description = "Also print debug lines (e.g. the unremarkable changes -K reviews).")
    boolean verbose;

    @Option(names = "--json", description = "Print the differences as one JSON document (a crds-j extension).")
    boolean json;

    @Option(names = "--datasets", paramLabel = "STORE",
            description = "After each rule change, how many datasets of this store (crds store import) move from which file to which (a crds-j extension).")
    Path datasets;

    private ToolEnvironment env() {
        return parent.environment();
    }

    @Override
    public Integer call() {
        ToolEnvironment env = env();
        CrdsLog log = new CrdsLog(env.err(), verbose);
        if (brief) {
            lowestMappingOnly = true;
            removePaths = true;
            hideBoringDiffs = true;
            includeHeaderDiffs = true;
        }
        if ((mode.cache1 == null) != (cache2 == null)) {
            log.error("Cache-to-cache comparison requires both --cache1 and --cache2;  otherwise neither for single cache comparison.");
            return 1;   // an assertion in CRDS
        }
        String oldLabel = mode.cache1 == null ? label(oldFile) : cached(mode.cache1, oldFile);
        String newLabel = cache2 == null ? label(newFile) : cached(cache2, newFile);
        int status;
        if (!isMapping(oldLabel) || !isMapping(newLabel)) {
            status = differentTypes(log, oldLabel, newLabel);
        } else if (!extension(oldLabel).equals(extension(newLabel))) {
            log.error("Files " + PythonRepr.str(oldLabel) + " and " + PythonRepr.str(newLabel)
                    + " are not the same kind of CRDS mapping:  .pmap, .imap, .rmap");
            return 1;   // CRDS fails an assertion here, exit status 1
        } else {
            Loaded loaded;
            try {
                loaded = load(oldLabel, newLabel);
            } catch (RulesException e) {
                log.error("Cannot load mapping for difference: " + e.getMessage());
                return 1;   // CRDS dies with a traceback here, exit status 1
            }
            if (loaded.old.kind() != loaded.neu.kind()) {
                log.error("Files " + PythonRepr.str(oldLabel) + " and " + PythonRepr.str(newLabel)
                        + " are not the same kind of CRDS mapping:  .pmap, .imap, .rmap");
                return 1;
            }
            status = run(log, loaded, oldLabel, newLabel);
        }
        return log.errors() > 0 || log.warnings() > 0 ? 2 : status;
    }

    private int run(CrdsLog log, Loaded m, String oldLabel, String newLabel) {
        if (mode.printNewFiles) return printNewFiles(m);
        if (mode.printAllNewFiles) return printAllNewFiles(log, m, oldLabel, newLabel);
        if (mode.printAffectedInstruments || mode.printAffectedTypes) {
            List<Difference> diffs = RulesDiff.removeBoring(differences(m, oldLabel, newLabel,
                    new DiffOptions(includeHeaderDiffs, false)));
            Map<String, List<String>> affected = RulesDiff.affectedTypes(diffs);
            int status = 0;
            for (Map.Entry<String, List<String>> e : affected.entrySet()) {
                if (mode.printAffectedInstruments) {
                    env().out().println(e.getKey());
                    status = 1;
                    continue;
                }
                for (String type : e.getValue()) {
                    env().out().println(String.format(Locale.ROOT, "%-10s %-10s", e.getKey(), type));
                    status = 1;
                }
            }
            return status;
        }
        if (mode.printAffectedModes) {
            List<AffectedMode> modes = RulesDiff.affectedModes(differences(m, oldLabel, newLabel,
                    new DiffOptions(includeHeaderDiffs, false)));
            for (AffectedMode mode : modes) env().out().println(mode.format());
            return modes.isEmpty() ? 0 : 1;
        }
        List<Difference> diffs = differences(m, oldLabel, newLabel, new DiffOptions(includeHeaderDiffs, recurseAddedDeleted));
        if (hideBoringDiffs) diffs = RulesDiff.removeBoring(diffs);
        DifferenceDatasets.Attribution moved = null;
        if (datasets != null) {
            try (DatasetStore store = DatasetStore.open(env().path(datasets))) {
                moved = DifferenceDatasets.attribute(diffs,
                        DifferenceDatasets.moves(m.old, m.neu, store, Runtime.getRuntime().availableProcessors()),
                        DifferenceDatasets.instruments(store));
            } catch (RuntimeException e) {
                log.error("Cannot compare the datasets of " + PythonRepr.str(datasets.toString()) + " : " + e.getMessage());
                return 1;
            }
        }
        if (json) {
            printJson(oldLabel, newLabel, diffs, moved);
        } else {
            if (mappingTextDiffs) {
                env().out().println("=".repeat(20) + " logical differences " + PythonRepr.str(oldLabel) + " vs. "
                        + PythonRepr.str(newLabel) + " " + "=".repeat(20));
            }
            for (int i = 0; i < diffs.size(); i++) {
                env().out().println(DiffLines.format(diffs.get(i), lowestMappingOnly, removePaths, squashTuples));
                if (moved != null && moved.perDifference().get(i) != null) {
                    env().out().println("    datasets: " + moved.perDifference().get(i).format());
                }
            }
            if (moved != null) {
                moved.other().forEach((key, moves) -> {
                    env().out().println("other " + key);
                    env().out().println("    datasets: " + moves.format());
                });
            }
        }
        if (mappingTextDiffs || checkReferences) {
            for (List<String> pair : DiffLines.mappingPairs(diffs, oldLabel, newLabel)) {
                if (mappingTextDiffs) textDifference(log, m, pair.get(0), pair.get(1));
                if (checkReferences) checkReferences(log, m.find(pair.get(0), true), m.find(pair.get(1), false));
            }
        }
        if (checkDiffs) DiffChecks.check(log, diffs);
        return diffs.isEmpty() ? 0 : 1;
    }

    // ------------------------------------------------------------------ locating and loading

    /**
     * CRDS's "outside the cache" rule: {@code crds://NAME} is the cache copy, a bare name is
     * ./NAME; a bare name that is not there is looked up in the mapping path too.
     */
    private String label(String given) {
        if (given.startsWith("crds://")) {
            String name = given.substring("crds://".length());
            try {
                return locator().locate(name, null).toAbsolutePath().toString();
            } catch (RulesException e) {
                return name;
            }
        }
        if (given.indexOf('/') >= 0) return given;
        if (Files.isRegularFile(env().path(given))) return "./" + given;
        try {
            return locator().locate(given, null).toAbsolutePath().toString();
        } catch (RulesException e) {
            return "./" + given;
        }
    }

    private MappingLocator locator() {
        return new MappingLocator(env().mappath(null));
    }

    private static boolean isMapping(String name) {
        return MappingKind.fromFileName(name).isPresent();
    }

    /**
     * Both mappings, loaded without verifying checksums (as CRDS diff), plus every file they name;
     * from one loader, or in a cache-to-cache comparison one per cache.
     */
    private Loaded load(String oldLabel, String newLabel) {
        MappingLoader loader = new MappingLoader(locator(), new LoadOptions(false));
        MappingLoader second = cache2 == null ? loader
                : new MappingLoader(new MappingLocator(cacheMappings(cache2)), new LoadOptions(false));
        if (mode.cache1 != null) loader = new MappingLoader(new MappingLocator(cacheMappings(mode.cache1)), new LoadOptions(false));
        Mapping old = loader.loadFile(env().path(oldLabel));
        Mapping neu = second.loadFile(env().path(newLabel));
        return new Loaded(old, oldLabel, neu, newLabel);
    }

    /** The mappings directory of a CRDS cache. */
    private Path cacheMappings(Path cache) {
        return env().path(cache).resolve("mappings");
    }

    /** In a cache-to-cache comparison a file is the same-named file in that cache: {@code <cache>/mappings/<obs>/NAME}. */
    private String cached(Path cache, String given) {
        String name = given.substring(given.lastIndexOf('/') + 1);
        return cacheMappings(cache).resolve(observatoryOf(name)).resolve(name).toString();
    }

    private String observatoryOf(String name) {
        return Observatory.fromName(name).map(o -> o.id())
                .or(() -> env().observatory()).orElse("jwst");
    }

    /** How a cache-to-cache comparison names the nested mappings of one side: their paths in that cache. */
    private Function<Mapping, String> names(Path cache) {
        if (cache == null) return Mapping::name;
        return m -> cacheMappings(cache).resolve(observatoryOf(m.name())).resolve(m.name()).toString();
    }

    private List<Difference> differences(Loaded m, String oldLabel, String newLabel, DiffOptions options) {
        return RulesDiff.differences(m.old, oldLabel, m.neu, newLabel, options, names(mode.cache1), names(cache2));
    }

    /** The two loaded mappings and, by the names a difference shows, every mapping below each. */
    private static final class Loaded {
        final Mapping old, neu;
        final Map<String, Mapping> oldByName = new LinkedHashMap<>(), newByName = new LinkedHashMap<>();

        Loaded(Mapping old, String oldLabel, Mapping neu, String newLabel) {
            this.old = old;
            this.neu = neu;
            Closure.mappings(old).forEach(x -> oldByName.put(x.name(), x));
            Closure.mappings(neu).forEach(x -> newByName.put(x.name(), x));
            oldByName.put(oldLabel, old);
            newByName.put(newLabel, neu);
        }

        /** A mapping of the old (or new) side by the name or path a difference shows for it. */
        Mapping find(String name, boolean oldSide) {
            Map<String, Mapping> names = oldSide ? oldByName : newByName;
            Mapping m = names.get(name);
            return m != null ? m : names.get(name.substring(name.lastIndexOf('/') + 1));
        }
    }

    // ------------------------------------------------------------------ other modes

    private int printNewFiles(Loaded m) {
        int status = 0;
        TreeSet<String> mappings = new TreeSet<>(CodePointOrder.STRINGS);
        for (Mapping x : Closure.mappings(m.neu)) mappings.add(x.name());
        for (Mapping x : Closure.mappings(m.old)) mappings.remove(x.name());
        TreeSet<String> refs = new TreeSet<>(CodePointOrder.STRINGS);
        refs.addAll(Closure.references(m.neu));
        refs.removeAll(Closure.references(m.old));
        for (String name : mappings) {
            env().out().println(name);
            status = 1;
        }
        for (String name : refs) {
            env().out().println(name);
            status = 1;
        }
        return status;
    }

    /**
     * CRDS's {@code get_updated_files}: the union of the closures of every mapping in the mapping
     * path with NEW's extension whose name sorts after OLD's and not after NEW's, minus OLD's
     * closure; mappings then references, each with its instrument and type.
     */
    private int printAllNewFiles(CrdsLog log, Loaded m, String oldLabel, String newLabel) {
        log.warning("--print-all-new-files requires a complete set of rules.  suggest --sync-files.");
        String ext = "." + extension(newLabel);
        String first = oldLabel.substring(oldLabel.lastIndexOf('/') + 1), last = newLabel.substring(newLabel.lastIndexOf('/') + 1);
        Path dir = env().mappath(null).resolve(m.old.observatory().id());
        TreeSet<String> candidates = new TreeSet<>(CodePointOrder.STRINGS);
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(ext)).forEach(candidates::add);
        } catch (java.io.IOException e) {
            log.error("Cannot list mappings in " + PythonRepr.str(dir.toString()) + " : " + e.getMessage());
            return 1;
        }
        MappingLoader loader = new MappingLoader(locator(), new LoadOptions(false));
        Map<String, String> properties = new TreeMap<>(CodePointOrder.STRINGS);
        for (String name : candidates) {
            if (CodePointOrder.compare(first, name) >= 0 || CodePointOrder.compare(name, last) > 0) continue;
            try {
                describeClosure(loader.loadFile(dir.resolve(name)), properties);
            } catch (RulesException e) {
                log.error("Cannot load mapping " + PythonRepr.str(name) + " : " + e.getMessage());
            }
        }
        Map<String, String> old = new HashMap<>();
        describeClosure(m.old, old);
        properties.keySet().removeAll(old.keySet());
        for (boolean mappings : new boolean[] {true, false}) {
            properties.forEach((name, props) -> {
                if (isMapping(name) == mappings) env().out().println(name + " " + props);
            });
        }
        return properties.isEmpty() ? 0 : 1;
    }

    /** Every file of a closure with CRDS's "instrument filekind" text (a reference: that of an rmap naming it). */
    private static void describeClosure(Mapping top, Map<String, String> out) {
        for (Mapping x : Closure.mappings(top)) {
            String instrument = x instanceof InstrumentContext i ? i.instrument()
                    : x instanceof ReferenceMapping r ? r.instrument() : "";
            String filekind = x instanceof ReferenceMapping r ? r.filekind() : "";
            out.putIfAbsent(x.name(), instrument + " " + filekind);
            if (x instanceof ReferenceMapping r) {
                for (String ref : Closure.references(r)) out.putIfAbsent(ref, instrument + " " + filekind);
            }
        }
    }

    private void checkReferences(CrdsLog log, Mapping old, Mapping neu) {
        if (old == null || neu == null) return;
        TreeSet<String> was = new TreeSet<>(CodePointOrder.STRINGS), now = new TreeSet<>(CodePointOrder.STRINGS);
        was.addAll(Closure.references(old));
        now.addAll(Closure.references(neu));
        TreeSet<String> deleted = new TreeSet<>(was), added = new TreeSet<>(now);
        deleted.removeAll(now);
        added.removeAll(was);
        if (!deleted.isEmpty()) {
            log.warning("Deleted references for " + PythonRepr.str(old.name()) + " and " + PythonRepr.str(neu.name())
                    + " = " + PythonRepr.list(new ArrayList<>(deleted)));
        }
        if (!added.isEmpty()) {
            log.warning("Added references for " + PythonRepr.str(old.name()) + " and " + PythonRepr.str(neu.name())
                    + " = " + PythonRepr.list(new ArrayList<>(added)));
        }
    }

    private void textDifference(CrdsLog log, Loaded m, String oldName, String newName) {
        env().out().println("=".repeat(20) + " text difference " + PythonRepr.str(oldName) + " vs. "
                + PythonRepr.str(newName) + " " + "=".repeat(20));
        try {
            Path a = fileOf(m, oldName), b = fileOf(m, newName);
            for (String line : TextDiff.unified(oldName, Files.readAllLines(a), newName, Files.readAllLines(b))) {
                env().out().println(line);
            }
        } catch (java.io.IOException | RulesException e) {
            log.error("Cannot read mapping text for " + PythonRepr.str(oldName) + " vs. " + PythonRepr.str(newName)
                    + " : " + e.getMessage());
        }
        env().out().println("=".repeat(80));
    }

    private Path fileOf(Loaded m, String name) {
        return name.indexOf('/') >= 0 ? env().path(name) : locator().locate(name, null);
    }

    /** Anything that is not a pair of mappings. */
    private int differentTypes(CrdsLog log, String oldLabel, String newLabel) {
        String ext = extension(oldLabel);
        if (isMapping(oldLabel) || isMapping(newLabel)) {
            log.error("Files " + PythonRepr.str(oldLabel) + " and " + PythonRepr.str(newLabel)
                    + " are not the same kind of CRDS mapping:  .pmap, .imap, .rmap");
            return 1;
        }
        if (ext.equals("fits") || ext.equals("asdf")) {
            log.error("crds-j does not difference ." + ext + " files (CRDS uses fitsdiff / asdftool here)");
            return 2;
        }
        if (!(ext.equals("json") || ext.equals("yaml") || ext.equals("txt")) || !ext.equals(extension(newLabel))) {
            log.warning("Cannot difference file of type " + PythonRepr.str(ext) + " : " + PythonRepr.str(oldLabel)
                    + " " + PythonRepr.str(newLabel));
            return 2;
        }
        try {
            List<String> lines = TextDiff.unified(oldLabel, Files.readAllLines(env().path(oldLabel)),
                    newLabel, Files.readAllLines(env().path(newLabel)));
            lines.forEach(env().out()::println);
            return lines.isEmpty() ? 0 : 1;
        } catch (java.io.IOException e) {
            log.error("Cannot read " + e.getMessage());
            return 2;
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    // ------------------------------------------------------------------ --json

    private static Map<String, Object> json(DifferenceDatasets.Moves moves) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", moves.total());
        out.put("transitions", moves.transitions());
        return out;
    }

    private void printJson(String oldLabel, String newLabel, List<Difference> diffs, DifferenceDatasets.Attribution moved) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < diffs.size(); i++) {
            Difference d = diffs.get(i);
            Map<String, Object> item = new LinkedHashMap<>();
            List<Object> path = new ArrayList<>();
            for (DiffStep s : d.steps()) {
                Map<String, Object> step = new LinkedHashMap<>();
                if (s instanceof DiffStep.MappingPair p) {
                    step.put("mappings", p.values());
                    step.put("class", p.mappingClass());
                } else {
                    step.put("key", s.values());
                    step.put("parameters", s.parameterNames());
                }
                path.add(step);
            }
            item.put("path", path);
            item.put("message", d.message());
            item.put("header", d.isHeader());
            item.put("instrument", d.instrument());
            item.put("filekind", d.filekind());
            if (moved != null && moved.perDifference().get(i) != null) item.put("datasets", json(moved.perDifference().get(i)));
            items.add(item);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("old", oldLabel);
        doc.put("new", newLabel);
        doc.put("differences", items);
        if (moved != null) {
            List<Map<String, Object>> other = new ArrayList<>();
            moved.other().forEach((key, moves) -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("instrument", key.substring(0, key.indexOf(' ')));
                o.put("filekind", key.substring(key.indexOf(' ') + 1));
                o.put("datasets", json(moves));
                other.add(o);
            });
            doc.put("other", other);
        }
        try {
            env().out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
