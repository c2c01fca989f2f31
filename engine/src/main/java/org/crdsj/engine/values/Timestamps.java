package org.crdsj.engine.values;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * CRDS date/time parsing ({@code crds/core/timestamp.py}: {@code parse_date},
 * {@code reformat_date}), reproducing the accepted formats, the odd corners (two-digit years,
 * month/day swapping, AM/PM gluing, floating-point microseconds) and Python's error texts.
 */
public final class Timestamps {
    private Timestamps() {}

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final BigInteger TWELVE = BigInteger.valueOf(12);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    /** CRDS's error for a date containing {@code UNDEFINED} (immutable, no stack trace: shared). */
    static final DateTimeFormatError UNDEFINED =
            new DateTimeFormatError("InvalidDatetimeError", "One or more required date/time values is UNDEFINED");
    /** Python's error for a numerical date with no words at all ({@code parts[0]} of an empty list). */
    static final DateTimeFormatError NO_WORDS = new DateTimeFormatError("IndexError", "list index out of range");

    /**
     * CRDS {@code reformat_date}: parse then print in CRDS standard form
     * ({@code YYYY-MM-DD HH:MM:SS[.ffffff]}).
     *
     * @throws DateTimeFormatError as {@link #parseDate}
     */
    public static String reformatDate(String s) {
        Object[] last = LAST_REFORMAT.get();   // {input, formatted or DateTimeFormatError}
        if (s.equals(last[0])) {
            if (last[1] instanceof DateTimeFormatError e) throw e;
            return (String) last[1];
        }
        DateOrError parsed = parse(s);
        Object result = parsed instanceof CrdsDateTime t ? t.format() : parsed;
        last[0] = s;
        last[1] = result;
        if (result instanceof DateTimeFormatError e) throw e;
        return (String) result;
    }

    /**
     * Each thread's last re-formatted date. A dataset's date is re-formatted by every date-keyed
     * rmap and by hooks; remembering the last answer of this pure function saves the repeats.
     * (The errors are immutable and carry no stack trace, so re-throwing one is safe.)
     */
    private static final ThreadLocal<Object[]> LAST_REFORMAT = ThreadLocal.withInitial(() -> new Object[2]);

    /**
     * CRDS {@code parse_date} of a string.
     *
     * @throws DateTimeFormatError with Python's exception class and message when CRDS would fail
     */
    public static CrdsDateTime parseDate(String s) {
        DateOrError parsed = parse(s);
        if (parsed instanceof CrdsDateTime t) return t;
        throw (DateTimeFormatError) parsed;
    }

    /**
     * CRDS {@code parse_date} of a string without throwing: the date, or the error (Python's
     * exception class; its message made when first read) that {@link #parseDate} would throw.
     * Strings of printable ASCII take a single pass ({@link CommonDates}); anything else takes
     * CRDS's steps one by one.
     */
    public static DateOrError parse(String s) {
        DateOrError fast = CommonDates.parse(s);
        if (fast != null) return fast;
        try {
            return parseGeneral(s);
        } catch (DateTimeFormatError e) {
            return e;
        }
    }

    /**
     * {@link #parse}{@code (date + " " + time)} for a lookup pair (DATE-OBS, TIME-OBS, both
     * already stripped), worked out from the two values without joining them when the time is
     * one plain word: the date or the error (its message written from the joined string when
     * read); null for anything else, and the caller joins and {@link #parse}s.
     * {@link DateWords#parsePair} does the same and remembers what each date word decides.
     */
    public static DateOrError parsePair(String date, String time) {
        return CommonDates.pair(date, time, CommonDates.dateWord(date));
    }

    /** {@link #parseDate} without its fast path: CRDS's steps one by one (tests compare the two). */
    static CrdsDateTime parseGeneral(String s) {
        if (s.contains("UNDEFINED")) throw UNDEFINED;
        if (s.endsWith(" UT")) s = s.substring(0, s.length() - 3);
        // The T form needs a literal 'T': most strings that reach here have none (no code-point copy then).
        if (s.indexOf('T') >= 0 && isTSeparated(codePoints(s))) s = s.replace('T', ' ');
        return hasLetterRun(s) ? parseAlphabetical(s) : parseNumerical(s);
    }

