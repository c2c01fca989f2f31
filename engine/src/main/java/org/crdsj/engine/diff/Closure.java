package org.crdsj.engine.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.crdsj.engine.rules.InstrumentContext;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.PipelineContext;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.select.Choice;
import org.crdsj.engine.select.Selection;
import org.crdsj.engine.select.Selector;
import org.crdsj.engine.values.CodePointOrder;

/**
 * The files a mapping names, directly or through nested mappings: CRDS's {@code mapping_names()}
 * and {@code reference_names()} (used by {@code crds diff --print-new-files} and
 * {@code --check-references}).
 */
public final class Closure {
    private Closure() {}

    /** The mapping itself and every mapping below it, each once, top first. */
    public static List<Mapping> mappings(Mapping top) {
        Map<String, Mapping> out = new LinkedHashMap<>();
        collect(top, out);
        return List.copyOf(out.values());
    }

    private static void collect(Mapping m, Map<String, Mapping> out) {
        if (out.putIfAbsent(m.name(), m) != null) return;
        if (m instanceof PipelineContext p) for (InstrumentContext i : p.imaps()) collect(i, out);
        if (m instanceof InstrumentContext i) for (ReferenceMapping r : i.rmaps()) collect(r, out);
    }

    /**
     * Every terminal value of every rmap below {@code top}, sorted: reference file names and, as in
     * CRDS, the special values ({@code N/A}, {@code OMIT}) written in the selectors.
     */
    public static List<String> references(Mapping top) {
        TreeSet<String> out = new TreeSet<>(CodePointOrder.STRINGS);
        for (Mapping m : mappings(top)) {
            if (m instanceof ReferenceMapping r) terminals(r.selector(), out);
        }
        return new ArrayList<>(out);
    }

    private static void terminals(Selector sel, TreeSet<String> out) {
        for (Selection s : sel.selections()) terminals(s.choice(), out);
    }

    private static void terminals(Choice c, TreeSet<String> out) {
        if (c instanceof Choice.Terminal t) out.add(t.value());
        else if (c instanceof Choice.Nested n) terminals(n.selector(), out);
        else if (c instanceof Choice.Several s) for (Choice item : s.items()) terminals(item, out);
    }
}
