package org.crdsj.engine.select;

import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.ErrorCategory;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.values.PythonFloat;
import org.crdsj.engine.values.PythonRepr;

/**
 * GeometricallyNearest: chooses the entry whose numeric key is nearest the header's value.
 *
 * <pre>
 * GeometricallyNearest({ 1.2 : 'f120', 1.5 : 'f124', 5.0 : 'f137' })
 *   1.4 -> f124;  3.25 -> f124 (a tie: the first key in order wins);  3.26 -> f137
 * </pre>
 *
 * Keys are conditioned to strings and kept in string order ({@code '10.0' < '2.0'}); distances
 * are computed in 32-bit floats, as CRDS does with numpy.
 */
public final class GeometricallyNearestSelector extends NumericSelector {
    private final java.util.Set<String> keyStrings;

    public GeometricallyNearestSelector(List<String> parameters, List<Selection> sortedSelections) {
        super(parameters, sortedSelections);
        this.keyStrings = new java.util.HashSet<>();
        for (Selection s : selections) keyStrings.addAll(org.crdsj.engine.select.match.MatchKeys.globList((String) s.key()));
    }

    @Override public String kind() { return "GeometricallyNearest"; }

    @Override
    protected Choice lookup(Map<String, String> header) {
        return OrderedSelector.resolveChosen(selections.get(nearest(header)).choice(), header);
    }

    @Override
    SelectionPath traced(Map<String, String> header) {
        return OrderedSelector.tracedChosen(this, selections.get(nearest(header)), header);
    }

    /** The index of the entry whose key is nearest the header's value. */
    private int nearest(Map<String, String> header) {
        for (String q : parameters) {
            if (!header.containsKey(q) && !keyStrings.contains("N/A")) {
                throw LookupFailure.validation(ErrorCategory.MISSING_PARAMETER,
                        kind() + " required lookup parameter " + PythonRepr.str(q) + " is undefined.");
            }
        }
        double number = number(header);
        if (selections.isEmpty()) throw LookupFailure.valueError("attempt to get argmin of an empty sequence");
        float value = (float) number;
        int best = 0;
        float bestDistance = Float.NaN;
        for (int i = 0; i < selections.size(); i++) {
            String k = (String) selections.get(i).key();
            var kv = PythonFloat.parse(k);
            if (kv.isEmpty()) throw LookupFailure.valueError("could not convert string to float: " + PythonRepr.str(k));
            float d = Math.abs((float) kv.getAsDouble() - value);
            if (i == 0 || d < bestDistance) { best = i; bestDistance = d; }
        }
        return best;
    }
}
