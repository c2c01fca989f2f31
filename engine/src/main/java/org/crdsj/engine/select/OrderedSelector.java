package org.crdsj.engine.select;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.ErrorCategory;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.values.PythonRepr;

/**
 * The UseAfter family (UseAfter, VersionAfter, ClosestTime): entries sorted by key, every
 * parameter required, and equal-weight Match ties merged into one selector whose entries are the
 * union of both; on equal keys the greater file name wins.
 */
abstract class OrderedSelector extends BaseSelector {

    OrderedSelector(List<String> parameters, List<Selection> selections) {
        super(parameters, selections);
    }

    /** As {@link BaseSelector#BaseSelector(BaseSelector, List)}. */
    OrderedSelector(BaseSelector like, List<Selection> selections) {
        super(like, selections);
    }

    /** A selector of the same class and parameters with other entries (the result of a merge). */
    abstract OrderedSelector withSelections(List<Selection> merged);

    /** The order of this selector's lookup keys. */
    abstract Comparator<Object> keyOrder();

    /**
     * The parameters' values; every parameter must be present in the header (CRDS's "valid list"
     * for these is {@code *}).
     */
    protected String[] definedValues(Map<String, String> header) {
        String[] values = new String[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            String v = parameterValue(header, i);
            if (v == null) {
                String p = parameters.get(i);
                throw LookupFailure.validation(ErrorCategory.MISSING_PARAMETER,
                        kind() + " required lookup parameter " + PythonRepr.str(p) + " is undefined.");
            }
            values[i] = v;
        }
        return values;
    }

    /** Resolves the chosen entry; a failing nested selector ends this selector's attempts. */
    protected static Choice resolveChosen(Choice choice, Map<String, String> header) {
        Choice r = Selector.resolve(choice, header);
        if (r instanceof Choice.Failed f && f.failure().fallsThrough()) {
            return new Choice.Failed(LookupFailure.allAttemptsFailed(f.failure()));
        }
        return r;
    }

    /** The traced twin of {@link #resolveChosen}: {@code here} takes the entry {@code chosen}. */
    static SelectionPath tracedChosen(Selector here, Selection chosen, Map<String, String> header) {
        SelectionPath p = SelectionPath.resolve(here, List.of(chosen), chosen.choice(), header);
        if (p.choice() instanceof Choice.Failed f && f.failure().fallsThrough()) {
            return p.withChoice(new Choice.Failed(LookupFailure.allAttemptsFailed(f.failure())));
        }
        return p;
    }

    /**
     * Index of the entry for {@code lookup}: CRDS's recursive halving search (step right when
     * {@code lookup >= } the first key of the right half), which is the greatest key {@code <= lookup}
     * whenever the entries are in key order. -1 when there is none.
     */
    protected int floor(Object lookup) {
        Comparator<Object> order = keyOrder();
        int n = selections.size();
        if (n == 0) return -1;
        int lo = 0, hi = n;
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (order.compare(lookup, selections.get(mid).key()) >= 0) lo = mid; else hi = mid;
        }
        return order.compare(lookup, selections.get(lo).key()) >= 0 ? lo : -1;
    }

    @Override
    public Selector merge(Choice other) {
        if (!(other instanceof Choice.Nested n) || !(n.selector() instanceof OrderedSelector that)) {
            throw LookupFailure.other("AttributeError", "'" + pythonTypeName(other)
                    + "' object has no attribute '_selections'");
        }
        Comparator<Object> order = keyOrder();
        List<Selection> own = selections, theirs = that.selections;
        List<Selection> out = new ArrayList<>(own.size() + theirs.size());
        int i = 0, j = 0;
        while (i < own.size() && j < theirs.size()) {
            Selection a = own.get(i), b = theirs.get(j);
            int c = order.compare(a.key(), b.key());
            if (c < 0) { out.add(a); i++; }
            else if (c > 0) { out.add(b); j++; }
            else {
                out.add(greaterOrEqual(a.choice(), b.choice()) ? a : b);
                i++; j++;
            }
        }
        while (i < own.size()) out.add(own.get(i++));
        while (j < theirs.size()) out.add(theirs.get(j++));
        return boundLike(withSelections(out));
    }

    /**
     * {@code first.merge(others[0]).merge(others[1])...} in one pass: every entry of the group
     * sorted once by key, each run of equal keys folded in group order with the same rule (the
     * greater file name wins, the earlier on equality). Costs O(n log n) for n entries in all,
     * where merging one by one costs O(n) per step. Used only when no step could fail (all are
     * selectors of this class whose choices are file names); otherwise merges one by one.
     */
    Selector mergeAll(List<Choice> others) {
        List<Selection> all = new ArrayList<>(selections);
        for (Choice c : others) {
            if (!(c instanceof Choice.Nested n) || n.selector().getClass() != getClass()) return mergeEach(others);
            all.addAll(((OrderedSelector) n.selector()).selections);
        }
        for (Selection sel : all) if (!(sel.choice() instanceof Choice.Terminal)) return mergeEach(others);
        Comparator<Object> order = keyOrder();
        all.sort((a, b) -> order.compare(a.key(), b.key()));    // stable: group order within a key
        List<Selection> out = new ArrayList<>(all.size());
        for (Selection sel : all) {
            int last = out.size() - 1;
            if (last >= 0 && order.compare(out.get(last).key(), sel.key()) == 0) {
                if (!greaterOrEqual(out.get(last).choice(), sel.choice())) out.set(last, sel);
            } else {
                out.add(sel);
            }
        }
        return boundLike(withSelections(out));
    }

    private Selector mergeEach(List<Choice> others) {
        Selector merged = this;
        for (Choice c : others) merged = merged.merge(c);
        return merged;
    }

    /** Python {@code a >= b} on two choices; only strings are comparable. */
    static boolean greaterOrEqual(Choice a, Choice b) {
        if (a instanceof Choice.Terminal ta && b instanceof Choice.Terminal tb) {
            return org.crdsj.engine.values.CodePointOrder.compare(ta.value(), tb.value()) >= 0;
        }
        throw LookupFailure.other("TypeError", "'>=' not supported between instances of '"
                + pythonTypeName(a) + "' and '" + pythonTypeName(b) + "'");
    }

    static String pythonTypeName(Choice c) {
        if (c instanceof Choice.Terminal) return "str";
        if (c instanceof Choice.Several) return "tuple";
        return ((Choice.Nested) c).selector().kind() + "Selector";
    }
}
