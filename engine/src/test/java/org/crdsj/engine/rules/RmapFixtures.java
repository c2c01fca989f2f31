package org.crdsj.engine.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.bestrefs.Result;
import org.crdsj.engine.select.Choice;
import org.crdsj.engine.select.Selector;

/**
 * Hand-written rmaps for unit tests: compiles rules text with checksums off and renders lookup
 * outcomes as the strings CRDS prints, so tests can state expectations in CRDS's own terms.
 */
public final class RmapFixtures {
    private RmapFixtures() {}

    /** Compiles {@code text} as the rmap {@code fileName}, checksums off. */
    public static ReferenceMapping compile(String fileName, String text) {
        return (ReferenceMapping) new MappingLoader(new MappingLocator(null), new LoadOptions(false)).compile(fileName, text);
    }

    /**
     * An rmap with the required header fields plus {@code extraHeader} (entries such as
     * {@code "'rmap_omit' : 'True',"}), whose body is {@code selector}.
     */
    public static ReferenceMapping rmap(String observatory, String instrument, String filekind, String parkey,
                                        String extraHeader, String selector) {
        String name = observatory.toLowerCase() + "_" + instrument.toLowerCase() + "_" + filekind.toLowerCase() + "_test.rmap";
        String text = "header = {\n"
                + "    'derived_from' : 'hand written for a unit test',\n"
                + "    'filekind' : '" + filekind + "',\n"
                + "    'instrument' : '" + instrument + "',\n"
                + "    'mapping' : 'REFERENCE',\n"
                + "    'name' : '" + name + "',\n"
                + "    'observatory' : '" + observatory + "',\n"
                + "    'parkey' : " + parkey + ",\n"
                + extraHeader
                + "}\n\n"
                + "selector = " + selector + "\n";
        return compile(name, text);
    }

    /** An HST rmap for a made-up instrument/type without hooks. */
    public static ReferenceMapping hst(String parkey, String extraHeader, String selector) {
        return rmap("HST", "ACS", "DARKFILE", parkey, extraHeader, selector);
    }

    /** Just the selector tree of an HST test rmap. */
    public static Selector selector(String parkey, String extraHeader, String selector) {
        return hst(parkey, extraHeader, selector).selector();
    }

    /** An ordered header from alternating keys and values. */
    public static Map<String, String> header(String... kv) {
        if (kv.length % 2 != 0) throw new IllegalArgumentException("keys and values must alternate");
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) h.put(kv[i], kv[i + 1]);
        return h;
    }

    /** A selector's answer rendered like CRDS: a name, a Python tuple repr, or {@code NOT FOUND <message>}. */
    public static String choose(Selector s, Map<String, String> header) {
        try {
            return render(s.choose(header));
        } catch (LookupFailure f) {
            return "NOT FOUND " + f.getMessage();
        }
    }

    /** The failure a selector raises for {@code header}; fails the test when it answers instead. */
    public static LookupFailure failure(Selector s, Map<String, String> header) {
        try {
            Choice c = s.choose(header);
            throw new AssertionError("expected a failure, got " + render(c));
        } catch (LookupFailure f) {
            return f;
        }
    }

    /** A choice rendered like Python: {@code name} or {@code ('a', 'b')}. */
    public static String render(Choice c) {
        if (c instanceof Choice.Terminal t) return t.value();
        if (c instanceof Choice.Several s) {
            StringBuilder sb = new StringBuilder("(");
            List<Choice> items = s.items();
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(items.get(i) instanceof Choice.Terminal t ? "'" + t.value() + "'" : render(items.get(i)));
            }
            if (items.size() == 1) sb.append(',');
            return sb.append(')').toString();
        }
        return "<" + ((Choice.Nested) c).selector().kind() + ">";
    }

    /** The rmap lookup on the header as given (no conditioning), rendered as CRDS's result string. */
    public static String bestRef(ReferenceMapping r, Map<String, String> header) {
        return render(r.bestRef(header));
    }

    /** CRDS bestrefs through the rmap as context: minimise, condition, look up. */
    public static String bestrefs(ReferenceMapping r, Map<String, String> header) {
        return render(new Context(r).bestrefs(header).get(r.filekind()));
    }

    /** A result as CRDS's string; {@code OMITTED} for an omitted type, a Python tuple for several files. */
    public static String render(Result r) {
        if (r instanceof Result.Omitted) return "OMITTED";
        if (r instanceof Result.Files f) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < f.items().size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append("'").append(f.items().get(i).crdsString()).append("'");
            }
            return sb.append(')').toString();
        }
        return r.crdsString();
    }
}
