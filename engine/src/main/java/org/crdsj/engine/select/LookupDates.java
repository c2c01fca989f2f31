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
     * The last date each thread looked up: every UseAfter of a context reads the same dataset date,
     * so remembering one answer saves almost all parsing. Thread-confined; it only remembers the
     * last answer of a pure function.
     */
    private static final ThreadLocal<Memo> LAST = ThreadLocal.withInitial(Memo::new);

    private static final class Memo {
        List<String> parameters;
        String[] values = new String[0];
        String kind;
        String formatted;
        LookupFailure failure;
    }

    /** The re-formatted lookup date, or CRDS's errors (UNDEFINED, or an invalid format naming the selector kind). */
    static String lookupDate(String kind, List<String> parameters, Map<String, String> header) {
        Memo memo = LAST.get();
        if (memo.parameters == parameters || parameters.equals(memo.parameters)) {
            boolean same = kind.equals(memo.kind) && memo.values.length == parameters.size();
            for (int i = 0; same && i < memo.values.length; i++) same = memo.values[i].equals(header.get(parameters.get(i)));
            if (same) {
                if (memo.failure != null) throw memo.failure;
                return memo.formatted;
            }
        }
        String[] values = new String[parameters.size()];
        for (int i = 0; i < values.length; i++) values[i] = header.get(parameters.get(i));
        memo.parameters = parameters;
        memo.values = values;
        memo.kind = kind;
        memo.formatted = null;
        memo.failure = null;
        try {
            String raw = rawDate(parameters, header);
            try {
                memo.formatted = Timestamps.reformatDate(raw);
            } catch (DateTimeFormatError e) {
                memo.failure = invalid(kind, parameters, raw, e);
            }
        } catch (LookupFailure f) {
            memo.failure = f;
        }
        if (memo.failure != null) throw memo.failure;
        return memo.formatted;
    }

    private static LookupFailure invalid(String kind, List<String> parameters, String raw, DateTimeFormatError e) {
        return LookupFailure.validation(ErrorCategory.BAD_DATETIME, () ->
                kind + " Invalid date/time format for " + PythonRepr.tuple(parameters)
                        + " value = " + PythonRepr.str(raw) + " exception is " + PythonRepr.str(e.getMessage()));
    }
}
