package org.crdsj.engine.refactor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crdsj.engine.expr.CompiledExpression;
import org.crdsj.engine.expr.ExpressionError;
import org.crdsj.engine.observatory.Observatory;
import org.crdsj.engine.select.match.MatchKeys;
import org.crdsj.engine.rules.MappingText;
import org.crdsj.engine.values.Conditioning;
import org.crdsj.engine.values.DateTimeFormatError;
import org.crdsj.engine.values.PrettyPrint;
import org.crdsj.engine.values.PythonFloat;
import org.crdsj.engine.values.Timestamps;
import org.crdsj.grammar.SyntaxPrinter;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;

/**
 * Edits of one rmap as CRDS's {@code crds refactor} makes them, on the rules as written (the
 * parsed {@link MappingSyntax}), so the result prints in CRDS's canonical layout:
 * <ul>
 *   <li>{@link #datasetParameters}: a reference file's header turned into the values the rmap
 *       matches on (reference-to-dataset keywords, USEAFTER split into date and time, wildcard
 *       expansion, conditioning, irrelevant and extra parameters set to {@code N/A});</li>
 *   <li>{@link #insert}: those values walked down the selector tree: a new Match case with a
 *       nested UseAfter, a new USEAFTER date, or the replacement of the file at an identical
 *       case;</li>
 *   <li>{@link #delete}, {@link #withHeaderField}, {@link #withoutHeaderField}.</li>
 * </ul>
 * Immutable: every edit returns a new editor.
 */
public final class RmapEditor {
    private final MappingSyntax syntax;
    private final Map<String, Value> header;

    private RmapEditor(MappingSyntax syntax) {
        this.syntax = syntax;
        Map<String, Value> h = new LinkedHashMap<>();
        for (Value.Entry e : syntax.header().entries()) {
            if (e.key() instanceof Value.Str k) h.put(k.value(), e.value());
        }
        this.header = h;
    }

    /** An editor of the parsed rmap {@code syntax}. */
    public static RmapEditor of(MappingSyntax syntax) {
        if (!(syntax.selector() instanceof Value.Call)) {
            throw new RefactorException("Not a reference mapping: the selector of " + SyntaxPrinter.repr(syntax.file()) + " is not a selector call");
        }
        return new RmapEditor(syntax);
    }

    /** The rules as edited so far. */
    public MappingSyntax syntax() {
        return syntax;
    }

    // ------------------------------------------------------------------ header facts

    /** A string header field as CRDS reads it (lower-cased unless wrapped in parentheses). */
    private String folded(String key, String dflt) {
        Value v = header.get(key);
        if (!(v instanceof Value.Str s)) return dflt;
        String t = s.value();
        return t.startsWith("(") && t.endsWith(")") ? t : t.toLowerCase(Locale.ROOT);
    }

    /** The rmap's {@code name} header field as CRDS shows it. */
    public String name() {
        return folded("name", "UNDEFINED");
    }

    public String observatory() {
        return folded("observatory", "hst");
    }

    public String instrument() {
        return folded("instrument", "UNDEFINED");
    }

    public String filekind() {
        return folded("filekind", "UNDEFINED");
    }