    /**
     * The message of the error the general parse raises for {@code s}: the fast path's errors
     * name their type at once and ask for their text only when it is read.
     */
    static String generalMessage(String s) {
        try {
            parseGeneral(s);
        } catch (DateTimeFormatError e) {
            return e.getMessage();
        }
        throw new IllegalStateException("the date fast path failed a date the general parse accepts: " + PythonRepr.str(s));
    }

    // ---------------------------------------------------------------------------------------
    // Numerical dates

    private static CrdsDateTime parseNumerical(String s) {
        String dstr = s.replace('-', '/');
        List<String> parts = split(dstr);
        if (parts.isEmpty()) throw NO_WORDS;
        String time = parts.size() == 1 ? "00:00:00" : String.join(" ", parts.subList(1, parts.size()));
        Time t = parseTime(time);
        int[] d = codePoints(parts.get(0));
        String year, month, day;
        if (shape(d, "##/##/####")) {
            month = sub(d, 0, 2); day = sub(d, 3, 5); year = sub(d, 6, 10);
        } else if (shape(d, "####/##/##")) {
            year = sub(d, 0, 4); month = sub(d, 5, 7); day = sub(d, 8, 10);
        } else if (shape(d, "##/##/9#")) {
            day = sub(d, 0, 2); month = sub(d, 3, 5); year = "19" + sub(d, 6, 8);
        } else if (shape(d, "##/##/##") && d[6] >= '0' && d[6] <= '3') {
            day = sub(d, 0, 2); month = sub(d, 3, 5); year = "20" + sub(d, 6, 8);
        } else if (shape(d, "########:######")) {
            year = sub(d, 0, 4); month = sub(d, 4, 6); day = sub(d, 6, 8);
            t = new Time(pyInt(sub(d, 9, 11)), pyInt(sub(d, 11, 13)), pyInt(sub(d, 13, 15)), 0);
        } else {
            throw new DateTimeFormatError("ValueError", () -> "Unknown numerical date format: " + PythonRepr.str(dstr));
        }
        return datetime(pyInt(year), pyInt(month), pyInt(day), t);
    }

    /** Matches a whole token against a shape: '#' is any Unicode decimal digit, other characters are literal. */
    private static boolean shape(int[] cps, String shape) {
        if (cps.length != shape.length()) return false;
        for (int i = 0; i < cps.length; i++) {
            char want = shape.charAt(i);
            if (want == '#' ? !Character.isDigit(cps[i]) : cps[i] != want) return false;
        }
        return true;
    }

    /** {@code ^\d\d\d\d[-/]\d\d[-/]\d\dT\d\d(:\d\d){1,2}(\.\d{1,6})?$}, where $ also allows one final newline. */
    private static boolean isTSeparated(int[] c) {
        int n = c.length;
        if (n > 0 && c[n - 1] == '\n') n--;
        if (n < 16) return false;
        if (!digits(c, 0, 4) || !dashOrSlash(c[4]) || !digits(c, 5, 7) || !dashOrSlash(c[7])
                || !digits(c, 8, 10) || c[10] != 'T' || !digits(c, 11, 13)) {
            return false;
        }
        int p = 13;
        int groups = 0;
        while (groups < 2 && p + 3 <= n && c[p] == ':' && digits(c, p + 1, p + 3)) {
            p += 3;
            groups++;
        }
        if (groups == 0) return false;
        if (p < n && c[p] == '.') {
            int start = ++p;
            while (p < n && Character.isDigit(c[p])) p++;
            int count = p - start;
            if (count < 1 || count > 6) return false;
        }
        return p == n;
    }

    private static boolean digits(int[] c, int from, int to) {
        for (int i = from; i < to; i++) if (!Character.isDigit(c[i])) return false;
        return true;
    }

    private static boolean dashOrSlash(int c) {
        return c == '-' || c == '/';
    }

