package org.crdsj.engine.select;

import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.ErrorCategory;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.values.CrdsDateTime;
import org.crdsj.engine.values.DateOrError;
import org.crdsj.engine.values.DateTimeFormatError;
import org.crdsj.engine.values.DateWords;
import org.crdsj.engine.values.PythonRepr;
import org.crdsj.engine.values.PythonStrings;
import org.crdsj.engine.values.SlottedHeader;
import org.crdsj.engine.values.Timestamps;

/** How date-keyed selectors read the dataset's date: parameters joined by spaces, then re-formatted. */
final class LookupDates {
    private LookupDates() {}

    /** The raw joined date/time string, e.g. {@code 2004-07-02 08:09:00}, from the parameters' values. */
    static String rawDate(List<String> parameters, String[] values) {
        String[] parts = new String[values.length];
        int length = 0;
        for (int i = 0; i < values.length; i++) {
            String v = PythonStrings.strip(values[i]);
            if (v.equals("UNDEFINED")) throw undefined(parameters.get(i));
            parts[i] = v;
            length += v.length() + 1;
        }
        if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
            // The common DATE-OBS TIME-OBS pair: both stripped and non-empty, so their join needs no strip.
            return parts[0] + " " + parts[1];
        }
        StringBuilder date = new StringBuilder(length);
        for (String v : parts) date.append(v).append(' ');
        return PythonStrings.strip(date.toString());
    }

    /**
     * CRDS's error for an UNDEFINED date parameter, its text written when read: a common outcome
     * (headers without a date), so the concatenation and repr stay out of the lookup's compiled code.
     */
    private static LookupFailure undefined(String parameter) {
        return LookupFailure.invalidDatetime(() -> "UseAfter parameter " + PythonRepr.str(parameter) + " is UNDEFINED.");
    }

    /**
     * The last date each thread looked up, for headers that cannot remember their own (plain
     * maps): every UseAfter of a context reads the same dataset date. Thread-confined; it only
     * remembers the last answer of a pure function.
     */
    private static final ThreadLocal<Dated[]> LAST = ThreadLocal.withInitial(() -> new Dated[1]);

    /**
     * One re-formatted lookup date and the inputs it came from (immutable, so a header may hand it
     * to another reader): the parameters, the selector kind (errors name it), the values read.
     */
    static final class Dated {
        final List<String> parameters;
        final String[] values;
        final String kind;
        final CrdsDateTime time;    // null when failed
        final long seconds;
        final LookupFailure failure;
        private String formatted;   // made when first asked for (most searches need only the number)

        Dated(List<String> parameters, String[] values, String kind, CrdsDateTime time, LookupFailure failure) {
            this.parameters = parameters;
            this.values = values;
            this.kind = kind;
            this.time = time;
            this.seconds = time == null ? -1 : time.packedSeconds();
            this.failure = failure;
        }

        /** True when made from these inputs (values compared by identity first: usually the same strings). */
        boolean of(String kind, List<String> parameters, String[] values) {
            if (values.length != this.values.length) return false;
            for (int i = 0; i < values.length; i++) {
                String a = values[i], b = this.values[i];
                if (a != b && !a.equals(b)) return false;
            }
            return sameNames(this.parameters, parameters) && this.kind.equals(kind);
        }

        static boolean sameNames(List<String> a, List<String> b) {
            if (a == b) return true;
            int n = a.size();
            if (n != b.size()) return false;
            for (int i = 0; i < n; i++) {
                String x = a.get(i), y = b.get(i);
                if (x != y && !x.equals(y)) return false;
            }
            return true;
        }

        private Choice.Failed noSelection;    // made when first needed (racy but safe: an immutable record)
        private Choice.Failed failed;

        /** {@link #failure} as a choice (only when there is one); the same for every reader of this date. */
        Choice.Failed failed() {
            Choice.Failed f = failed;
            if (f == null) failed = f = new Choice.Failed(failure);
            return f;
        }

        /** UseAfter's failure for a date before its first key; the same for every UseAfter of a header. */
        Choice.Failed noSelection() {
            Choice.Failed f = noSelection;
            if (f == null) {
                // The date is formatted when the message is read (callers that only count failures never do).
                noSelection = f = new Choice.Failed(LookupFailure.useAfter(() -> "No selection <= " + PythonRepr.str(formatted())));
            }
            return f;
        }

        String formatted() {
            if (failure != null) throw failure;
            String f = formatted;     // racy but safe: Strings are immutable, every writer writes an equal one
            if (f == null) formatted = f = time.format();
            return f;
        }
    }

    /**
     * The digits of {@code YYYY-MM-DD HH:MM:SS} (the first 19 characters of {@code date}) as the
     * number YYYYMMDDHHMMSS, whose order is the strings' order; -1 when that is not the layout.
     */
    static long packedSeconds(String date) {
        if (date.length() < 19) return -1;
        // Over bytes, not charAt: loads run this for every UseAfter key, mostly before it is
        // compiled. A character beyond Latin-1 becomes '?' (a surrogate pair one '?', so later
        // bytes shift), which fails the layout at or before its place: never a false match.
        byte[] b = date.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        if (b.length < 19) return -1;      // surrogate pairs shortened it: not the layout
        if (b[4] != '-' || b[7] != '-' || b[10] != ' ' || b[13] != ':' || b[16] != ':') return -1;
        long v = 0;
        for (int i = 0; i < 19; i++) {
            if (i == 4 || i == 7 || i == 10 || i == 13 || i == 16) continue;
            int d = b[i] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * The date {@code header} already remembers for {@code selector}'s parameters, when it was
     * re-formatted without error from the very values the header holds now (compared by
     * identity: no value array is made), else null.
     */
    static Dated remembered(BaseSelector selector, SlottedHeader header) {
        if (!(header.remembered() instanceof Dated d) || d.failure != null || !d.kind.equals(selector.kind())) return null;
        List<String> parameters = selector.parameters();
        if (!Dated.sameNames(d.parameters, parameters)) return null;
        for (int i = 0; i < d.values.length; i++) {
            if (selector.parameterValue(header, i) != d.values[i]) return null;
        }
        return d;
    }

    /** UseAfter's failure when the lookup date of {@code values} precedes every key. */
    static Choice.Failed noSelection(String kind, List<String> parameters, String[] values, Map<String, String> header) {
        return dated(kind, parameters, values, header).noSelection();
    }

    /**
     * The re-formatted lookup date for the parameters' {@code values} (all present), or CRDS's
     * errors (UNDEFINED, or an invalid format naming the selector kind).
     */
    static String lookupDate(String kind, List<String> parameters, String[] values, Map<String, String> header) {
        return dated(kind, parameters, values, header).formatted();
    }

    /**
     * The date of {@code values}, remembered by the header when it can (a {@link SlottedHeader}:
     * once per dataset, whatever the number of rmaps), else by the thread.
     */
    static Dated dated(String kind, List<String> parameters, String[] values, Map<String, String> header) {
        if (header instanceof SlottedHeader h) {
            if (h.remembered() instanceof Dated d && d.of(kind, parameters, values)) return d;
            Dated d = compute(kind, parameters, values, h.space().dateWords());
            h.remember(d);
            return d;
        }
        Dated[] last = LAST.get();
        Dated d = last[0];
        if (d != null && d.of(kind, parameters, values)) return d;
        d = compute(kind, parameters, values, null);
        last[0] = d;
        return d;
    }

    private static Dated compute(String kind, List<String> parameters, String[] values, DateWords words) {
        if (values.length == 2) {
            // DATE-OBS and TIME-OBS read as CRDS reads them joined, without joining them (when the
            // time is one plain word), what the date word decides remembered by the header's space.
            String date = values[0], time = values[1];
            DateOrError pair = words != null ? words.parsePair(date, time) : Timestamps.parsePair(date, time);
            if (pair instanceof CrdsDateTime t) return new Dated(parameters, values, kind, t, null);
            if (pair != null) {
                return new Dated(parameters, values, kind, null, invalid(kind, parameters, null, date, time, (DateTimeFormatError) pair));
            }
        }
        try {
            String raw = rawDate(parameters, values);
            // A bad date is an ordinary outcome: returned by the parse, not thrown.
            DateOrError parsed = Timestamps.parse(raw);
            if (parsed instanceof CrdsDateTime t) return new Dated(parameters, values, kind, t, null);
            return new Dated(parameters, values, kind, null, invalid(kind, parameters, raw, (DateTimeFormatError) parsed));
        } catch (LookupFailure f) {
            return new Dated(parameters, values, kind, null, f);
        }
    }

    /** {@link #invalid(String, List, String, String, String, DateTimeFormatError)} of a joined date. */
    private static LookupFailure invalid(String kind, List<String> parameters, String raw, DateTimeFormatError e) {
        return invalid(kind, parameters, raw, null, null, e);
    }

    /**
     * CRDS's error for an unparsable lookup date: {@code raw}, or when null the pair
     * {@code date time} (joined only when the message is read).
     */
    private static LookupFailure invalid(String kind, List<String> parameters, String raw, String date, String time,
                                         DateTimeFormatError e) {
        return LookupFailure.validation(ErrorCategory.BAD_DATETIME, () ->
                kind + " Invalid date/time format for " + PythonRepr.tuple(parameters)
                        + " value = " + PythonRepr.str(raw != null ? raw : date + " " + time) + " exception is "
                        + PythonRepr.str(e.getMessage()));
    }
}