    private List<String> strings(String key) {
        Value v = header.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof Value.Str s) out.add(s.value());
        else if (v instanceof Value.Tuple t) for (Value i : t.items()) out.add(pyStr(i));
        else if (v instanceof Value.ListVal l) for (Value i : l.items()) out.add(pyStr(i));
        return out;
    }

    private Map<String, Value> dict(String key) {
        Map<String, Value> out = new LinkedHashMap<>();
        if (header.get(key) instanceof Value.Dict d) {
            for (Value.Entry e : d.entries()) out.put(pyStr(e.key()), e.value());
        }
        return out;
    }

    /** The parameter names of each selector level ({@code parkey}). */
    public List<List<String>> parkey() {
        List<List<String>> levels = new ArrayList<>();
        Value v = header.get("parkey");
        if (v instanceof Value.Tuple t) {
            for (Value level : t.items()) {
                List<String> names = new ArrayList<>();
                if (level instanceof Value.Tuple lt) for (Value n : lt.items()) names.add(pyStr(n));
                else names.add(pyStr(level));
                levels.add(names);
            }
        } else {
            levels.add(List.of("UNDEFINED"));
        }
        return levels;
    }

    private List<String> classes() {
        return header.containsKey("classes") ? strings("classes") : List.of("Match", "UseAfter");
    }

    private String reffileSwitch() {
        return folded("reffile_switch", "NONE").toUpperCase(Locale.ROOT);
    }

    /** CRDS's {@code get_required_parkeys}: parkeys, the reference switch, extra keys. */
    public List<String> requiredParkeys() {
        List<String> keys = new ArrayList<>();
        Value v = header.get("parkey");
        if (v instanceof Value.Tuple t) {
            for (Value level : t.items()) {
                if (level instanceof Value.Tuple lt) for (Value n : lt.items()) keys.add(pyStr(n));
                else keys.add(pyStr(level));
            }
        }
        if (!reffileSwitch().equals("NONE")) keys.add(reffileSwitch());
        keys.addAll(strings("extra_keys"));
        Observatory.fromId(observatory()).ifPresent(o -> keys.addAll(o.extraKeys()));
        return keys;
    }

    /** The parameters as the reference file names them (required ones plus reference_to_dataset sources), sorted. */
    private List<String> referenceParkeys() {
        List<String> required = requiredParkeys();
        Set<String> all = new HashSet<>(required);
        for (Map.Entry<String, Value> e : dict("reference_to_dataset").entrySet()) {
            if (required.contains(pyStr(e.getValue()))) all.add(e.getKey());
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(org.crdsj.engine.values.CodePointOrder.STRINGS);
        return sorted;
    }

    private List<String> extraParkeys() {
        List<String> extra = new ArrayList<>(strings("extra_keys"));
        if (!reffileSwitch().equals("NONE")) extra.add(reffileSwitch());
        return extra;
    }

    private Set<String> commentParkeys() {
        Set<String> out = new HashSet<>();
        for (String s : strings("comment_parkeys")) out.add(s.toUpperCase(Locale.ROOT));
        return out;
    }

    // ------------------------------------------------------------------ reference -> dataset parameters

    /**
     * The matching parameters CRDS derives from a reference file's {@code header}
     * ({@code ReferenceMapping.get_refactor_header}).
     *
     * @param allowBadUseafter {@code CRDS_ALLOW_BAD_USEAFTER}: a missing or bad USEAFTER becomes 1900-01-01
     * @throws RefactorException with CRDS's message (bad USEAFTER, unsupported observatory)
     */
    public Map<String, String> datasetParameters(Map<String, String> referenceHeader, boolean allowBadUseafter) {
        Map<String, String> h = new LinkedHashMap<>(referenceHeader);
        for (String key : referenceParkeys()) {
            String v = h.get(key);
            if (v == null || v.equals("UNDEFINED")) h.put(key, "UNDEFINED");
        }
        String obs = observatory();
        switch (obs) {
            case "hst" -> {
                if (h.containsKey("USEAFTER") || allowBadUseafter) {
                    String[] dt = reformatUseafter(h, allowBadUseafter).split("\\s+");
                    h.put("DATE-OBS", dt[0]);
                    h.put("DATE_OBS", dt[0]);
                    h.put("TIME-OBS", dt[1]);
                    h.put("TIME_OBS", dt[1]);
                }
                h = Substitutions.of("hst").expand(instrument(), h, requiredParkeys());
                h = new LinkedHashMap<>(Conditioning.conditionHeader(h));
            }
            case "roman" -> h = romanDatasetKeys(h, allowBadUseafter);
            default -> throw new RefactorException("Reference insertion is not supported for observatory " + SyntaxPrinter.repr(obs));
        }
        h = irrelevantToNa(h);
        for (String key : extraParkeys()) h.put(key, "N/A");
        return h;
    }

    private static String reformatUseafter(Map<String, String> h, boolean allowBad) {
        String useafter = h.getOrDefault("USEAFTER", h.getOrDefault("META.USEAFTER", h.getOrDefault("ROMAN.META.USEAFTER", "UNDEFINED")));
        try {
            return Timestamps.reformatDate(useafter);
        } catch (DateTimeFormatError e) {
            if (allowBad) return "1900-01-01 00:00:00";
            throw new RefactorException("Bad USEAFTER time format = " + SyntaxPrinter.repr(useafter));
        }
    }

    private Map<String, String> romanDatasetKeys(Map<String, String> h, boolean allowBadUseafter) {
        boolean paramFile = name().split("-").length > 1;
        String prefix = paramFile ? "META" : "ROMAN.META";
        Map<String, String> translations = new LinkedHashMap<>();
        translations.put(prefix + ".EXPOSURE.P_EXPTYPE", prefix + ".EXPOSURE.TYPE");
        translations.put(prefix + ".INSTRUMENT.P_DETECTOR", prefix + ".INSTRUMENT.DETECTOR");
        translations.put(prefix + ".INSTRUMENT.P_OPTICAL_ELEMENT", prefix + ".INSTRUMENT.OPTICAL_ELEMENT");
        for (Map.Entry<String, Value> e : dict("reference_to_dataset").entrySet()) translations.put(e.getKey(), pyStr(e.getValue()));
        List<String> sources = new ArrayList<>(translations.keySet());
        sources.sort(org.crdsj.engine.values.CodePointOrder.STRINGS);
        for (String rkey : sources) {
            if (!h.containsKey(rkey)) continue;
            String dkey = translations.get(rkey);
            String rval = h.get(rkey);
            if (rval != null && !rval.equals("UNDEFINED") && !rval.equals(h.get(dkey))) h.put(dkey, rval.toUpperCase(Locale.ROOT));
        }
        h.putIfAbsent(prefix + ".SUBARRAY.NAME", "UNDEFINED");
        h.putIfAbsent(prefix + ".EXPOSURE.TYPE", "UNDEFINED");
        if (h.containsKey(prefix + ".USEAFTER") || allowBadUseafter) {
            String[] dt = reformatUseafter(h, allowBadUseafter).split("\\s+");
            h.put("ROMAN.META.EXPOSURE.START_TIME", dt[0] + " " + dt[1]);
        }
        return h;
    }

    /** Parameters whose {@code parkey_relevance} expression is false become N/A; comment parameters are kept. */
    private Map<String, String> irrelevantToNa(Map<String, String> h) {
        List<String> required = requiredParkeys();
        Map<String, Value> exprs = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : dict("parkey_relevance").entrySet()) exprs.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        Set<String> comments = new HashSet<>();
        for (String c : strings("comment_parkeys")) comments.add(c.toLowerCase(Locale.ROOT));
        if (exprs.isEmpty()) return h;
        Map<String, String> env = new LinkedHashMap<>(h);
        for (String key : required) {
            String v = env.get(key);
            if (v == null || v.equals("UNDEFINED")) env.put(key, "UNDEFINED");
        }
        for (String key : new ArrayList<>(env.keySet())) {
            String alias = key.replaceAll("([A-Za-z][A-Za-z0-9_]*)\\.", "$1_");
            if (!alias.equals(key)) env.put(alias, env.get(key));
        }
        Map<String, String> out = new LinkedHashMap<>(h);
        for (String parkey : required) {
            String lower = parkey.toLowerCase(Locale.ROOT);
            if (comments.contains(lower)) continue;   // keep_comments is true while inserting
            Value src = exprs.get(lower);
            if (!(src instanceof Value.Str s)) continue;
            String source = s.value();
            for (String k : required) if (k.contains(".")) source = source.replace(k, k.replace('.', '_'));
            boolean relevant;
            try {
                relevant = CompiledExpression.compile(source, SourcePos.UNKNOWN).isTrue(env::get);
            } catch (ExpressionError e) {
                throw new RefactorException(e.getMessage());
            } catch (RuntimeException e) {
                throw new RefactorException(String.valueOf(e.getMessage()));
            }
            if (!relevant) out.put(parkey, "N/A");
        }
        return out;
    }

    // ------------------------------------------------------------------ insertion

    /** A rejected key, with CRDS's exception text. */
    private static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The rmap with {@code reference} inserted at the case described by {@code parameters}
     * ({@link #datasetParameters}), its keys checked against {@code legalValues}.
     *
     * @throws RefactorException {@code Failed inserting ...} with CRDS's full message
     */
    public RmapEditor insert(Map<String, String> parameters, String reference, Map<String, List<String>> legalValues) {
        Value.Call top = (Value.Call) syntax.selector();
        List<List<String>> parkey = parkey();
        List<String> classes = classes();
        Value.Call updated;
        try {
            updated = insertInto(top, parameters, reference, parkey, classes, legalValues);
        } catch (Rejected e) {
            throw new RefactorException(insertionFailure(reference, parameters, legalValues, e.getMessage()));
        }
        return new RmapEditor(new MappingSyntax(syntax.file(), syntax.header(), updated, syntax.comment()));
    }

    private String insertionFailure(String reference, Map<String, String> parameters, Map<String, List<String>> legal, String why) {
        Value parkeyValue = header.get("parkey");
        String parkeyText = parkeyValue == null ? "(('UNDEFINED',),)" : SyntaxPrinter.print(parkeyValue);
        return "Failed inserting " + SyntaxPrinter.repr(reference) + " into rmap: " + SyntaxPrinter.repr(name())
                + " with header:\n " + PrettyPrint.format(parameters)
                + " \n\nparkey: " + SyntaxPrinter.repr(parkeyText)
                + " \nclasses: " + PrettyPrint.repr(new ArrayList<Object>(classes()))
                + " \nvalid_values:\n " + PrettyPrint.format(legal)
                + " \n : " + why;
    }

    private Value.Call insertInto(Value.Call sel, Map<String, String> h, String value, List<List<String>> parkey,
                                  List<String> classes, Map<String, List<String>> legal) {
        String kind = sel.selector();
        List<String> params = parkey.get(0);
        Value key = makeKey(kind, h, params);
        validateKey(sel, kind, key, params, legal);
        List<Value.Entry> entries = new ArrayList<>(sel.selections().entries());
        int i = findKey(entries, kind, key, params);
        if (classes.size() > 1) {
            if (i < 0) {
                entries.add(new Value.Entry(key, createPath(h, value, parkey.subList(1, parkey.size()), classes.subList(1, classes.size()))));
            } else {
                Value.Entry old = entries.get(i);
                Value nested = old.value() instanceof Value.Call c
                        ? insertInto(c, h, value, parkey.subList(1, parkey.size()), classes.subList(1, classes.size()), legal)
                        : createPath(h, value, parkey.subList(1, parkey.size()), classes.subList(1, classes.size()));
                entries.set(i, new Value.Entry(old.key(), nested));
            }
        } else {
            Value.Str terminal = new Value.Str(value, SourcePos.UNKNOWN);
            if (i < 0) entries.add(new Value.Entry(key, terminal));
            else {
                entries.remove(i);
                entries.add(new Value.Entry(key, terminal));
            }
        }
        return new Value.Call(kind, new Value.Dict(entries, sel.selections().pos()), sel.pos());
    }

    private Value createPath(Map<String, String> h, String value, List<List<String>> parkey, List<String> classes) {
        if (classes.isEmpty()) return new Value.Str(value, SourcePos.UNKNOWN);
        Value key = makeKey(classes.get(0), h, parkey.get(0));
        Value nested = createPath(h, value, parkey.subList(1, parkey.size()), classes.subList(1, classes.size()));
        return new Value.Call(classes.get(0), new Value.Dict(List.of(new Value.Entry(key, nested)), SourcePos.UNKNOWN), SourcePos.UNKNOWN);
    }

    private static String required(Map<String, String> h, String par) {
        String v = h.get(par);
        if (v == null) throw new Rejected(SyntaxPrinter.repr(par));   // Python's KeyError text
        return v;
    }

    private static Value makeKey(String kind, Map<String, String> h, List<String> params) {
        if (kind.equals("Match")) {
            List<Value> items = new ArrayList<>();
            for (String p : params) items.add(new Value.Str(MatchKeys.globCompress(required(h, p)), SourcePos.UNKNOWN));
            return items.size() == 1 ? items.get(0) : new Value.Tuple(items, SourcePos.UNKNOWN);
        }
        if (kind.equals("UseAfter") || kind.equals("ClosestTime")) {
            List<String> parts = new ArrayList<>();
            for (String p : params) parts.add(required(h, p));
            return new Value.Str(String.join(" ", parts), SourcePos.UNKNOWN);
        }
        throw new Rejected("Inserting into a " + kind + " selector is not supported.");
    }

    private void validateKey(Value.Call sel, String kind, Value key, List<String> params, Map<String, List<String>> legal) {
        if (!kind.equals("Match")) {
            String date = ((Value.Str) key).value();
            try {
                Timestamps.reformatDate(date);
            } catch (DateTimeFormatError e) {
                throw new Rejected(kind + " Invalid date/time format for " + PrettyPrint.repr(new ArrayList<Object>(params))
                        + " value = " + SyntaxPrinter.repr(date) + " exception is " + SyntaxPrinter.repr(e.getMessage()));
            }
            return;
        }
        List<String> fields = keyStrings(key);
        if (fields.size() != params.size()) {
            throw new Rejected("wrong length for parameter list " + PrettyPrint.repr(new ArrayList<Object>(params))
                    + " for key " + PrettyPrint.repr(new ArrayList<Object>(fields)));
        }
        Set<String> comments = commentParkeys();
        Map<String, Map<String, Value>> subs = substitutionsFor();
        for (int i = 0; i < params.size(); i++) {
            String name = params.get(i);
            if (comments.contains(name) || !legal.containsKey(name)) continue;
            for (String v : MatchKeys.globList(fields.get(i))) validateValue(name, v, legal.get(name), subs);
        }
        List<String> conditioned = new ArrayList<>();
        for (String f : fields) conditioned.add(Conditioning.conditionValue(f));
        boolean hst = observatory().equals("hst");
        for (Value.Entry e : sortedEntries(sel.selections().entries())) {
            List<String> other = MatchKeys.conditionKey(substitute(e.key(), params, subs));
            if (!conditioned.equals(other) && matchSuperset(other, conditioned) && !differentMatchWeight(conditioned, other)) {
                if (!hst || !mergeOverlaps()) {
                    String[] data = ambiguousData(sel, params, subs, conditioned, other);
                    throw new Rejected("\n----------------------------------------\nMatch case\n" + data[0]
                            + "\nis an equal weight special case of\n" + data[1]
                            + "\nCancel the submission and regenerate the reference files\nwith different parameter values which coincide with an existing category.\nFor some parameter sets, CRDS interprets both matches as equally good.\nFor more explanation, see the file submission section of the CRDS server user's guide here:\nhttps://"
                            + observatory() + "-crds.stsci.edu/static/users_guide/index.html\n----------------------------------------");
                }
            }
        }
    }

    /**
     * The two cases of an ambiguity as CRDS describes them: each key, and when both are cases of
     * this selector, the first date and file of each.
     */
    private String[] ambiguousData(Value.Call sel, List<String> params, Map<String, Map<String, Value>> subs,
                                   List<String> key, List<String> other) {
        String kstr = tupleStr(key), ostr = tupleStr(other);
        String kName = firstChoice(sel, params, subs, key), oName = firstChoice(sel, params, subs, other);
        if (kName == null || oName == null) return new String[] {kstr, ostr};
        String kDate = firstDate(sel, params, kName), oDate = firstDate(sel, params, oName);
        if (kDate != null && oDate != null) {
            kstr += " : UseAfter({\n    '" + kDate + "'";
            ostr += " : UseAfter({\n    '" + oDate + "'";
        }
        return new String[] {kstr + " : " + kName, ostr + " : " + oName};
    }

    /** The first file of the nested selector at the case whose conditioned key is {@code key}. */
    private static String firstChoice(Value.Call sel, List<String> params, Map<String, Map<String, Value>> subs, List<String> key) {
        for (Value.Entry e : sel.selections().entries()) {
            if (!MatchKeys.conditionKey(substitute(e.key(), params, subs)).equals(key)) continue;
            if (e.value() instanceof Value.Call nested) {
                List<Value.Entry> inner = sortedEntries(nested.selections().entries());
                if (!inner.isEmpty() && inner.get(0).value() instanceof Value.Str s) return s.value();
            }
        }
        return null;
    }

    /** The date (and time) of the first match path of {@code file} in this selector. */
    private List<List<List<String>>> firstPath(Value.Call sel, String file) {
        List<List<List<List<String>>>> out = new ArrayList<>();
        List<List<String>> levels = parkey();
        collect(sel, levels, 0, file, new ArrayList<>(), out);
        out.sort(RmapEditor::comparePaths);
        return out.isEmpty() ? null : out.get(0);
    }

    private String firstDate(Value.Call sel, List<String> params, String file) {
        List<List<List<String>>> path = firstPath(sel, file);
        if (path == null) return null;
        List<List<String>> last = path.get(path.size() - 1);
        if (last.size() == 2) return last.get(0).get(1) + " " + last.get(1).get(1);
        if (last.size() == 1) return last.get(0).get(1);
        return null;
    }

    private boolean mergeOverlaps() {
        Value v = header.get("merge_overlaps");
        if (v == null) return true;
        String s = v instanceof Value.Bool b ? (b.value() ? "TRUE" : "FALSE") : pyStr(v).toUpperCase(Locale.ROOT);
        return s.equals("TRUE") || s.equals("1");
    }

    private void validateValue(String name, String value, List<String> valid, Map<String, Map<String, Value>> subs) {
        if (valid.contains(value) || valid.contains(Conditioning.conditionValue(value))) return;
        if (valid.isEmpty()) return;
        if (value.startsWith("NOT")) {
            validateValue(name, value.substring(3).strip(), valid, subs);
            return;
        }
        if (MatchKeys.isEsoteric(value) || value.equals("*") || value.equals("ANY") || value.equals("N/A")) return;
        if (value.toLowerCase(Locale.ROOT).startsWith("between")) {
            String[] parts = value.strip().split("\\s+");
            validateValue(name, parts[1], valid, subs);
            validateValue(name, parts[2], valid, subs);
            return;
        }
        if (valid.size() == 1 && valid.get(0).contains(":")) {
            String[] mm = valid.get(0).split(":");
            double min = Double.parseDouble(mm[0]), max = Double.parseDouble(mm[1]);
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new Rejected("could not convert string to float: " + SyntaxPrinter.repr(value));
            }
            if (min <= v && v <= max) return;
            throw new Rejected(" parameter=" + SyntaxPrinter.repr(name) + " value =" + SyntaxPrinter.repr(value)
                    + " is not in range [" + PythonFloat.repr(min) + " .. " + PythonFloat.repr(max) + "]");
        }
        Map<String, Value> forName = subs.get(name);
        if (forName != null && forName.containsKey(value)) {
            validateValue(name, pyStr(forName.get(value)), valid, subs);
            return;
        }
        throw new Rejected(" parameter=" + SyntaxPrinter.repr(name) + " value=" + SyntaxPrinter.repr(value)
                + " is not in " + PrettyPrint.repr(new ArrayList<Object>(valid)));
    }

    /** CRDS's default substitutions updated with the rmap's own {@code substitutions}. */
    private Map<String, Map<String, Value>> substitutionsFor() {
        Map<String, Map<String, Value>> subs = new LinkedHashMap<>();
        Value na = new Value.Str("N/A", SourcePos.UNKNOWN);
        subs.put("META.SUBARRAY.NAME", Map.of("GENERIC", na));
        subs.put("SUBARRAY", Map.of("GENERIC", na));
        for (Map.Entry<String, Value> e : dict("substitutions").entrySet()) {
            Map<String, Value> inner = new LinkedHashMap<>();
            if (e.getValue() instanceof Value.Dict d) for (Value.Entry x : d.entries()) inner.put(pyStr(x.key()), x.value());
            subs.put(e.getKey(), inner);
        }
        return subs;
    }

    private static Value substitute(Value key, List<String> params, Map<String, Map<String, Value>> subs) {
        for (int which = 0; which < params.size(); which++) {
            Map<String, Value> forParam = subs.get(params.get(which));
            if (forParam == null) continue;
            if (key instanceof Value.Tuple t) {
                if (which >= t.items().size()) continue;
                Value old = t.items().get(which);
                if (old instanceof Value.Str s && forParam.containsKey(s.value())) {
                    List<Value> items = new ArrayList<>(t.items());
                    items.set(which, forParam.get(s.value()));
                    key = new Value.Tuple(items, t.pos());
                }
            } else if (key instanceof Value.Str s && forParam.containsKey(s.value())) {
                key = forParam.get(s.value());
            }
        }
        return key;
    }

    private int findKey(List<Value.Entry> entries, String kind, Value key, List<String> params) {
        List<Value.Entry> order = sortedEntries(entries);
        Set<String> comments = commentParkeys();
        for (Value.Entry e : order) {
            boolean equal;
            if (kind.equals("Match")) {
                List<String> a = MatchKeys.conditionKey(key), b = MatchKeys.conditionKey(e.key());
                equal = a.size() == b.size();
                for (int i = 0; equal && i < a.size(); i++) {
                    if (i < params.size() && comments.contains(params.get(i).toUpperCase(Locale.ROOT))) continue;
                    equal = a.get(i).equals(b.get(i));
                }
            } else {
                equal = org.crdsj.engine.rules.PythonKey.pyEquals(key, e.key());
            }
            if (equal) return entries.indexOf(e);
        }
        return -1;
    }

    /** A selector's entries in CRDS's order (keys compared as tuples of their str() texts). */
    static List<Value.Entry> sortedEntries(List<Value.Entry> entries) {
        List<Value.Entry> sorted = new ArrayList<>(entries);
        sorted.sort((x, y) -> org.crdsj.engine.values.CodePointOrder.TUPLES.compare(sortKey(x.key()), sortKey(y.key())));
        return sorted;
    }

    private static List<String> sortKey(Value key) {
        List<String> out = new ArrayList<>();
        if (key instanceof Value.Tuple t) for (Value v : t.items()) out.add(pyStr(v));
        else out.add(pyStr(key));
        return out;
    }

    private static List<String> keyStrings(Value key) {
        List<String> out = new ArrayList<>();
        if (key instanceof Value.Tuple t) for (Value v : t.items()) out.add(pyStr(v));
        else out.add(pyStr(key));
        return out;
    }

    /** Python's {@code str()} of a rules value. */
    static String pyStr(Value v) {
        return MappingText.str(v);
    }

    private static String tupleStr(List<String> items) {
        return PrettyPrint.repr(new ArrayList<Object>(items));
    }

    private static boolean matchSuperset(List<String> ref, List<String> rmap) {
        for (int i = 0; i < ref.size(); i++) {
            String v1 = ref.get(i), v2 = rmap.get(i);
            if (v1.equals(v2) || v1.equals("*") || v2.equals("N/A") || (v1.equals("N/A") && v2.equals("*"))) continue;
            if (v2.equals("*")) return false;
            Set<String> s1 = new HashSet<>(MatchKeys.globList(v1)), s2 = new HashSet<>(MatchKeys.globList(v2));
            if (s1.containsAll(s2) && !s1.equals(s2)) continue;
            if (s2.containsAll(s1) && !s1.equals(s2)) return false;
            return false;
        }
        return true;
    }

    private static boolean differentMatchWeight(List<String> sub, List<String> sup) {
        int superCount = sub.size(), subCount = sub.size();
        for (int i = 0; i < sub.size(); i++) {
            if (sub.get(i).equals("N/A") && !sup.get(i).equals("N/A")) subCount--;
            else if (sup.get(i).equals("N/A") && !sub.get(i).equals("N/A")) superCount--;
        }
        return subCount != superCount;
    }

    // ------------------------------------------------------------------ file matches

    /**
     * The match paths leading to {@code file} (CRDS {@code file_matches} without the
     * observatory/instrument/filekind prefix): per path, one tuple of (parameter, value) pairs per
     * selector level. Lists stand for Python tuples; sorted as Python sorts them.
     */
    public List<List<List<List<String>>>> fileMatches(String file) {
        List<List<List<List<String>>>> out = new ArrayList<>();
        collect((Value.Call) syntax.selector(), parkey(), 0, file, new ArrayList<>(), out);
        out.sort(RmapEditor::comparePaths);
        return out;
    }

    private static void collect(Value.Call sel, List<List<String>> parkey, int level, String file,
                                List<List<List<String>>> sofar, List<List<List<List<String>>>> out) {
        List<String> params = level < parkey.size() ? parkey.get(level) : List.of();
        for (Value.Entry e : sortedEntries(sel.selections().entries())) {
            List<List<List<String>>> here = new ArrayList<>(sofar);
            here.add(matchItem(sel.selector(), e.key(), params));
            if (e.value() instanceof Value.Call nested) collect(nested, parkey, level + 1, file, here, out);
            else if (e.value() instanceof Value.Str s && s.value().equals(file)) out.add(here);
        }
    }

    private static List<List<String>> matchItem(String kind, Value key, List<String> params) {
        List<String> values;
        if (kind.equals("Match")) {
            values = keyStrings(key);
        } else if (params.size() == 1) {
            values = List.of(pyStr(key));
        } else {
            values = List.of(pyStr(key).strip().split("\\s+"));
        }
        List<List<String>> pairs = new ArrayList<>();
        for (int i = 0; i < Math.min(values.size(), params.size()); i++) pairs.add(List.of(params.get(i), values.get(i)));
        return pairs;
    }

    @SuppressWarnings("unchecked")
    private static int comparePaths(Object a, Object b) {
        if (a instanceof String x) return org.crdsj.engine.values.CodePointOrder.compare(x, (String) b);
        List<Object> la = (List<Object>) a, lb = (List<Object>) b;
        for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
            int c = comparePaths(la.get(i), lb.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(la.size(), lb.size());
    }

    // ------------------------------------------------------------------ deletion and header edits

    /**
     * The rmap without any occurrence of {@code terminal}; nested selectors left without
     * references are removed.
     *
     * @throws RefactorException when the name does not occur
     */
    public RmapEditor delete(String terminal) {
        int[] count = {0};
        Value.Call updated = deleteFrom((Value.Call) syntax.selector(), terminal, count);
        if (count[0] == 0) throw new RefactorException("Terminal '" + terminal + "' could not be found and deleted.");
        return new RmapEditor(new MappingSyntax(syntax.file(), syntax.header(), updated, syntax.comment()));
    }

    private static Value.Call deleteFrom(Value.Call sel, String terminal, int[] count) {
        List<Value.Entry> kept = new ArrayList<>();
        for (Value.Entry e : sel.selections().entries()) {
            Value v = e.value();
            if (v instanceof Value.Str s && s.value().equals(terminal)) {
                count[0]++;
            } else if (v instanceof Value.Call nested) {
                Value.Call pruned = deleteFrom(nested, terminal, count);
                if (!referenceNames(pruned).isEmpty()) kept.add(new Value.Entry(e.key(), pruned));
            } else {
                kept.add(e);
            }
        }
        return new Value.Call(sel.selector(), new Value.Dict(kept, sel.selections().pos()), sel.pos());
    }

    /** Every string a selector tree can choose (CRDS {@code Selector.reference_names}). */
    static Set<String> referenceNames(Value v) {
        Set<String> names = new java.util.TreeSet<>();
        if (v instanceof Value.Call c) for (Value.Entry e : c.selections().entries()) names.addAll(referenceNames(e.value()));
        else if (v instanceof Value.Str s) names.add(s.value());
        else if (v instanceof Value.Tuple t) for (Value i : t.items()) names.addAll(referenceNames(i));
        else if (v instanceof Value.Dict d) for (Value.Entry e : d.entries()) names.addAll(referenceNames(e.value()));
        return names;
    }

    /** The rmap with header field {@code key} set to {@code value} (added when absent). */
    public RmapEditor withHeaderField(String key, Value value) {
        return new RmapEditor(MappingText.withHeaderField(syntax, key, value));
    }

    /**
     * The rmap without header field {@code key}.
     *
     * @throws RefactorException (Python's KeyError text) when the field is absent
     */
    public RmapEditor withoutHeaderField(String key) {
        if (!header.containsKey(key)) throw new RefactorException(SyntaxPrinter.repr(key));
        List<Value.Entry> entries = new ArrayList<>();
        for (Value.Entry e : syntax.header().entries()) {
            if (!(e.key() instanceof Value.Str k && k.value().equals(key))) entries.add(e);
        }
        Value.Dict h = new Value.Dict(entries, syntax.header().pos());
        return new RmapEditor(new MappingSyntax(syntax.file(), h, syntax.selector(), syntax.comment()));
    }

}
