package org.crdsj.engine.select;

import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.ErrorCategory;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.values.PythonFloat;
import org.crdsj.engine.values.PythonRepr;

/**
 * Selectors that choose by the number in their first parameter (Bracket, GeometricallyNearest,
 * SelectVersion): they share reading that number the way CRDS does.
 */
abstract class NumericSelector extends BaseSelector {

    NumericSelector(List<String> parameters, List<Selection> sortedSelections) {
        super(parameters, sortedSelections);
    }

    /** The header value of the first parameter; a missing one is Python's KeyError. */
    protected String value(Map<String, String> header) {
        String p = parameters.get(0);
        String raw = header.get(p);
        if (raw == null) throw LookupFailure.keyError(p);
        return raw;
    }

    /** The first parameter read as Python's {@code float()}, else CRDS's "Invalid number" error. */
    protected double number(Map<String, String> header) {
        String raw = value(header);
        var parsed = PythonFloat.parse(raw);
        if (parsed.isEmpty()) {
            throw LookupFailure.validation(ErrorCategory.INVALID_VALUE, kind() + " Invalid number for "
                    + PythonRepr.str(parameters.get(0)) + " value = " + PythonRepr.str(raw));
        }
        return parsed.getAsDouble();
    }
}
