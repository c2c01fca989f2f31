package org.crdsj.engine.select;

import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.ErrorCategory;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.values.DateTimeFormatError;
import org.crdsj.engine.values.PythonRepr;
import org.crdsj.engine.values.PythonStrings;
import org.crdsj.engine.values.Timestamps;

/** How date-keyed selectors read the dataset's date: parameters joined by spaces, then re-formatted. */
final class LookupDates {
    private LookupDates() {}

    /** The raw joined date/time string, e.g. {@code 2004-07-02 08:09:00}. */
    static String rawDate(List<String> parameters, Map<String, String> header) {
        StringBuilder date = new StringBuilder();
        for (String p : parameters) {
            String v = PythonStrings.strip(header.get(p));
            if (v.equals("UNDEFINED")) {
                throw LookupFailure.invalidDatetime("UseAfter parameter " + PythonRepr.str(p) + " is UNDEFINED.");
            }
            date.append(v).append(' ');
        }
        return PythonStrings.strip(date.toString());
    }

    /**
     * The last date each thread re-formatted: every UseAfter of a context reads the same dataset
     * date, so one entry saves almost all parsing. Thread-confined; it only remembers a pure
     * function's last answer.
     */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[3]);

    /** The re-formatted lookup date, or CRDS's ValidationError naming the selector kind. */
    static String lookupDate(String kind, List<String> parameters, Map<String, String> header) {
        String raw = rawDate(parameters, header);
        Object[] last = LAST.get();      // {raw, formatted or null, parse error or null}
        if (raw.equals(last[0])) {
            if (last[1] != null) return (String) last[1];
            throw invalid(kind, parameters, raw, (DateTimeFormatError) last[2]);
        }
        try {
            String formatted = Timestamps.reformatDate(raw);
            last[0] = raw;
            last[1] = formatted;
            last[2] = null;
            return formatted;
        } catch (DateTimeFormatError e) {
            last[0] = raw;
            last[1] = null;
            last[2] = e;
            throw invalid(kind, parameters, raw, e);
        }
    }

    private static LookupFailure invalid(String kind, List<String> parameters, String raw, DateTimeFormatError e) {
        return LookupFailure.validation(ErrorCategory.BAD_DATETIME,
                kind + " Invalid date/time format for " + PythonRepr.tuple(parameters)
                        + " value = " + PythonRepr.str(raw) + " exception is " + PythonRepr.str(e.getMessage()));
    }
}
