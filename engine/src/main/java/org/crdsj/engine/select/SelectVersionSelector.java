package org.crdsj.engine.select;

import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.values.PythonFloat;
import org.crdsj.engine.values.PythonStrings;

/**
 * SelectVersion: chooses by software version relations.
 *
 * <pre>
 * SelectVersion({ '&lt;3.1' : 'f65', '&lt;5' : 'f73', 'default' : 'f123' })
 *   4.5 -> f73;  5 -> f123;  2.0 -> f65;  'default' -> f123
 * </pre>
 *
 * Each key is a relation ({@code <}, {@code <=}, {@code =}/{@code ==}, or none meaning {@code =})
 * and a number; entries are ordered by (number, relation) with {@code < <= =}, and the first entry
 * not below (value, {@code =}) wins. Note that {@code <=5} sorts below {@code =5} and so excludes 5.
 */
public final class SelectVersionSelector extends NumericSelector {   // keys: VersionRelation

    /** A parsed relation key; {@code default} is the largest version. */
    public record VersionRelation(double version, boolean isDefault, int relationRank) {
        int compareTo(VersionRelation o) {
            int c = isDefault != o.isDefault ? (isDefault ? 1 : -1) : Double.compare(version, o.version);
            return c != 0 ? c : Integer.compare(relationRank, o.relationRank);
        }

        /** Parses a key such as {@code '<5'}, {@code '== 6.66'}, {@code '5'} or {@code 'default'}; null if not numeric. */
        public static VersionRelation parse(String key) {
            if (key.replace("=", "").replace(" ", "").equals("default")) return new VersionRelation(0, true, 2);
            String k = PythonStrings.strip(key);
            if (!k.startsWith("<") && !k.startsWith("=")) k = "=" + k;
            int rank;
            String rest;
            if (k.startsWith("<=")) { rank = 1; rest = k.substring(2); }
            else if (k.startsWith("<")) { rank = 0; rest = k.substring(1); }
            else if (k.startsWith("==")) { rank = 2; rest = k.substring(2); }
            else { rank = 2; rest = k.substring(1); }
            var v = PythonFloat.parse(rest);
            return v.isEmpty() ? null : new VersionRelation(v.getAsDouble(), false, rank);
        }
    }

    public SelectVersionSelector(List<String> parameters, List<Selection> sortedSelections) {
        super(parameters, sortedSelections);
    }

    @Override public String kind() { return "SelectVersion"; }

    @Override
    protected Choice lookup(Map<String, String> header) {
        return OrderedSelector.resolveChosen(selections.get(first(header)).choice(), header);
    }

    @Override
    SelectionPath traced(Map<String, String> header) {
        return OrderedSelector.tracedChosen(this, selections.get(first(header)), header);
    }

    /** The index of the first entry not below the header's version. */
    private int first(Map<String, String> header) {
        String raw = value(header);
        VersionRelation lookup = PythonStrings.strip(raw.replace("=", "")).equals("default")
                ? new VersionRelation(0, true, 2)
                : new VersionRelation(number(header), false, 2);
        for (int i = 0; i < selections.size(); i++) {
            if (((VersionRelation) selections.get(i).key()).compareTo(lookup) >= 0) return i;
        }
        throw LookupFailure.other("IndexError", "list index out of range");
    }
}
