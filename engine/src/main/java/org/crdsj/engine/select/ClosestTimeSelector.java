package org.crdsj.engine.select;

import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.values.DateTimeFormatError;
import org.crdsj.engine.values.Timestamps;

/**
 * ClosestTime: chooses the entry whose date is nearest the dataset's date (either side).
 *
 * <pre>
 * ClosestTime({ '2017-04-24 00:00:00' : 'a', '2018-02-01 00:00:00' : 'b' })
 *   2017-09-12 12:00:00 (the exact midpoint) -> a   (ties go to the earlier key)
 * </pre>
 *
 * Distances are seconds rounded to 32-bit floats, as CRDS computes them with numpy.
 */
public final class ClosestTimeSelector extends UseAfterSelector {

    public ClosestTimeSelector(List<String> parameters, List<Selection> selections) {
        super(parameters, selections);
    }

    @Override public String kind() { return "ClosestTime"; }

    @Override
    OrderedSelector withSelections(List<Selection> merged) { return new ClosestTimeSelector(parameters, merged); }

    @Override
    protected Choice lookup(Map<String, String> header) {
        return resolveChosen(selections.get(closest(header)).choice(), header);
    }

    @Override
    SelectionPath traced(Map<String, String> header) {
        return tracedChosen(this, selections.get(closest(header)), header);
    }

    /** The index of the entry nearest the dataset's date. */
    private int closest(Map<String, String> header) {
        String date = LookupDates.lookupDate(kind(), parameters, definedValues(header), header);
        if (selections.isEmpty()) {
            throw LookupFailure.valueError("attempt to get argmin of an empty sequence");
        }
        long at = micros(date);
        int best = 0;
        float bestDistance = Float.POSITIVE_INFINITY;
        for (int i = 0; i < selections.size(); i++) {
            long delta = Math.abs(at - micros((String) selections.get(i).key()));
            float d = (float) (delta / 1e6);
            if (d < bestDistance || i == 0) { best = i; bestDistance = d; }
        }
        return best;
    }

    private static long micros(String date) {
        try {
            return Timestamps.parseDate(date).toEpochMicros();
        } catch (DateTimeFormatError e) {
            throw LookupFailure.fromDateError(e);
        }
    }
}
