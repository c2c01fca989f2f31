package org.crdsj.engine.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.crdsj.engine.rules.InstrumentContext;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.MappingHeader;
import org.crdsj.engine.rules.MappingText;
import org.crdsj.engine.rules.PipelineContext;
import org.crdsj.engine.rules.PythonKey;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.select.Choice;
import org.crdsj.engine.select.Selection;
import org.crdsj.engine.select.Selector;
import org.crdsj.engine.values.CodePointOrder;
import org.crdsj.engine.values.PythonRepr;
import org.crdsj.grammar.syntax.Value;

/**
 * The logical differences between two mappings of the same kind, as CRDS computes them
 * ({@code crds diff}, {@code Mapping.difference}): contexts are compared selection by selection and
 * replaced nested mappings are compared recursively; rmaps are compared selector by selector on the
 * keys as written in the rules. Also CRDS's {@code get_affected} (the instruments and types a
 * context switch affects) and the affected modes of {@code crds diff --print-affected-modes}.
 *
 * <p>Stateless; every method is a pure function of loaded (immutable) mappings.
 */
public final class RulesDiff {
    /** Header fields whose changes are routine ("boring"): CRDS's {@code BORING_VARS}, lower case. */
    public static final List<String> BORING_FIELDS = List.of("name", "derived_from", "sha1sum", "row_keys");

    private final DiffOptions options;
    private final Function<Mapping, String> oldNames;
    private final Function<Mapping, String> newNames;

    private RulesDiff(DiffOptions options, Function<Mapping, String> oldNames, Function<Mapping, String> newNames) {
        this.options = options;
        this.oldNames = oldNames;
        this.newNames = newNames;
    }

    /** The differences between {@code old} and {@code neu}, top pair named by their file names. */
    public static List<Difference> differences(Mapping old, Mapping neu, DiffOptions options) {
        return differences(old, old.name(), neu, neu.name(), options);
    }

    /**
     * The differences between {@code old} and {@code neu} in CRDS's print order; the top pair is
     * shown as {@code oldLabel}/{@code newLabel} (CRDS shows the paths given on its command line).
     *
     * @throws IllegalArgumentException when the two are not the same kind of mapping
     */
    public static List<Difference> differences(Mapping old, String oldLabel, Mapping neu, String newLabel,
                                               DiffOptions options) {
        return differences(old, oldLabel, neu, newLabel, options, Mapping::name, Mapping::name);
    }

    /**
     * As {@link #differences(Mapping, String, Mapping, String, DiffOptions)}, with nested mappings
     * of each side named by a function instead of by file name. CRDS's cache-to-cache comparison
     * ({@code crds diff --cache1 A --cache2 B}) names them by their paths in each cache, so that
     * same-named files with different contents show as replaced.
     */
    public static List<Difference> differences(Mapping old, String oldLabel, Mapping neu, String newLabel,
                                               DiffOptions options, Function<Mapping, String> oldNames,
                                               Function<Mapping, String> newNames) {
        if (old.kind() != neu.kind()) {
            throw new IllegalArgumentException("Files " + PythonRepr.str(oldLabel) + " and " + PythonRepr.str(newLabel)
                    + " are not the same kind of CRDS mapping:  .pmap, .imap, .rmap");
        }
        List<Difference> out = new RulesDiff(options, oldNames, newNames).mapping(old, oldLabel, neu, newLabel, List.of());
        List<Difference> sorted = new ArrayList<>(out);
        sorted.sort(Difference.ORDER);
        return Collections.unmodifiableList(sorted);
    }

