package org.crdsj.engine.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.Value;

/**
 * Repeated keys in a mapping's dict displays, which Python (and so CRDS's loader) silently
 * collapses to the last value. CRDS's certify-level parser reports each one, and {@code crds
 * checksum} refuses to rewrite a mapping that has any, because the rewrite would drop entries.
 *
 * <p>Messages are CRDS's: {@code Duplicate entry at <where> <key> = <value> vs. <first value>},
 * where {@code <where>} is {@code header}, or {@code selector} followed by the path of nested
 * selector keys ({@code Match(('HRC', 'A'))}), and a nested selector value is shown by its
 * class name ({@code UseAfter}). Stateless and thread-safe.
 */
public final class DuplicateEntries {
    private DuplicateEntries() {}

    /** Every duplicate entry of {@code mapping}, header first, then the selector depth first. */
    public static List<String> find(MappingSyntax mapping) {
        List<String> out = new ArrayList<>();
        check(mapping.header(), List.of("header"), out);
        if (mapping.selector() instanceof Value.Call call) selector(call, List.of("selector"), out);
        else if (mapping.selector() instanceof Value.Dict dict) check(dict, List.of("selector"), out);
        return out;
    }

    private static void selector(Value.Call call, List<String> parents, List<String> out) {
        check(call.selections(), parents, out);
        for (Value.Entry e : call.selections().entries()) {
            if (e.value() instanceof Value.Call nested) {
                List<String> path = new ArrayList<>(parents);
                path.add(call.selector() + "(" + MappingText.repr(e.key()) + ")");
                selector(nested, path, out);
            }
        }
    }

    /** One dict level: a key seen before is reported against the first value written for it. */
    private static void check(Value.Dict dict, List<String> parents, List<String> out) {
        Map<PythonKey, Value> seen = new HashMap<>();
        for (Value.Entry e : dict.entries()) {
            PythonKey key = new PythonKey(e.key());
            Value first = seen.get(key);
            if (first == null) {
                seen.put(key, e.value());
            } else {
                out.add("Duplicate entry at " + String.join(" ", parents) + " " + MappingText.repr(e.key())
                        + " = " + shown(e.value()) + " vs. " + shown(first));
            }
        }
    }

    /** A nested selector is shown by its class name, anything else by its repr. */
    private static String shown(Value v) {
        return v instanceof Value.Call c ? c.selector() : MappingText.repr(v);
    }
}
