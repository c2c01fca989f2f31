package org.crdsj.engine.select;

import java.util.List;
import org.crdsj.engine.bestrefs.ErrorCategory;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.values.DateTimeFormatError;
import org.crdsj.engine.values.PythonRepr;
import org.crdsj.engine.values.PythonStrings;
import org.crdsj.engine.values.Timestamps;

/** How date-keyed selectors read the dataset's date: parameters joined by spaces, then re-formatted. */
final class LookupDates {
    private LookupDates() {}

    /** The raw joined date/time string, e.g. {@code 2004-07-02 08:09:00}, from the parameters' values. */
    static String rawDate(List<String> parameters, String[] values) {
        StringBuilder date = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            String v = PythonStrings.strip(values[i]);
            if (v.equals("UNDEFINED")) {
                throw LookupFailure.invalidDatetime("UseAfter parameter " + PythonRepr.str(parameters.get(i)) + " is UNDEFINED.");
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
        long seconds;
        LookupFailure failure;
    }

    /**
     * The digits of {@code YYYY-MM-DD HH:MM:SS} (the first 19 characters of {@code date}) as the
     * number YYYYMMDDHHMMSS, whose order is the strings' order; -1 when that is not the layout.
     */
    static long packedSeconds(String date) {
        if (date.length() < 19) return -1;
        long v = 0;
        for (int i = 0; i < 19; i++) {
            char c = date.charAt(i);
            char sep = i == 4 || i == 7 ? '-' : i == 10 ? ' ' : i == 13 || i == 16 ? ':' : 0;
            if (sep != 0) {
                if (c != sep) return -1;
            } else {
                if (c < '0' || c > '9') return -1;
                v = v * 10 + (c - '0');
            }
        }
        return v;
    }

    /** {@link #lookupDate} as {@link #packedSeconds} (a re-formatted date always has that layout). */
    static long lookupSeconds(String kind, List<String> parameters, String[] values) {
        lookupDate(kind, parameters, values);
        return LAST.get().seconds;
    }

    /**
     * The re-formatted lookup date for the parameters' {@code values} (all present), or CRDS's
     * errors (UNDEFINED, or an invalid format naming the selector kind).
     */
    static String lookupDate(String kind, List<String> parameters, String[] values) {
        Memo memo = LAST.get();
        if (java.util.Arrays.equals(values, memo.values) && kind.equals(memo.kind)
                && (memo.parameters == parameters || parameters.equals(memo.parameters))) {
            if (memo.failure != null) throw memo.failure;
            return memo.formatted;
        }
        memo.parameters = parameters;
        memo.values = values;
        memo.kind = kind;
        memo.formatted = null;
        memo.failure = null;
        try {
            String raw = rawDate(parameters, values);
            try {
                memo.formatted = Timestamps.reformatDate(raw);
                memo.seconds = packedSeconds(memo.formatted);
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
