package org.crdsj.engine.compare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.rules.InstrumentContext;
import org.crdsj.engine.rules.PipelineContext;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.select.Choice;
import org.crdsj.engine.select.Selection;
import org.crdsj.engine.select.Selector;

/**
 * CRDS's {@code --datasets-since=auto} dates when the rules diff has no header change and no
 * deletion ({@code auto_datasets_since}): per instrument, the earliest exposure time of the match
 * paths of every reference added by the new imap (looked up in the new imap) or dropped from the
 * old one (looked up in the old). A path's exposure time comes from its UseAfter date (as written)
 * under CRDS's date keyword pairs, else {@code 1900-01-01 00:00:00}. Instruments with no added or
 * dropped references get no entry.
 */
public final class AutoDatasetsSince {
    private AutoDatasetsSince() {}

    /** Lower-case instrument to cut-off time. */
    public static Map<String, String> of(Context oldContext, Context newContext) {
        PipelineContext oldP = (PipelineContext) oldContext.mapping(), newP = (PipelineContext) newContext.mapping();
        Map<String, String> out = new TreeMap<>();
        for (String instrument : oldP.instruments()) {
            InstrumentContext oldI, newI;
            try {
                oldI = oldP.imap(instrument);
                newI = newP.imap(instrument);
            } catch (RuntimeException e) {
                continue;
            }
            Set<String> oldRefs = referenceNames(oldI), newRefs = referenceNames(newI);
            String min = null;
            for (String r : newRefs) if (!oldRefs.contains(r)) min = earlier(min, minimumExposure(newI, r));
            for (String r : oldRefs) if (!newRefs.contains(r)) min = earlier(min, minimumExposure(oldI, r));
            if (min != null) out.put(instrument, min);
        }
        return out;
    }

    private static String earlier(String a, String b) {
        if (b == null) return a;
        return a == null || b.compareTo(a) < 0 ? b : a;
    }

    /** Every terminal value of every rmap of the imap. */
    static Set<String> referenceNames(InstrumentContext imap) {
        Set<String> names = new TreeSet<>();
        for (ReferenceMapping r : imap.rmaps()) collect(r.selector(), names);
        return names;
    }

    private static void collect(Selector s, Set<String> names) {
        for (Selection sel : s.selections()) collect(sel.choice(), names);
    }

    private static void collect(Choice c, Set<String> names) {
        if (c instanceof Choice.Terminal t) names.add(t.value());
        else if (c instanceof Choice.Several sv) for (Choice i : sv.items()) collect(i, names);
        else if (c instanceof Choice.Nested n) collect(n.selector(), names);
    }

    /** The earliest exposure time over the match paths of {@code reference} in the imap; null if none. */
    static String minimumExposure(InstrumentContext imap, String reference) {
        String[] min = {null};
        for (ReferenceMapping r : imap.rmaps()) walk(r.selector(), reference, new HashMap<>(), min);
        return min[0];
    }

    private static void walk(Selector s, String reference, Map<String, String> path, String[] min) {
        List<String> params = s.parameters();
        for (Selection sel : s.selections()) {
            Map<String, String> here = new HashMap<>(path);
            if (sel.key() instanceof String key && !params.isEmpty()) {
                // UseAfter-like keys "date time" spread over the selector's parameters.
                String[] parts = params.size() == 2 ? key.split(" ", 2) : new String[] {key};
                for (int i = 0; i < params.size() && i < parts.length; i++) here.put(params.get(i), parts[i]);
            }
            visit(sel.choice(), reference, here, min);
        }
    }

    private static void visit(Choice c, String reference, Map<String, String> path, String[] min) {
        if (c instanceof Choice.Nested n) {
            walk(n.selector(), reference, path, min);
        } else if (c instanceof Choice.Terminal t) {
            if (t.value().equals(reference)) min[0] = earlier(min[0], ExposureTime.of(path::get));
        } else if (c instanceof Choice.Several sv) {
            for (Choice i : sv.items()) visit(i, reference, path, min);
        }
    }
}