    /** {@code [A-Za-z]{3,10}} found anywhere: three ASCII letters in a row. */
    private static boolean hasLetterRun(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                if (++run == 3) return true;
            } else {
                run = 0;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------
    // Alphabetical dates

    private static CrdsDateTime parseAlphabetical(String initial) {
        String date = initial;
        // CRDS glues a trailing " am"/" pm" to the time, lower-casing the whole string (and every
        // other " am"/" pm" in it) on the way.
        while (lower(date).endsWith(" am")) date = lower(date).replace(" am", "am");
        while (lower(date).endsWith(" pm")) date = lower(date).replace(" pm", "pm");
        date = date.replace('-', ' ').replace('/', ' ');
        List<String> tokens = split(date);
        String month, day, year, time;
        if (tokens.size() == 4) {
            time = tokens.get(3);
        } else if (tokens.size() == 3) {
            time = "00:00AM";
        } else {
            throw valueError(unpackMessage(tokens.size(), 3));
        }
        month = tokens.get(0);
        day = tokens.get(1);
        year = tokens.get(2);
        if (day.endsWith(",")) day = day.substring(0, day.length() - 1);
        int imonth = monthIndex(month);
        BigInteger iday = null, iyear = null;
        if (imonth > 0) {
            try {
                iday = pyInt(day);
                iyear = pyInt(year);
            } catch (DateTimeFormatError notMonthFirst) {
                iday = null;
            }
        }
        if (iday == null || iyear == null) {
            // "03-Jan-2013": retry once with month and day swapped (the first try's error, whose
            // message is never seen, is not made).
            String swap = day;
            day = month;
            month = swap;
            imonth = monthNumber(month, initial);
            iday = pyInt(day);
            iyear = pyInt(year);
        }
        Time t = parseTime(time);
        return datetime(iyear, BigInteger.valueOf(imonth), iday, t);
    }

    /** The month whose three-letter name equals the token's first three characters, capitalised. */
    private static int monthNumber(String token, String initial) {
        int m = monthIndex(token);
        if (m > 0) return m;
        throw valueError("Invalid month value " + PythonRepr.str(token) + " in base date " + PythonRepr.str(initial));
    }

    /** {@link #monthNumber}, or 0 where it raises. */
    private static int monthIndex(String token) {
        int[] cps = codePoints(token);
        if (cps.length >= 1) {
            String rest = new String(cps, 1, Math.min(cps.length, 3) - 1).toLowerCase(Locale.ROOT);
            String abbrev = new StringBuilder().appendCodePoint(Character.toTitleCase(cps[0])).append(rest).toString();
            for (int i = 0; i < MONTHS.length; i++) {
                if (MONTHS[i].equals(abbrev)) return i + 1;
            }
        }
        return 0;
    }

    private static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) return s.toLowerCase(Locale.ROOT);
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------
    // Times

    /** Hour, minute and whole seconds as Python ints (any size), microseconds as computed. */
    private record Time(BigInteger hour, BigInteger minute, BigInteger second, long micros) {}

    /** CRDS {@code parse_time}: {@code HH:MM[:SS[.fff]][:sub]} with optional AM/PM suffix. */
    private static Time parseTime(String time) {
        String t = PythonStrings.strip(time);
        int n = t.length();
        int meridian = 0; // 'A', 'P' or none
        if (n >= 2) {
            char a = t.charAt(n - 2), m = t.charAt(n - 1);
            if ((m == 'm' || m == 'M') && (a == 'a' || a == 'A' || a == 'p' || a == 'P')) {
                meridian = Character.toUpperCase(a);
                t = t.substring(0, n - 2);
            }
        }
        List<String> parts = splitColons(t);
        if (parts.size() < 2 || parts.size() > 4) throw valueError(unpackMessage(parts.size(), 4));
        BigInteger hour = pyInt(parts.get(0));
        BigInteger minute = pyInt(parts.get(1));
        String secText = parts.size() == 2 ? "00" : parts.get(2);
        OptionalDouble parsed = PythonFloat.parse(secText);
        if (parsed.isEmpty()) throw valueError("could not convert string to float: " + PythonRepr.str(secText));
        double sec = parsed.getAsDouble();
        if (Double.isNaN(sec)) throw valueError("cannot convert float NaN to integer");
        if (Double.isInfinite(sec)) throw new DateTimeFormatError("OverflowError", "cannot convert float infinity to integer");
        double whole = sec < 0 ? Math.ceil(sec) : Math.floor(sec);
        BigInteger isecond = new java.math.BigDecimal(whole).toBigInteger();
        // Same double arithmetic as CRDS, so 34.29 s gives 289999 us.
        long micros = (long) ((sec - whole) * 1_000_000.0);
        if (meridian == 'P') {
            if (hour.compareTo(TWELVE) < 0) hour = hour.add(TWELVE);
        } else if (meridian == 'A') {
            if (hour.equals(TWELVE)) hour = BigInteger.ZERO;
        }
        return new Time(hour, minute, isecond, micros);
    }

