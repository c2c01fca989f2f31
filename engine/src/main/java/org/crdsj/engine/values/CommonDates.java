package org.crdsj.engine.values;

/**
 * A fast path of {@link Timestamps#parseDate} for the other date layouts datasets commonly carry,
 * in plain ASCII: {@code MM/DD/YYYY}, {@code YYYY/MM/DD}, {@code DD/MM/YY} (with {@code -} or
 * {@code /}) and {@code Mon DD[,] YYYY} / {@code DD-Mon-YYYY}, each with an optional time
 * {@code HH:MM[:SS[.fff]]} and AM/PM. It answers only when CRDS's parse succeeds and gives the
 * same date; anything else, every error included, returns null so the general parse decides.
 * No allocation, no big integers.
 */
final class CommonDates {
    private CommonDates() {}

    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };

    /** Token bounds found by {@link #tokens}: start/end pairs. */
    private static final int MAX_TOKENS = 4;

    static CrdsDateTime parse(String s) {
        int n = s.length();
        if (n == 0 || n > 64) return null;
        boolean letters = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c < ' ' && c != '\t') || c == '\t') return null;   // spaces only, ASCII only
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) letters = true;
        }
        if (!letters) return numerical(s, false);
        if (s.contains("UNDEFINED") || s.endsWith(" UT") || s.indexOf('T') >= 0 && s.indexOf(':') >= 0 && !hasMonthRun(s)) {
            return null;
        }
        // Letters: only a trailing AM/PM (numerical layout) or a month name (alphabetical layout).
        int run = longestLetterRun(s);
        if (run < 3) return trailingMeridianOnly(s) ? numerical(s, true) : null;
        return alphabetical(s);
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static int longestLetterRun(String s) {
        int best = 0, run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = isLetter(s.charAt(i)) ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    private static boolean hasMonthRun(String s) {
        return longestLetterRun(s) >= 3;
    }

    /** The only letters are the last two characters, an AM/PM mark. */
    private static boolean trailingMeridianOnly(String s) {
        int n = s.length();
        if (n < 2 || !isMeridian(s.charAt(n - 2), s.charAt(n - 1))) return false;
        for (int i = 0; i < n - 2; i++) if (isLetter(s.charAt(i))) return false;
        return true;
    }

    private static boolean isMeridian(char a, char m) {
        return (m == 'm' || m == 'M') && (a == 'a' || a == 'A' || a == 'p' || a == 'P');
    }

    // ------------------------------------------------------------------ numerical

    /** CRDS's numerical layouts: the first space-separated token is the date, the rest the time. */
    private static CrdsDateTime numerical(String s, boolean meridian) {
        int n = s.length();
        int p = 0;
        while (p < n && s.charAt(p) == ' ') p++;
        int dateStart = p;
        while (p < n && s.charAt(p) != ' ') p++;
        int dateEnd = p;
        if (dateEnd == dateStart) return null;
        while (p < n && s.charAt(p) == ' ') p++;
        int timeStart = p, timeEnd = n;
        while (timeEnd > timeStart && s.charAt(timeEnd - 1) == ' ') timeEnd--;
        // The date token, '-' read as '/'.
        int len = dateEnd - dateStart;
        int year, month, day;
        if (len == 10 && digits(s, dateStart, 2) && sep(s, dateStart + 2) && digits(s, dateStart + 3, 2)
                && sep(s, dateStart + 5) && digits(s, dateStart + 6, 4)) {
            month = num(s, dateStart, 2); day = num(s, dateStart + 3, 2); year = num(s, dateStart + 6, 4);
        } else if (len == 10 && digits(s, dateStart, 4) && sep(s, dateStart + 4) && digits(s, dateStart + 5, 2)
                && sep(s, dateStart + 7) && digits(s, dateStart + 8, 2)) {
            year = num(s, dateStart, 4); month = num(s, dateStart + 5, 2); day = num(s, dateStart + 8, 2);
        } else if (len == 8 && digits(s, dateStart, 2) && sep(s, dateStart + 2) && digits(s, dateStart + 3, 2)
                && sep(s, dateStart + 5) && digits(s, dateStart + 6, 2)) {
            day = num(s, dateStart, 2); month = num(s, dateStart + 3, 2);
            char c = s.charAt(dateStart + 6);
            if (c == '9') year = 1900 + num(s, dateStart + 6, 2);
            else if (c >= '0' && c <= '3') year = 2000 + num(s, dateStart + 6, 2);
            else return null;
        } else {
            return null;
        }
        if (meridian && timeStart >= n) return null;   // "date AM": leave it to the general parse
        long time = timeStart >= timeEnd ? 0 : time(s, timeStart, timeEnd);
        if (time < 0) return null;
        return datetime(year, month, day, time);
    }

    private static boolean sep(String s, int i) {
        char c = s.charAt(i);
        return c == '/' || c == '-';
    }

    // ------------------------------------------------------------------ alphabetical

    /** {@code Mon DD[,] YYYY [time]} or {@code DD Mon YYYY [time]}, separated by spaces, '-' or '/'. */
    private static CrdsDateTime alphabetical(String s) {
        int n = s.length();
        // CRDS lower-cases and glues a trailing " am"/" pm": leave those to the general parse.
        if (n >= 3 && s.charAt(n - 3) == ' ' && isMeridian(s.charAt(n - 2), s.charAt(n - 1))) return null;
        int[] bounds = new int[2 * MAX_TOKENS];
        int count = 0;
        int p = 0;
        while (true) {
            while (p < n && isSeparator(s.charAt(p))) p++;
            if (p >= n) break;
            if (count == MAX_TOKENS) return null;
            int start = p;
            while (p < n && !isSeparator(s.charAt(p))) p++;
            bounds[2 * count] = start;
            bounds[2 * count + 1] = p;
            count++;
        }
        if (count != 3 && count != 4) return null;
        int month, day;
        int m0 = monthOf(s, bounds[0], bounds[1]);
        if (m0 > 0) {
            // Mon DD[,] YYYY: the day may carry one trailing comma.
            int de = bounds[3];
            if (de > bounds[2] && s.charAt(de - 1) == ',') de--;
            if (!allDigits(s, bounds[2], de) || de - bounds[2] > 9) return null;
            month = m0;
            day = num(s, bounds[2], de - bounds[2]);
        } else {
            // DD Mon[,] YYYY: CRDS retries with the first two swapped.
            int me = bounds[3];
            if (me > bounds[2] && s.charAt(me - 1) == ',') me--;
            int m1 = monthOf(s, bounds[2], me);
            if (m1 <= 0 || !allDigits(s, bounds[0], bounds[1]) || bounds[1] - bounds[0] > 9) return null;
            month = m1;
            day = num(s, bounds[0], bounds[1] - bounds[0]);
        }
        if (!allDigits(s, bounds[4], bounds[5]) || bounds[5] - bounds[4] > 9) return null;
        int year = num(s, bounds[4], bounds[5] - bounds[4]);
        long time = count == 3 ? 0 : time(s, bounds[6], bounds[7]);
        if (time < 0) return null;
        return datetime(year, month, day, time);
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '/';
    }

    /** 1..12 when the token is letters only and its first three name a month (any case), else 0. */
    private static int monthOf(String s, int from, int to) {
        if (to - from < 3) return 0;
        for (int i = from; i < to; i++) if (!isLetter(s.charAt(i))) return 0;
        char a = lower(s.charAt(from)), b = lower(s.charAt(from + 1)), c = lower(s.charAt(from + 2));
        for (int m = 0; m < 12; m++) {
            String name = MONTHS[m];
            if (name.charAt(0) == a && name.charAt(1) == b && name.charAt(2) == c) return m + 1;
        }
        return 0;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    // ------------------------------------------------------------------ time

    /**
     * CRDS {@code parse_time} of {@code s[from, to)} (no surrounding spaces): {@code HH:MM[:SS[.f]][:x]}
     * with an optional AM/PM suffix, packed as hour, minute, second and microseconds
     * ({@link #datetime} unpacks it); -1 for anything unusual or failing.
     */
    private static long time(String s, int from, int to) {
        int meridian = 0;
        if (to - from >= 2 && isMeridian(s.charAt(to - 2), s.charAt(to - 1))) {
            meridian = Character.toUpperCase(s.charAt(to - 2));
            to -= 2;
        }
        // Up to four ':' fields; the fourth is read by CRDS but never used.
        int c1 = s.indexOf(':', from);
        if (c1 < 0 || c1 >= to) return -1;
        int c2 = s.indexOf(':', c1 + 1);
        if (c2 >= to) c2 = -1;
        int c3 = c2 < 0 ? -1 : s.indexOf(':', c2 + 1);
        if (c3 >= to) c3 = -1;
        if (c3 >= 0) {
            int c4 = s.indexOf(':', c3 + 1);
            if (c4 >= 0 && c4 < to) return -1;
        }
        int hour = intField(s, from, c1);
        int minute = intField(s, c1 + 1, c2 < 0 ? to : c2);
        if (hour < 0 || minute < 0) return -1;
        int second = 0, micros = 0;
        if (c2 >= 0) {
            int a = c2 + 1, b = c3 < 0 ? to : c3;
            while (a < b && s.charAt(a) == ' ') a++;
            while (b > a && s.charAt(b - 1) == ' ') b--;
            int dot = -1;
            for (int i = a; i < b; i++) {
                char c = s.charAt(i);
                if (c == '.') {
                    if (dot >= 0) return -1;
                    dot = i;
                } else if (c < '0' || c > '9') {
                    return -1;
                }
            }
            if (b == a || (dot >= 0 && b - a == 1)) return -1;
            if (dot < 0) {
                if (b - a > 9) return -1;
                second = num(s, a, b - a);
            } else {
                if (dot - a > 9 || b - a > 30) return -1;
                // Python float(text), then the same double arithmetic as the general parse.
                double sec = Double.parseDouble(s.substring(a, b));
                double whole = Math.floor(sec);
                second = (int) whole;
                micros = (int) ((sec - whole) * 1_000_000.0);
            }
        }
        if (meridian == 'P') {
            if (hour < 12) hour += 12;
        } else if (meridian == 'A') {
            if (hour == 12) hour = 0;
        }
        if (hour > 23 || minute > 59 || second > 59) return -1;
        return (((long) hour * 60 + minute) * 60 + second) * 1_000_000L + micros;
    }

    /** Python {@code int()} of a field of ASCII digits with optional spaces around; -1 otherwise. */
    private static int intField(String s, int a, int b) {
        while (a < b && s.charAt(a) == ' ') a++;
        while (b > a && s.charAt(b - 1) == ' ') b--;
        if (b == a || b - a > 9 || !allDigits(s, a, b)) return -1;
        return num(s, a, b - a);
    }

    private static CrdsDateTime datetime(int year, int month, int day, long time) {
        if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > CrdsDateTime.daysInMonth(year, month)) {
            return null;
        }
        int micros = (int) (time % 1_000_000L);
        long secs = time / 1_000_000L;
        return new CrdsDateTime(year, month, day, (int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60), micros);
    }

    private static boolean digits(String s, int from, int count) {
        return allDigits(s, from, from + count);
    }

    private static boolean allDigits(String s, int from, int to) {
        if (to <= from) return false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static int num(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) v = v * 10 + (s.charAt(i) - '0');
        return v;
    }
}
