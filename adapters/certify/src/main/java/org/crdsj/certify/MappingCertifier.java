package org.crdsj.certify;

import org.crdsj.engine.tpn.TpnInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.crdsj.engine.diff.DiffOptions;
import org.crdsj.engine.diff.Difference;
import org.crdsj.engine.diff.RulesDiff;
import org.crdsj.engine.rules.Checksums;
import org.crdsj.engine.rules.InstrumentContext;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.engine.rules.PipelineContext;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.select.Choice;
import org.crdsj.engine.select.Selection;
import org.crdsj.engine.select.Selector;
import org.crdsj.engine.select.match.MatchKeys;
import org.crdsj.engine.values.Conditioning;
import org.crdsj.engine.values.Timestamps;
import org.crdsj.grammar.MappingParser;
import org.crdsj.grammar.RulesSyntaxException;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.Value;

/**
 * Certifies one mapping (.pmap, .imap, .rmap) against the comparison context, in CRDS's order:
 * duplicate entries seen by our grammar (which keeps repeated keys), the sha1sum, Match values
 * against the {@code _ld.tpn} constraints and equal-weight ambiguity (an error except for HST),
 * UseAfter dates, then the logical differences from the mapping it succeeds in the comparison
 * context, and finally (with {@code --exist}/{@code --deep}) the references an rmap names.
 */
final class MappingCertifier {
    private final Certifier run;
    private final Certifier.FileArg file;
    private final CertifyLog log;

    MappingCertifier(Certifier run, Certifier.FileArg file) {
        this.run = run;
        this.file = file;
        this.log = run.log();
    }

    static boolean isMapping(String name) {
        return name.endsWith(".pmap") || name.endsWith(".imap") || name.endsWith(".rmap");
    }