    /** CRDS's {@code remove_boring}: drops differences whose message mentions a boring header field. */
    public static List<Difference> removeBoring(List<Difference> diffs) {
        List<Difference> out = new ArrayList<>();
        for (Difference d : diffs) {
            if (BORING_FIELDS.stream().noneMatch(d.message()::contains)) out.add(d);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * CRDS's {@code get_affected}: {@code {instrument: [types]}} (both lower case, sorted) whose
     * best references may change between {@code old} and {@code neu}. A type counts when an rmap
     * of it has a (non-boring) difference, or when an rmap of it is added or deleted in an imap.
     * {@code crds bestrefs --affected-datasets} uses it with header differences included.
     */
    public static Map<String, List<String>> affectedTypes(Mapping old, Mapping neu, boolean includeHeaderDiffs) {
        List<Difference> diffs = removeBoring(differences(old, neu, new DiffOptions(includeHeaderDiffs, false)));
        return affectedTypes(diffs);
    }

    /** {@link #affectedTypes(Mapping, Mapping, boolean)} with header differences, as bestrefs uses it. */
    public static Map<String, List<String>> affectedTypes(Mapping old, Mapping neu) {
        return affectedTypes(old, neu, true);
    }

    /** The affected instruments and types of already computed (boring-free) differences. */
    public static Map<String, List<String>> affectedTypes(List<Difference> diffs) {
        Map<String, Set<String>> found = new TreeMap<>(CodePointOrder.STRINGS);
        String instrument = "", filekind = "";
        for (Difference d : diffs) {
            // CRDS walks each tuple's steps; the last mapping pair (or an added/deleted rmap) decides.
            for (DiffStep step : d.steps()) {
                if (step instanceof DiffStep.MappingPair p && p.newName() != null) {
                    instrument = p.instrument();
                    filekind = p.filekind();
                } else if (d.changedRmap() != null) {
                    instrument = d.changedRmap().instrument();
                    filekind = d.changedRmap().filekind();
                }
                if (!instrument.isBlank() && !filekind.isBlank()) {
                    found.computeIfAbsent(instrument, k -> new TreeSet<>(CodePointOrder.STRINGS)).add(filekind);
                }
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        found.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    /**
     * CRDS's {@code header_modified}: does a (non-boring) difference change a mapping header?
     * {@code crds bestrefs --affected-datasets} then checks datasets of all dates.
     */
    public static boolean headerModified(List<Difference> diffs) {
        return removeBoring(diffs).stream().anyMatch(d -> d.action().contains("header"));
    }

    /** CRDS's {@code files_deleted}: does a (non-boring) difference delete something? */
    public static boolean filesDeleted(List<Difference> diffs) {
        return removeBoring(diffs).stream().anyMatch(d -> d.action().contains("delete"));
    }

    /**
     * CRDS's {@code mapping_affected_modes}: each distinct mode (instrument, type and the lookup
     * parameter values of a difference) with the number of differences in it, in sorted order.
     */
    public static List<AffectedMode> affectedModes(List<Difference> diffs) {
        Map<List<Map.Entry<String, String>>, Integer> counts = new TreeMap<>(AffectedMode.ITEMS_ORDER);
        for (Difference d : diffs) {
            List<Map.Entry<String, String>> mode = AffectedMode.of(d);
            if (mode != null) counts.merge(mode, 1, Integer::sum);
        }
        List<AffectedMode> out = new ArrayList<>();
        counts.forEach((items, n) -> out.add(new AffectedMode(items, n)));
        return Collections.unmodifiableList(out);
    }

    // ------------------------------------------------------------------ mappings

    private List<Difference> mapping(Mapping old, String oldName, Mapping neu, String newName, List<DiffStep> path) {
        if (old instanceof ReferenceMapping r) return rmap(r, oldName, (ReferenceMapping) neu, newName, path);
        List<Difference> out = context(old, oldName, neu, newName, path);
        if (old instanceof InstrumentContext i) out.replaceAll(d -> withAttributes(d, i.instrument(), d.filekind()));
        return out;
    }

    private static DiffStep.MappingPair pair(Mapping old, String oldName, String newName) {
        String instrument = old instanceof InstrumentContext i ? i.instrument()
                : old instanceof ReferenceMapping r ? r.instrument() : "";
        String filekind = old instanceof ReferenceMapping r ? r.filekind() : "";
        return new DiffStep.MappingPair(oldName, newName, className(old), instrument, filekind);
    }

    private static String className(Mapping m) {
        switch (m.kind()) {
            case PIPELINE: return "PipelineContext";
            case INSTRUMENT: return "InstrumentContext";
            default: return "ReferenceMapping";
        }
    }

    private List<Difference> context(Mapping old, String oldName, Mapping neu, String newName, List<DiffStep> path) {
        List<Difference> out = new ArrayList<>();
        if (options.includeHeaderDiffs()) out.addAll(header(old, oldName, neu, newName, path));
        List<DiffStep> here = append(path, pair(old, oldName, newName));
        List<String> parkey = old.header().stringList("parkey");
        List<String> oldKeys = keys(old), newKeys = keys(neu);
        boolean sameBasename = basename(oldName).equals(basename(newName));
        for (String key : oldKeys) {
            Object was = selection(old, key);
            List<DiffStep> at = append(here, new DiffStep.Key(parkey, List.of(key)));
            Difference diff;
            List<Difference> nested = new ArrayList<>();
            if (!newKeys.contains(key)) {
                diff = new Difference(at, "deleted " + PythonRepr.str(valueName(was, oldNames)), null, null, changedRmap(was));
                if (options.recurseAddedDeleted() && was instanceof Mapping m) nested.addAll(files("deleted", m, at, oldNames));
            } else {
                Object now = selection(neu, key);
                if (valueName(was, oldNames).equals(valueName(now, newNames))) {
                    diff = null;
                } else {
                    // The same checksum under another name (cache-to-cache comparisons) is no change by itself.
                    diff = Objects.equals(checksum(was), checksum(now)) ? null
                            : new Difference(at, "replaced " + PythonRepr.str(valueName(was, oldNames)) + " with "
                                    + PythonRepr.str(valueName(now, newNames)), null, null, null);
                    if (was instanceof Mapping m && now instanceof Mapping n) {
                        nested.addAll(mapping(m, oldNames.apply(m), n, newNames.apply(n), here));
                    } else if (options.recurseAddedDeleted()) {
                        if (was instanceof Mapping m) nested.addAll(files("deleted", m, at, oldNames));
                        else if (now instanceof Mapping n) nested.addAll(files("added", n, at, newNames));
                    }
                }
            }
            if (sameBasename && nested.isEmpty()) diff = null;
            if (diff != null) out.add(diff);
            out.addAll(nested);
        }
        for (String key : newKeys) {
            if (oldKeys.contains(key)) continue;
            Object now = selection(neu, key);
            List<DiffStep> at = append(here, new DiffStep.Key(parkey, List.of(key)));
            out.add(new Difference(at, "added " + PythonRepr.str(valueName(now, newNames)), null, null, changedRmap(now)));
            if (options.recurseAddedDeleted() && now instanceof Mapping n) out.addAll(files("added", n, at, newNames));
        }
        return out;
    }

    private static List<String> keys(Mapping m) {
        return m instanceof PipelineContext p ? p.instruments() : ((InstrumentContext) m).filekinds();
    }

    private static Object selection(Mapping m, String key) {
        return m instanceof PipelineContext p ? p.selection(key) : ((InstrumentContext) m).selection(key);
    }

    private static String valueName(Object selection, Function<Mapping, String> names) {
        return selection instanceof Mapping m ? names.apply(m) : (String) selection;
    }

    /** What CRDS compares before reporting a replacement: the special value, or the nested header's sha1sum. */
    private static String checksum(Object selection) {
        return selection instanceof Mapping m ? m.header().string("sha1sum").orElse(null) : (String) selection;
    }

    private static Difference.RmapType changedRmap(Object selection) {
        return selection instanceof ReferenceMapping r ? new Difference.RmapType(r.instrument(), r.filekind()) : null;
    }

    private static String basename(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /**
     * Every terminal of a mapping added or deleted as a whole ({@code --recurse-added-deleted}).
     * Each level below the change is shown as a one-name step (CRDS's intent; its own code fails here).
     */
    private List<Difference> files(String change, Mapping m, List<DiffStep> path, Function<Mapping, String> names) {
        List<Difference> out = new ArrayList<>();
        DiffStep.MappingPair self = pair(m, names.apply(m), null);
        List<DiffStep> here = append(path, self);
        if (m instanceof ReferenceMapping r) {
            for (Difference d : flat(r.selector(), change + " terminal", here)) {
                out.add(withAttributes(d, r.instrument(), r.filekind()));
            }
            return out;
        }
        List<String> parkey = m.header().stringList("parkey");
        for (String key : keys(m)) {
            Object v = selection(m, key);
            List<DiffStep> at = append(here, new DiffStep.Key(parkey, List.of(key)));
            if (v instanceof Mapping nested) out.addAll(files(change, nested, at, names));
            else out.add(new Difference(at, change + " " + PythonRepr.str((String) v), null, null, null));
        }
        return out;
    }

    // ------------------------------------------------------------------ headers

    private static List<Difference> header(Mapping old, String oldName, Mapping neu, String newName, List<DiffStep> path) {
        List<DiffStep> at = append(path, pair(old, oldName, newName));
        Map<String, Value> a = old.header().fields(), b = neu.header().fields();
        List<Difference> out = new ArrayList<>();
        for (Map.Entry<String, Value> e : a.entrySet()) {
            String key = e.getKey();
            Value was = folded(e.getValue());
            if (!b.containsKey(key)) {
                out.add(new Difference(at, "deleted header " + PythonRepr.str(key) + " = " + MappingText.repr(was), null, null, null));
            } else {
                Value now = folded(b.get(key));
                if (!PythonKey.pyEquals(was, now)) {
                    out.add(new Difference(at, "header replaced " + PythonRepr.str(key) + " = " + MappingText.repr(was)
                            + " with " + MappingText.repr(now), null, null, null));
                }
            }
        }
        for (Map.Entry<String, Value> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                out.add(new Difference(at, "header added " + PythonRepr.str(e.getKey()) + " = "
                        + MappingText.repr(folded(e.getValue())), null, null, null));
            }
        }
        return out;
    }

    /** A header value as CRDS reads it: strings lower-cased unless wrapped in parentheses. */
    private static Value folded(Value v) {
        return v instanceof Value.Str s ? new Value.Str(MappingHeader.fold(s.value()), s.pos()) : v;
    }

    // ------------------------------------------------------------------ rmaps

    private List<Difference> rmap(ReferenceMapping old, String oldName, ReferenceMapping neu, String newName,
                                  List<DiffStep> path) {
        List<Difference> out = new ArrayList<>();
        if (options.includeHeaderDiffs()) out.addAll(header(old, oldName, neu, newName, path));
        out.addAll(selector(old.selector(), neu.selector(), append(path, pair(old, oldName, newName)), true));
        out.replaceAll(d -> withAttributes(d, old.instrument(), old.filekind()));
        return out;
    }

    /** CRDS's {@code Selector.difference}: compares the entries of two selectors by their keys as written. */
    private static List<Difference> selector(Selector old, Object neu, List<DiffStep> path, boolean top) {
        if (!(neu instanceof Selector n) || !n.kind().equals(old.kind())) {
            String other = neu instanceof Selector s ? s.kind() : "N/A".equals(neu) ? "N/A" : pythonClass(neu);
            return List.of(new Difference(path, "different classes " + old.kind() + " : " + other, null, null, null));
        }
        if (!old.parameters().equals(n.parameters())) {
            return List.of(new Difference(path, "different parameter lists  " + PythonRepr.tuple(old.parameters())
                    + " : " + PythonRepr.tuple(n.parameters()), null, null, null));
        }
        Map<PythonKey, Object> newByKey = rawSelections(n);
        Map<PythonKey, Object> oldByKey = rawSelections(old);
        List<Difference> out = new ArrayList<>();
        String rule = old.kind() + " rule for";
        for (Selection s : old.selections()) {
            PythonKey key = new PythonKey(s.rawKey());
            Object was = python(s.choice());
            List<DiffStep> below = append(path, keyStep(old, s.rawKey()));
            if (!newByKey.containsKey(key)) {
                if (was instanceof Selector nested) out.addAll(flat(nested, "deleted " + rule, below));
                else out.add(message(old, path, s.rawKey(), (top ? "deleted " + rule : "deleted terminal") + " " + repr(was)));
            } else {
                Object now = newByKey.get(key);
                if (was instanceof Selector nested) out.addAll(selector(nested, now, below, false));
                else if (!pythonEquals(was, now)) {
                    out.add(message(old, path, s.rawKey(), "replaced " + repr(was) + " with " + repr(now)));
                }
            }
        }
        for (Selection s : n.selections()) {
            if (oldByKey.containsKey(new PythonKey(s.rawKey()))) continue;
            Object now = python(s.choice());
            List<DiffStep> below = append(path, keyStep(n, s.rawKey()));
            if (now instanceof Selector nested) out.addAll(flat(nested, "added " + rule, below));
            else out.add(message(n, path, s.rawKey(), (top ? "added " + rule : "added terminal") + " " + repr(now)));
        }
        return out;
    }

    /** CRDS's {@code flat_diff}: one {@code change} message per terminal below {@code sel}. */
    private static List<Difference> flat(Selector sel, String change, List<DiffStep> path) {
        List<Difference> out = new ArrayList<>();
        for (Selection s : sel.selections()) {
            Object choice = python(s.choice());
            if (choice instanceof Selector nested) out.addAll(flat(nested, change, append(path, keyStep(sel, s.rawKey()))));
            else out.add(message(sel, path, s.rawKey(), change + " " + repr(choice)));
        }
        return out;
    }

    /** A message at a selector entry: the key joins the path unless it is "false" in Python (e.g. {@code ()}). */
    private static Difference message(Selector sel, List<DiffStep> path, Value rawKey, String text) {
        List<DiffStep> at = pythonTrue(rawKey) ? append(path, keyStep(sel, rawKey)) : path;
        return new Difference(at, text, null, null, null);
    }

    private static Map<PythonKey, Object> rawSelections(Selector sel) {
        Map<PythonKey, Object> out = new LinkedHashMap<>();
        for (Selection s : sel.selections()) out.put(new PythonKey(s.rawKey()), python(s.choice()));
        return out;
    }

    private static DiffStep.Key keyStep(Selector sel, Value rawKey) {
        return DiffStep.Key.of(sel, rawKey);
    }

    private static boolean pythonTrue(Value v) {
        if (v instanceof Value.Str s) return !s.value().isEmpty();
        if (v instanceof Value.Tuple t) return !t.items().isEmpty();
        if (v instanceof Value.ListVal l) return !l.items().isEmpty();
        if (v instanceof Value.Dict d) return !d.entries().isEmpty();
        if (v instanceof Value.Int i) return i.value().signum() != 0;
        if (v instanceof Value.Flt f) return f.value() != 0.0;
        if (v instanceof Value.Bool b) return b.value();
        return false;
    }

    // ------------------------------------------------------------------ choices as Python sees them

    /** A choice as the Python value CRDS holds: a string, a list standing for a tuple, or a selector. */
    private static Object python(Choice c) {
        if (c instanceof Choice.Terminal t) return t.value();
        if (c instanceof Choice.Nested n) return n.selector();
        if (c instanceof Choice.Several s) {
            List<Object> items = new ArrayList<>();
            for (Choice item : s.items()) items.add(python(item));
            return Collections.unmodifiableList(items);
        }
        throw new IllegalStateException("a loaded selector holds no failed choices");
    }

    private static boolean pythonEquals(Object a, Object b) {
        if (a instanceof Selector || b instanceof Selector) return a == b;
        return a.equals(b);
    }

    private static String pythonClass(Object v) {
        return v instanceof String ? "str" : "tuple";
    }

    /** Python's {@code repr}: a quoted string, a tuple, or CRDS's {@code UseAfterSelector(('DATE-OBS', 'TIME-OBS'), nselections=3)}. */
    private static String repr(Object v) {
        if (v instanceof String s) return PythonRepr.str(s);
        if (v instanceof Selector sel) {
            return sel.kind() + "Selector(" + PythonRepr.tuple(sel.parameters()) + ", nselections=" + sel.selections().size() + ")";
        }
        List<?> items = (List<?>) v;
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(repr(items.get(i)));
        }
        if (items.size() == 1) sb.append(',');
        return sb.append(')').toString();
    }

    // ------------------------------------------------------------------ helpers

    private static List<DiffStep> append(List<DiffStep> path, DiffStep step) {
        List<DiffStep> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(step);
        return out;
    }

    private static Difference withAttributes(Difference d, String instrument, String filekind) {
        return new Difference(d.steps(), d.message(), instrument, filekind, d.changedRmap());
    }
}
