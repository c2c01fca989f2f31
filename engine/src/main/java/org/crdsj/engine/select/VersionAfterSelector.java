package org.crdsj.engine.select;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.select.match.MatchKeys;
import org.crdsj.engine.values.PythonRepr;

/**
 * VersionAfter: like UseAfter, but over software versions {@code x[.y[.z]]} compared as integer
 * triples.
 *
 * <pre>
 * VersionAfter({ '0.0.2' : 'a', '5.2' : 'b', '50.1' : 'c' })   CAL_VER=49.1 -> b;  0.0.1 -> No selection &lt;= (0, 0, 1)
 * </pre>
 */
public final class VersionAfterSelector extends OrderedSelector {
    private static final Pattern VERSION =
            Pattern.compile("^([0-9]{1,8}(\\.[0-9]{1,8}(\\.[0-9]{1,8})?)?)[a-zA-Z0-9_+\\-.]{0,128}$");

    public VersionAfterSelector(List<String> parameters, List<Selection> selections) {
        super(parameters, selections);
    }

    @Override public String kind() { return "VersionAfter"; }

    @Override
    OrderedSelector withSelections(List<Selection> merged) { return new VersionAfterSelector(parameters, merged); }

    @Override
    Comparator<Object> keyOrder() { return (a, b) -> compareTriples((int[]) a, (int[]) b); }

    @Override
    protected Choice lookup(Map<String, String> header) {
        int[] key = lookupVersion(header);
        int i = floor(key);
        if (i < 0) return new Choice.Failed(LookupFailure.versionAfter("No selection <= " + triple(key)));
        return resolveChosen(selections.get(i).choice(), header);
    }

    @Override
    SelectionPath traced(Map<String, String> header) {
        int[] key = lookupVersion(header);
        int i = floor(key);
        if (i < 0) return SelectionPath.of(new Choice.Failed(LookupFailure.versionAfter("No selection <= " + triple(key))));
        return tracedChosen(this, selections.get(i), header);
    }

    /** The dataset's version as a triple, or CRDS's assertion error. */
    private int[] lookupVersion(Map<String, String> header) {
        String version = MatchKeys.globCompress(String.join(".", definedValues(header)));
        int[] key = parseVersion(version);
        if (key == null) throw LookupFailure.other("AssertionError", "Invalid version string " + PythonRepr.str(version));
        return key;
    }

    /** The zero-filled integer triple of a version string, or null if it is not a version. */
    public static int[] parseVersion(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) return null;
        String[] parts = m.group(1).split("\\.");
        int[] t = new int[3];
        for (int i = 0; i < Math.min(3, parts.length); i++) t[i] = Integer.parseInt(parts[i]);
        return t;
    }

    static int compareTriples(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(a[i], b[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    /** Python repr of the triple, e.g. {@code (0, 0, 1)}. */
    static String triple(int[] t) {
        return "(" + t[0] + ", " + t[1] + ", " + t[2] + ")";
    }
}