    private static List<String> splitColons(String t) {
        List<String> parts = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == ':') {
                parts.add(t.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(t.substring(start));
        return parts;
    }

    // ---------------------------------------------------------------------------------------
    // Python datetime construction

    /** Python's {@code datetime(y, m, d, H, M, S, us)}: C-int conversion of every argument, then range checks. */
    private static CrdsDateTime datetime(BigInteger year, BigInteger month, BigInteger day, Time t) {
        int y = cInt(year), mo = cInt(month), d = cInt(day);
        int h = cInt(t.hour()), mi = cInt(t.minute()), s = cInt(t.second());
        return datetime(y, mo, d, h, mi, s, (int) t.micros()); // |micros| < 10^6
    }

    /** Python datetime's range checks, in its order and with its messages. */
    private static CrdsDateTime datetime(int y, int mo, int d, int h, int mi, int s, int us) {
        if (y < 1 || y > 9999) throw valueError("year " + y + " is out of range");
        if (mo < 1 || mo > 12) throw valueError("month must be in 1..12");
        if (d < 1 || d > CrdsDateTime.daysInMonth(y, mo)) throw valueError("day is out of range for month");
        if (h < 0 || h > 23) throw valueError("hour must be in 0..23");
        if (mi < 0 || mi > 59) throw valueError("minute must be in 0..59");
        if (s < 0 || s > 59) throw valueError("second must be in 0..59");
        if (us < 0 || us > 999_999) throw valueError("microsecond must be in 0..999999");
        return new CrdsDateTime(y, mo, d, h, mi, s, us);
    }

    /** Python's "i" argument conversion: C long first, then C int. */
    private static int cInt(BigInteger v) {
        if (v.compareTo(LONG_MAX) > 0 || v.compareTo(LONG_MIN) < 0) {
            throw new DateTimeFormatError("OverflowError", "Python int too large to convert to C long");
        }
        if (v.compareTo(INT_MAX) > 0) throw new DateTimeFormatError("OverflowError", "signed integer is greater than maximum");
        if (v.compareTo(INT_MIN) < 0) throw new DateTimeFormatError("OverflowError", "signed integer is less than minimum");
        return v.intValue();
    }

    // ---------------------------------------------------------------------------------------
    // Python helpers

    private static BigInteger pyInt(String s) {
        try {
            return PythonInt.parse(s);
        } catch (NumberFormatException e) {
            throw valueError(e.getMessage());
        }
    }

    /** Python's message for a failed tuple unpacking of {@code got} values into {@code expected} names. */
    private static String unpackMessage(int got, int expected) {
        return got > expected
                ? "too many values to unpack (expected " + expected + ")"
                : "not enough values to unpack (expected " + expected + ", got " + got + ")";
    }

    /** Python's {@code str.split()}: runs of Unicode whitespace separate, no empty tokens. */
    private static List<String> split(String s) {
        List<String> out = new ArrayList<>(4);
        int n = s.length();
        int i = 0;
        while (true) {
            while (i < n && PythonStrings.isPythonSpace(s.charAt(i))) i++;
            if (i >= n) return out;
            int start = i;
            while (i < n && !PythonStrings.isPythonSpace(s.charAt(i))) i++;
            out.add(s.substring(start, i));
        }
    }

    private static int[] codePoints(String s) {
        int n = s.length();
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            out[k++] = cp;
            i += Character.charCount(cp);
        }
        return k == n ? out : java.util.Arrays.copyOf(out, k);
    }

    private static String sub(int[] cps, int from, int to) {
        return new String(cps, from, to - from);
    }

    private static DateTimeFormatError valueError(String message) {
        return new DateTimeFormatError("ValueError", message);
    }
}