    /** Instrument and filekind of a mapping, from its name or else its header ("" for none). */
    static FileProperties.Kind mappingKind(Certifier run, Path path) {
        String name = path.getFileName().toString();
        String stem = name.substring(0, name.lastIndexOf('.'));
        String[] parts = stem.split("_", -1);
        TypeSpecs types = TypeSpecs.of(run.observatory());
        boolean named = parts[0].equals(run.observatory());
        if (named && name.endsWith(".pmap") && parts.length <= 2) return new FileProperties.Kind("", "");
        if (named && name.endsWith(".imap") && (parts.length == 2 || parts.length == 3) && types.isInstrument(parts[1])) {
            return new FileProperties.Kind(parts[1], "");
        }
        if (named && name.endsWith(".rmap") && (parts.length == 3 || parts.length == 4) && types.isInstrument(parts[1])
                && types.isFilekind(parts[2])) {
            return new FileProperties.Kind(parts[1], parts[2]);
        }
        MappingSyntax syntax;
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
            syntax = MappingParser.parse(text, name);
        } catch (IOException e) {
            throw new CheckFailure("[Errno 2] No such file or directory: " + PyValues.repr(path.toString()));
        }
        if (!run.observatory().equals("hst")) {
            // Roman and JWST read the header by loading the mapping afresh, which enforces its sha1sum.
            String stored = null;
            for (Value.Entry e : syntax.header().entries()) {
                if (e.key() instanceof Value.Str k && k.value().equals("sha1sum") && e.value() instanceof Value.Str v) stored = v.value();
            }
            if (stored != null && !Checksums.compute(Checksums.normalizeNewlines(text)).equalsIgnoreCase(stored)) {
                throw new CheckFailure("Failed to determine " + PyValues.repr(run.observatory()) + " instrument or reftype for "
                        + PyValues.repr(run.display(path)) + " : '" + "sha1sum mismatch in " + PyValues.repr(name) + "'");
            }
        }
        run.loadMapping(path);   // CRDS reads the header by loading the mapping: a broken one has no kind
        String mapping = "", instrument = "", filekind = "";
        for (Value.Entry e : syntax.header().entries()) {
            if (!(e.key() instanceof Value.Str k) || !(e.value() instanceof Value.Str v)) continue;
            switch (k.value()) {
                case "mapping": mapping = v.value().toLowerCase(Locale.ROOT); break;
                case "instrument": instrument = v.value().toLowerCase(Locale.ROOT); break;
                case "filekind": filekind = v.value().toLowerCase(Locale.ROOT); break;
                default: break;
            }
        }
        if (mapping.equals("pipeline")) return new FileProperties.Kind("", "");
        if (mapping.equals("instrument")) return new FileProperties.Kind(instrument, "");
        return new FileProperties.Kind(instrument, filekind);
    }

    /**
     * The given files with every mapping's closure added (nested mappings located in the mapping
     * directory and shown relative to the working directory), sorted as CRDS sorts its paths.
     */
    static List<Certifier.FileArg> closure(Certifier run, List<Certifier.FileArg> files) {
        Map<String, Certifier.FileArg> bySortKey = new java.util.TreeMap<>();
        for (Certifier.FileArg f : files) {
            bySortKey.put(f.display(), f);
            if (!isMapping(f.display())) continue;
            try {
                Mapping m = run.loadMapping(f.path());
                MappingLocator locator = new MappingLocator(run.options().mappingDir());
                for (String name : nestedNames(m)) {
                    Path p = locator.locate(name, null).toAbsolutePath().normalize();
                    if (p.equals(f.path().toAbsolutePath().normalize())) continue;
                    Certifier.FileArg member = new Certifier.FileArg(run.display(p), p);
                    bySortKey.putIfAbsent(p.toString(), member);
                }
            } catch (RuntimeException e) {
                run.trackedError(f, "Problem loading submappings of " + PyValues.repr(f.display()) + " : " + Certifier.message(e));
            }
        }
        return new ArrayList<>(bySortKey.values());
    }

    private static List<String> nestedNames(Mapping m) {
        List<String> out = new ArrayList<>();
        if (m instanceof PipelineContext p) {
            for (InstrumentContext i : p.imaps()) {
                out.add(i.name());
                for (ReferenceMapping r : i.rmaps()) out.add(r.name());
            }
        } else if (m instanceof InstrumentContext i) {
            for (ReferenceMapping r : i.rmaps()) out.add(r.name());
        }
        return out;
    }

    void certify() {
        String text;
        try {
            text = Files.readString(file.path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CheckFailure("[Errno 2] No such file or directory: " + PyValues.repr(file.display()));
        }
        String name = file.path().getFileName().toString();
        if (!run.options().dontParse()) {
            MappingSyntax syntax;
            try {
                syntax = MappingParser.parse(text, name);
            } catch (RulesSyntaxException e) {
                throw new CheckFailure("Parsing error in " + PyValues.repr(file.display()) + " : " + e.getMessage());
            }
            checkDuplicates(syntax);
        }
        Mapping mapping = run.loadMapping(file.path());
        checkSha1sum(text, mapping, name);
        if (mapping instanceof ReferenceMapping rmap) validate(rmap);

        Mapping old = equivalent(mapping);
        String oldName = old == null ? null : old.header().string("name").orElse(old.name());
        if (old != null && !oldName.equals(name)) {
            if (!name.endsWith(".pmap")) {
                log.info("Mapping " + PyValues.repr(name) + " corresponds to " + PyValues.repr(oldName) + " from context "
                        + PyValues.repr(run.context().name()) + " for checking mapping differences.");
            }
            log.info("Checking diffs from " + PyValues.repr(old.name()) + " to " + PyValues.repr(name));
            List<Difference> diffs = RulesDiff.differences(old, old.name(), mapping, file.display(), DiffOptions.DEFAULT);
            // CRDS labels the certified mapping by its path and the mappings beneath it by name.
            run.options().diffChecks().accept(diffs);
        } else if (old == null) {
            log.info("No predecessor for " + PyValues.repr(mapping.name()) + " relative to context " + PyValues.repr(run.context().name()));
        }

        if ((run.options().exist() || run.options().deep()) && mapping instanceof ReferenceMapping rmap) {
            List<Certifier.FileArg> existing = new ArrayList<>();
            for (String ref : ComparisonContext.referenceNames(rmap)) {
                Path p = run.locateReference(ref);
                if (p == null) {
                    Path where = run.referencePath(ref);
                    run.trackedError(file, "Can't locate reference file " + PyValues.repr(ref) + " : Path "
                            + PyValues.repr(where.toString()) + " does not exist.");
                } else {
                    existing.add(new Certifier.FileArg(p.toString(), p));
                }
            }
            if (run.options().deep()) {
                for (int i = 0; i < existing.size(); i++) {
                    run.banner();
                    run.certifyFile(existing.get(i), " (" + (i + 1) + "/" + existing.size() + ")");
                }
                run.banner();
            }
        }
    }

    // ------------------------------------------------------------------------------ duplicates

    private void checkDuplicates(MappingSyntax syntax) {
        duplicates(syntax.header().entries(), List.of("header"));
        Value selector = syntax.selector();
        if (selector instanceof Value.Call call) {
            nested(call, List.of("selector"));
        } else if (selector instanceof Value.Dict d) {
            duplicates(d.entries(), List.of("selector"));
        }
    }

    private void nested(Value.Call call, List<String> parents) {
        duplicates(call.selections().entries(), parents);
        Set<String> seen = new LinkedHashSet<>();
        for (Value.Entry e : call.selections().entries()) {
            if (!seen.add(repr(e.key()))) continue; // CRDS instantiates the first of duplicated keys... and the rest
            if (e.value() instanceof Value.Call inner) {
                List<String> p = new ArrayList<>(parents);
                p.add(call.selector() + "(" + repr(e.key()) + ")");
                nested(inner, p);
            }
        }
    }

    private void duplicates(List<Value.Entry> entries, List<String> parents) {
        Map<String, Value> seen = new LinkedHashMap<>();
        for (Value.Entry e : entries) {
            String key = repr(e.key());
            if (seen.containsKey(key)) {
                List<String> path = new ArrayList<>(parents);
                path.add(key);
                log.error("Duplicate entry at " + String.join(" ", path) + " = " + repr(e.value()) + " vs. " + repr(seen.get(key)));
            } else {
                seen.put(key, e.value());
            }
        }
    }

    /** Python's repr of a literal of the rules (a nested selector shows as its class name). */
    static String repr(Value v) {
        if (v instanceof Value.Str s) return PyValues.repr(s.value());
        if (v instanceof Value.Int i) return i.value().toString();
        if (v instanceof Value.Flt f) return PyValues.repr(f.value());
        if (v instanceof Value.Bool b) return b.value() ? "True" : "False";
        if (v instanceof Value.None) return "None";
        if (v instanceof Value.Tuple t) return join(t.items(), "(", ")", t.items().size() == 1);
        if (v instanceof Value.ListVal l) return join(l.items(), "[", "]", false);
        if (v instanceof Value.Call c) return c.selector();
        if (v instanceof Value.Dict d) {
            List<String> parts = new ArrayList<>();
            for (Value.Entry e : d.entries()) parts.add(repr(e.key()) + ": " + repr(e.value()));
            return "{" + String.join(", ", parts) + "}";
        }
        return String.valueOf(v);
    }

    private static String join(List<Value> items, String open, String close, boolean trailingComma) {
        List<String> parts = new ArrayList<>();
        for (Value i : items) parts.add(repr(i));
        return open + String.join(", ", parts) + (trailingComma ? "," : "") + close;
    }

    // ------------------------------------------------------------------------------ checksum

    private void checkSha1sum(String text, Mapping mapping, String name) {
        String stored = mapping.header().string("sha1sum").orElse(null);
        if (stored == null) {
            log.warning("Checksum error : sha1sum is missing in " + PyValues.repr(name));
            return;
        }
        String computed = Checksums.compute(Checksums.normalizeNewlines(text));
        if (!computed.equalsIgnoreCase(stored)) log.warning("Checksum error : sha1sum mismatch in " + PyValues.repr(name));
    }

    // ------------------------------------------------------------------------------ rmap values

    private void validate(ReferenceMapping rmap) {
        Map<String, List<String>> valid = validValues(rmap);
        Set<String> comments = new LinkedHashSet<>();
        for (String c : rmap.header().stringList("comment_parkeys")) comments.add(c.toUpperCase(Locale.ROOT));
        validateSelector(rmap, rmap.selector(), valid, comments);
    }

    /** Legal values per required parameter from the {@code _ld.tpn} constraints (conditioned). */
    private Map<String, List<String>> validValues(ReferenceMapping rmap) {
        List<TpnInfo> infos = run.constraints().constraints(run.observatory(), rmap.instrument().toLowerCase(Locale.ROOT),
                rmap.filekind().toLowerCase(Locale.ROOT), true);
        List<String> required = rmap.requiredParkeys();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (TpnInfo info : infos) {
            if (info.isComplex() || !required.contains(info.name())) continue;
            List<String> values = info.values();
            if (values.size() == 1 && values.get(0).contains(":")) {
                String[] limits = values.get(0).split(":", -1);
                try {
                    long lo = (long) Double.parseDouble(limits[0]), hi = (long) Double.parseDouble(limits[1]);
                    List<String> range = new ArrayList<>();
                    for (long i = lo; i <= hi; i++) range.add(String.valueOf(i));
                    values = range;
                } catch (RuntimeException e) {
                    // non-numeric bounds stay a range
                }
            }
            List<String> conditioned = new ArrayList<>();
            for (String v : values) conditioned.add(Conditioning.conditionValue(v));
            out.put(info.name(), conditioned);
        }
        return out;
    }

    private void validateSelector(ReferenceMapping rmap, Selector s, Map<String, List<String>> valid, Set<String> comments) {
        String prefix = s.kind() + paramsRepr(s.parameters());
        for (Selection sel : s.selections()) {
            String keyRepr = keyRepr(sel);
            try {
                if (s.kind().equals("Match")) validateMatchKey(rmap, s, sel, valid, comments);
                else if (s.kind().equals("UseAfter")) validateDate(s, sel);
            } catch (CheckFailure e) {
                log.error(prefix + " : " + keyRepr + " : " + e.getMessage());
                continue;
            }
            if (sel.choice() instanceof Choice.Nested n) validateSelector(rmap, n.selector(), valid, comments);
        }
    }

    private static String paramsRepr(List<String> params) {
        List<String> parts = new ArrayList<>();
        for (String p : params) parts.add(PyValues.repr(p));
        return "(" + String.join(", ", parts) + (parts.size() == 1 ? ",)" : ")");
    }

    @SuppressWarnings("unchecked")
    private static List<String> matchKey(Selection sel) {
        return (List<String>) sel.key();
    }

    private static String keyRepr(Selection sel) {
        if (sel.key() instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) parts.add(PyValues.repr(String.valueOf(o)));
            return "(" + String.join(", ", parts) + (parts.size() == 1 ? ",)" : ")");
        }
        return sel.rawKey() != null ? repr(sel.rawKey()) : PyValues.repr(String.valueOf(sel.key()));
    }

    private void validateDate(Selector s, Selection sel) {
        String key = sel.rawKey() instanceof Value.Str str ? str.value() : String.valueOf(sel.key());
        try {
            Timestamps.reformatDate(key);
        } catch (RuntimeException e) {
            throw new CheckFailure(s.kind() + " Invalid date/time format for " + paramsRepr(s.parameters()) + " value = "
                    + PyValues.repr(key) + " exception is " + PyValues.repr(e.getMessage()));
        }
    }

    private void validateMatchKey(ReferenceMapping rmap, Selector s, Selection sel, Map<String, List<String>> valid, Set<String> comments) {
        List<String> key = matchKey(sel);
        List<String> params = s.parameters();
        for (int i = 0; i < params.size() && i < key.size(); i++) {
            String name = params.get(i);
            if (comments.contains(name) || !valid.containsKey(name)) continue;
            for (String value : globList(key.get(i))) validateValue(rmap, name, value, valid.get(name));
        }
        for (Selection other : s.selections()) {
            List<String> o = matchKey(other);
            if (!key.equals(o) && superset(o, key) && !differentWeight(key, o)) {
                String observatory = rmap.observatory().id();
                boolean merge = mergeOverlaps(rmap);
                if (!observatory.equals("hst") || !merge) {
                    throw new CheckFailure("\n" + "-".repeat(40) + "\nMatch case\n" + caseData(sel) + "\nis an equal weight special case of\n"
                            + caseData(other) + "\nCancel the submission and regenerate the reference files\n"
                            + "with different parameter values which coincide with an existing category.\n"
                            + "For some parameter sets, CRDS interprets both matches as equally good.\n"
                            + "For more explanation, see the file submission section of the CRDS server user's guide here:\n"
                            + "https://" + observatory + "-crds.stsci.edu/static/users_guide/index.html\n" + "-".repeat(40));
                }
            }
        }
    }

    /** CRDS reads {@code merge_overlaps} as {@code str(value).upper() in ("TRUE", "1")}; absent means true. */
    private static boolean mergeOverlaps(ReferenceMapping rmap) {
        var raw = rmap.header().raw("merge_overlaps");
        if (raw.isEmpty()) return true;
        Value v = raw.get();
        String text = v instanceof Value.Str s ? s.value() : v instanceof Value.Bool b ? (b.value() ? "True" : "False") : repr(v);
        String upper = text.toUpperCase(Locale.ROOT);
        return upper.equals("TRUE") || upper.equals("1");
    }

    /** A case as the ambiguity message shows it: key, then its first UseAfter date and file. */
    private static String caseData(Selection sel) {
        String s = keyRepr(sel);
        if (sel.choice() instanceof Choice.Nested n && n.selector().kind().equals("UseAfter") && !n.selector().selections().isEmpty()) {
            Selection first = n.selector().selections().get(0);
            String date = first.rawKey() instanceof Value.Str str ? str.value() : String.valueOf(first.key());
            s += " : UseAfter({\n    '" + date + "'";
            if (first.choice() instanceof Choice.Terminal t) s += " : " + t.value();
        }
        return s;
    }

    private static List<String> globList(String value) {
        return MatchKeys.globList(value);
    }

    private static boolean superset(List<String> ref, List<String> rmap) {
        for (int i = 0; i < ref.size(); i++) {
            String v1 = ref.get(i), v2 = rmap.get(i);
            if (v1.equals(v2) || v1.equals("*") || v2.equals("N/A") || (v1.equals("N/A") && v2.equals("*"))) continue;
            if (v2.equals("*")) return false;
            Set<String> g1 = new TreeSet<>(globList(v1)), g2 = new TreeSet<>(globList(v2));
            if (g1.containsAll(g2) && !g1.equals(g2)) continue;
            return false;
        }
        return true;
    }

    private static boolean differentWeight(List<String> sub, List<String> sup) {
        int subCount = sub.size(), supCount = sub.size();
        for (int i = 0; i < sub.size(); i++) {
            if (sub.get(i).equals("N/A") && !sup.get(i).equals("N/A")) subCount--;
            else if (sup.get(i).equals("N/A") && !sub.get(i).equals("N/A")) supCount--;
        }
        return subCount != supCount;
    }

    private void validateValue(ReferenceMapping rmap, String name, String value, List<String> valid) {
        if (valid.contains(value) || valid.contains(Conditioning.conditionValue(value))) return;
        if (valid.isEmpty()) return;
        if (value.startsWith("NOT")) {
            validateValue(rmap, name, value.substring(3).strip(), valid);
            return;
        }
        if (esoteric(value) || List.of("*", "ANY", "N/A").contains(value)) return;
        if (value.toLowerCase(Locale.ROOT).startsWith("between")) {
            String[] parts = value.split("\\s+");
            validateValue(rmap, name, parts[1], valid);
            validateValue(rmap, name, parts[2], valid);
            return;
        }
        if (valid.size() == 1 && valid.get(0).contains(":")) {
            String[] b = valid.get(0).split(":", -1);
            double lo = Double.parseDouble(b[0]), hi = Double.parseDouble(b[1]), v = Double.parseDouble(value);
            if (lo <= v && v <= hi) return;
            throw new CheckFailure(" parameter=" + PyValues.repr(name) + " value =" + PyValues.repr(value) + " is not in range ["
                    + PyValues.repr(lo) + " .. " + PyValues.repr(hi) + "]");
        }
        String substitute = substitution(rmap, name, value);
        if (substitute != null) {
            validateValue(rmap, name, substitute, valid);
            return;
        }
        List<String> parts = new ArrayList<>();
        for (String v : valid) parts.add(PyValues.repr(v));
        throw new CheckFailure(" parameter=" + PyValues.repr(name) + " value=" + PyValues.repr(value) + " is not in ("
                + String.join(", ", parts) + (parts.size() == 1 ? ",)" : ")"));
    }

    private static boolean esoteric(String v) {
        return (v.startsWith("(") && v.endsWith(")")) || (v.startsWith("{") && v.endsWith("}"))
                || (v.startsWith("#") && v.endsWith("#")) || v.startsWith("NOT ");
    }

    private static String substitution(ReferenceMapping rmap, String name, String value) {
        var subs = rmap.header().raw("substitutions");
        if (subs.isEmpty() || !(subs.get() instanceof Value.Dict d)) return null;
        for (Value.Entry e : d.entries()) {
            if (e.key() instanceof Value.Str k && k.value().equalsIgnoreCase(name) && e.value() instanceof Value.Dict inner) {
                for (Value.Entry s : inner.entries()) {
                    if (s.key() instanceof Value.Str from && from.value().equals(value) && s.value() instanceof Value.Str to) return to.value();
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------ predecessor

    /** The mapping of the same role in the comparison context, or null (with CRDS's warnings). */
    private Mapping equivalent(Mapping mapping) {
        Mapping ctx = run.context().mapping();
        String name = file.path().getFileName().toString();
        if (ctx instanceof PipelineContext p) {
            if (name.endsWith(".pmap")) return p;
            FileProperties.Kind kind = mappingKind(run, file.path());
            InstrumentContext imap;
            try {
                imap = p.imap(kind.instrument());
            } catch (RuntimeException e) {
                log.warning("No equivalent instrument in " + PyValues.repr(p.name()) + " corresponding to " + PyValues.repr(file.display()));
                return null;
            }
            return equivalentIn(imap, kind);
        }
        if (ctx instanceof InstrumentContext i) {
            if (name.endsWith(".pmap")) {
                log.warning("Invalid comparison context " + PyValues.repr(i.name()) + " for " + PyValues.repr(file.display()));
                return null;
            }
            return equivalentIn(i, mappingKind(run, file.path()));
        }
        if (!name.endsWith(".rmap")) {
            log.warning("Invalid comparison context " + PyValues.repr(ctx.name()) + " for " + PyValues.repr(file.display()));
            return null;
        }
        return ctx;
    }

    private Mapping equivalentIn(InstrumentContext imap, FileProperties.Kind kind) {
        String name = file.path().getFileName().toString();
        if (name.endsWith(".imap")) return imap;
        ReferenceMapping r = imap.rmap(kind.filekind());
        if (r == null) {
            log.warning("No equivalent filekind in " + PyValues.repr(imap.name()) + " corresponding to " + PyValues.repr(file.display()));
            return null;
        }
        return r;
    }
}
