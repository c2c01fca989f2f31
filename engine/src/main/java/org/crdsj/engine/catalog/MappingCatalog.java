package org.crdsj.engine.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.crdsj.engine.refactor.RmapEditor;
import org.crdsj.engine.rules.Checksums;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.engine.rules.RulesException;
import org.crdsj.engine.values.CodePointOrder;
import org.crdsj.grammar.MappingParser;
import org.crdsj.grammar.RulesSyntaxException;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.Value;

/**
 * What mappings name, read from the rules as written: the closure of mappings under a context,
 * the reference files it selects, and the match paths leading to a file (CRDS's
 * {@code mapping_names}, {@code reference_names}, {@code file_matches}). Used by
 * {@code crds list}, {@code crds matches} and {@code crds uses}. Each file is parsed once per
 * catalog; a catalog is meant for one command run and is not thread-safe.
 */
public final class MappingCatalog {
    /** Selection values that name no file (CRDS's special values). */
    public static final Set<String> SPECIAL = Set.of("N/A", "TEMP_N/A", "n/a", "temp_n/a", "OMIT", "TEMP_OMIT", "omit");

    private final MappingLocator locator;
    private final Path observatoryDir;
    private final Map<String, MappingSyntax> parsed = new HashMap<>();

    public MappingCatalog(MappingLocator locator) {
        this(locator, null);
    }

    /**
     * A catalog whose bare names not found by {@code locator} are also looked up in
     * {@code observatoryDir} (the folder of the observatory's mappings: CRDS locates every bare
     * name there, whatever its prefix, e.g. {@code synphot_thermal.rmap} for HST).
     */
    public MappingCatalog(MappingLocator locator, Path observatoryDir) {
        this.locator = locator;
        this.observatoryDir = observatoryDir;
    }

    private Path locate(String name) {
        if (observatoryDir != null && name.indexOf('/') < 0) {
            Path p = observatoryDir.resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        return locator.locate(name, null);
    }

    /** The parsed mapping named {@code name} (a bare name located as the locator does, or a path). */
    public MappingSyntax syntax(String name) {
        MappingSyntax s = parsed.get(name);
        if (s != null) return s;
        Path file = locate(name);
        String text;
        try {
            text = Checksums.normalizeNewlines(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            s = MappingParser.parse(text, file.getFileName().toString());
        } catch (RulesSyntaxException e) {
            throw new RulesException(RulesException.Kind.SYNTAX, e.pos(), e.detail());
        }
        parsed.put(name, s);
        return s;
    }

    private static String base(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    /** The files a context-level mapping selects (its non-special selection values), in key order. */
    private List<String> children(MappingSyntax s) {
        List<String> out = new ArrayList<>();
        if (s.selector() instanceof Value.Dict d) {
            for (Value.Entry e : d.entries()) {
                if (e.value() instanceof Value.Str v && !SPECIAL.contains(v.value())) out.add(v.value());
            }
        }
        return out;
    }

    /** Is {@code name} a .pmap or .imap (a mapping of mappings)? */
    private static boolean isContext(String name) {
        return name.endsWith(".pmap") || name.endsWith(".imap");
    }

    /** {@code name} and every mapping under it, basenames, sorted. */
    public List<String> mappingNames(String name) {
        TreeSet<String> names = new TreeSet<>(CodePointOrder.STRINGS);
        collectMappings(name, names);
        return new ArrayList<>(names);
    }

    private void collectMappings(String name, Set<String> out) {
        out.add(base(name));
        if (!isContext(name)) return;
        for (String child : children(syntax(name))) collectMappings(child, out);
    }

    /** The reference files selected under {@code name}, special values excluded, sorted. */
    public List<String> referenceNames(String name) {
        TreeSet<String> names = new TreeSet<>(CodePointOrder.STRINGS);
        collectReferences(name, names);
        return new ArrayList<>(names);
    }

    private void collectReferences(String name, Set<String> out) {
        MappingSyntax s = syntax(name);
        if (isContext(name)) {
            for (String child : children(s)) collectReferences(child, out);
        } else {
            for (String r : terminals(s.selector())) if (!SPECIAL.contains(r)) out.add(r);
        }
    }

    private static Set<String> terminals(Value v) {
        Set<String> names = new TreeSet<>();
        if (v instanceof Value.Call c) for (Value.Entry e : c.selections().entries()) names.addAll(terminals(e.value()));
        else if (v instanceof Value.Str s) names.add(s.value());
        else if (v instanceof Value.Tuple t) for (Value i : t.items()) names.addAll(terminals(i));
        else if (v instanceof Value.Dict d) for (Value.Entry e : d.entries()) names.addAll(terminals(e.value()));
        return names;
    }

    /**
     * Every match path leading to {@code file} under mapping {@code name}: the
     * (observatory, instrument, filekind) prefix, then one tuple of (parameter, value) pairs per
     * selector level. Lists stand for Python tuples; sorted as CRDS sorts them.
     */
    public List<List<List<List<String>>>> fileMatches(String name, String file) {
        List<List<List<List<String>>>> out = new ArrayList<>();
        MappingSyntax s = syntax(name);
        if (isContext(name)) {
            for (String child : children(s)) out.addAll(fileMatches(child, file));
        } else {
            RmapEditor rmap = RmapEditor.of(s);
            List<List<String>> prefix = List.of(List.of("observatory", rmap.observatory()),
                    List.of("instrument", rmap.instrument()), List.of("filekind", rmap.filekind()));
            for (List<List<List<String>>> path : rmap.fileMatches(file)) {
                List<List<List<String>>> full = new ArrayList<>();
                full.add(prefix);
                full.addAll(path);
                out.add(full);
            }
        }
        out.sort(MappingCatalog::compare);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static int compare(Object a, Object b) {
        if (a instanceof String x) return CodePointOrder.compare(x, (String) b);
        List<Object> la = (List<Object>) a, lb = (List<Object>) b;
        for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
            int c = compare(la.get(i), lb.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(la.size(), lb.size());
    }

    /** The instrument -> imap selections of a pmap, or filekind -> rmap of an imap, as written (lower-case keys). */
    public Map<String, String> selections(String name) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (syntax(name).selector() instanceof Value.Dict d) {
            for (Value.Entry e : d.entries()) {
                if (e.key() instanceof Value.Str k && e.value() instanceof Value.Str v) out.put(k.value().toLowerCase(Locale.ROOT), v.value());
            }
        }
        return out;
    }
}
