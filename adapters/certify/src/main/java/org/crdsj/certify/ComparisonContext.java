package org.crdsj.certify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.rules.InstrumentContext;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.PipelineContext;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.select.Choice;
import org.crdsj.engine.select.Selection;
import org.crdsj.engine.select.Selector;

/**
 * The context certify compares against (a loaded .pmap, .imap or .rmap): finds the rmap that
 * governs a reference type, with CRDS's failure messages. Immutable.
 */
public final class ComparisonContext {
    private final String name;
    private final Mapping mapping;

    public ComparisonContext(String name, Mapping mapping) {
        this.name = name;
        this.mapping = mapping;
    }

    /** The name as given on the command line. */
    public String name() {
        return name;
    }

    public Mapping mapping() {
        return mapping;
    }

    /**
     * The rmap of (instrument, filekind).
     *
     * @throws LookupFailure {@code Unknown instrument 'x' for context 'c'} or
     *         {@code Unknown reference type 'x'} as CRDS raises them
     */
    public ReferenceMapping rmap(String instrument, String filekind) {
        if (mapping instanceof ReferenceMapping r) return r;
        InstrumentContext imap = mapping instanceof PipelineContext p ? p.imap(instrument) : (InstrumentContext) mapping;
        ReferenceMapping r = imap.rmap(filekind);
        if (r == null) {
            Object sel = imap.selection(filekind);
            String msg = sel == null ? "Unknown reference type " + PyValues.repr(filekind.toLowerCase(Locale.ROOT))
                    : "Reference type " + PyValues.repr(filekind) + " is " + sel + " in " + PyValues.repr(imap.name());
            throw new LookupFailure("CrdsUnknownReftypeError", org.crdsj.engine.bestrefs.ErrorCategory.OTHER, msg);
        }
        return r;
    }

    /** Every file name an rmap's selectors lead to (special values excluded), in order. */
    public static List<String> referenceNames(ReferenceMapping rmap) {
        Set<String> out = new LinkedHashSet<>();
        collect(rmap.selector(), out);
        return new ArrayList<>(out);
    }

    private static void collect(Selector s, Set<String> out) {
        for (Selection sel : s.selections()) collect(sel.choice(), out);
    }

    private static void collect(Choice c, Set<String> out) {
        if (c instanceof Choice.Terminal t) {
            String v = t.value();
            String u = v.toUpperCase(Locale.ROOT);
            if (!u.equals("N/A") && !u.equals("OMIT") && !u.startsWith("NOT FOUND")) out.add(v);
        } else if (c instanceof Choice.Several s) {
            for (Choice x : s.items()) collect(x, out);
        } else if (c instanceof Choice.Nested n) {
            collect(n.selector(), out);
        }
    }
}
