package org.crdsj.engine.values;

/**
 * The fast path of {@link Timestamps#parse}: CRDS's {@code parse_date} of a string made only of
 * printable ASCII (U+0020..U+007E), which is what headers carry. It takes CRDS's steps in CRDS's
 * order over index ranges of the string (no copies, no split lists, no big numbers, nothing
 * thrown) and answers either the date or the error CRDS raises. An error's type is known here;
 * its message (Python reprs of the pieces) is made by the general parse when first read, so the
 * text is the general parse's by construction and costs nothing when nobody reads it. The
 * layout most datasets carry, {@code YYYY-MM-DD[( |T)HH:MM:SS[.fff]]}, is first read at fixed
 * offsets by the same helpers (valid dates only; the steps decide everything else).
 *
 * <p>It answers null, leaving the string to the general parse, as soon as it meets something it
 * does not model: any other character (Unicode digits and spaces, control characters), a
 * {@code +} or {@code _} in a number (Python's {@code int()} and {@code float()} accept both), a
 * letter in the seconds (exponents, {@code inf}, {@code nan}), a number of more than nine digits
 * (Python ints of any size, C-int overflow errors), or an alphabetical date whose {@code " am"}
 * / {@code " pm"} gluing goes beyond its last word. Stopping is always safe; CRDS's order of
 * steps is followed so that nothing unusual is skipped before an error is reported.
 */
final class CommonDates {
    private CommonDates() {}

    /** A number field CRDS rejects (ValueError); valid fields are {@code >= 0}. */
    private static final int BAD = -1;
    /** A number field this path does not model. */
    private static final int UNUSUAL = -2;
    /** A time that parsed, but whose fields {@code datetime()} will reject (ValueError). */
    private static final long OUT_OF_RANGE = -3;

    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };

    /** Powers of ten a double holds exactly (a decimal of at most 15 digits divided by one is correctly rounded). */
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    /** The date or CRDS's error for {@code s}, or null when the general parse must decide. */
    static DateOrError parse(String s) {
        CrdsDateTime canonical = canonical(s);
        if (canonical != null) return canonical;
        int n = s.length();
        boolean letterRun = false, sawT = false, sawU = false;
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c > '~') return null;
            if (isLetter(c)) {
                if (++run == 3) letterRun = true;
                if (c == 'T') sawT = true;
                else if (c == 'U') sawU = true;
            } else {
                run = 0;
            }
        }
        if (sawU && letterRun && s.contains("UNDEFINED")) return Timestamps.UNDEFINED;
        // " UT" is dropped; its two letters follow a space, so they never join a run of three.
        int end = n >= 3 && s.charAt(n - 3) == ' ' && s.charAt(n - 2) == 'U' && s.charAt(n - 1) == 'T' ? n - 3 : n;
        if (letterRun) return alphabetical(s, end);   // a T-separated date has no letter run
        return numerical(s, end, sawT ? tSeparated(s, end) : -1);
    }

    /**
     * What the date word (DATE-OBS's value) of a lookup pair decides on its own: CRDS parses
     * {@code date + " " + time}, and when the time is one plain word the date word alone fixes
     * which steps run and with which year, month and day (see {@link #pair}). Immutable.
     */
    static final class DateWord {
        /** Not modelled: join and parse. */
        static final int GENERAL = 0;
        /** A numerical date word: year, month, day (maybe out of range: datetime() decides). */
        static final int NUMERICAL = 1;
        /** {@code YYYYMMDD:HHMMSS}: as NUMERICAL, with its own time replacing the parsed one. */
        static final int NUMERICAL_OWN_TIME = 2;
        /** A first word of no numerical layout: an error once the time parses. */
        static final int NUMERICAL_UNKNOWN = 3;
        /** An alphabetical date ({@code Mon DD YYYY}, {@code DD-Mon-YYYY}): year, month, day. */
        static final int ALPHABETICAL = 4;
        /** An alphabetical date whose fields fail before the time is read: always an error. */
        static final int ALPHABETICAL_BAD = 5;

        static final DateWord GENERAL_WORD = new DateWord(GENERAL, 0, 0, 0, 0);

        final int kind, year, month, day;
        final long ownTime;

        DateWord(int kind, int year, int month, int day, long ownTime) {
            this.kind = kind;
            this.year = year;
            this.month = month;
            this.day = day;
            this.ownTime = ownTime;
        }
    }

    /** What {@code date} decides as the first part of a lookup pair (see {@link DateWord}). */
    static DateWord dateWord(String date) {
        int n = date.length();
        if (n == 0 || date.charAt(0) == ' ' || date.charAt(n - 1) == ' ') return DateWord.GENERAL_WORD;
        boolean letterRun = false, space = false;
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = date.charAt(i);
            if (c < ' ' || c > '~') return DateWord.GENERAL_WORD;
            if (c == ' ') space = true;
            if (isLetter(c)) {
                if (++run == 3) letterRun = true;
            } else {
                run = 0;
            }
        }
        if (letterRun) {
            if (date.contains("UNDEFINED")) return DateWord.GENERAL_WORD;
            // The pair's words are these three and the time: alphabetical() with the time as fourth word.
            int a0 = skipSeparators(date, 0, n, -1), b0 = word(date, a0, n, -1);
            int a1 = skipSeparators(date, b0, n, -1), b1 = word(date, a1, n, -1);
            int a2 = skipSeparators(date, b1, n, -1), b2 = word(date, a2, n, -1);
            if (a2 == n || skipSeparators(date, b2, n, -1) != n) return DateWord.GENERAL_WORD;
            int dayEnd = date.charAt(b1 - 1) == ',' ? b1 - 1 : b1;
            int month = monthNumber(date, a0, b0), day = BAD, year = BAD;
            if (month > 0) {
                day = intField(date, a1, dayEnd);
                if (day == UNUSUAL) return DateWord.GENERAL_WORD;
                if (day >= 0) {
                    year = intField(date, a2, b2);
                    if (year == UNUSUAL) return DateWord.GENERAL_WORD;
                }
            }
            if (month == 0 || day < 0 || year < 0) {
                month = monthNumber(date, a1, dayEnd);
                if (month == 0) return new DateWord(DateWord.ALPHABETICAL_BAD, 0, 0, 0, 0);
                day = intField(date, a0, b0);
                if (day == UNUSUAL) return DateWord.GENERAL_WORD;
                if (day == BAD) return new DateWord(DateWord.ALPHABETICAL_BAD, 0, 0, 0, 0);
                year = intField(date, a2, b2);
                if (year == UNUSUAL) return DateWord.GENERAL_WORD;
                if (year == BAD) return new DateWord(DateWord.ALPHABETICAL_BAD, 0, 0, 0, 0);
            }
            return new DateWord(DateWord.ALPHABETICAL, year, month, day, 0);
        }
        // Numerical: the whole date word is the joined string's first word (no space in it; the
        // space after it means the string is never the T form).
        if (space) return DateWord.GENERAL_WORD;
        if (n == 10 && digits(date, 0, 2) && dashOrSlash(date.charAt(2)) && digits(date, 3, 5)
                && dashOrSlash(date.charAt(5)) && digits(date, 6, 10)) {
            return new DateWord(DateWord.NUMERICAL, num(date, 6, 10), num(date, 0, 2), num(date, 3, 5), 0);
        }
        if (n == 10 && digits(date, 0, 4) && dashOrSlash(date.charAt(4)) && digits(date, 5, 7)
                && dashOrSlash(date.charAt(7)) && digits(date, 8, 10)) {
            return new DateWord(DateWord.NUMERICAL, num(date, 0, 4), num(date, 5, 7), num(date, 8, 10), 0);
        }
        if (n == 8 && digits(date, 0, 2) && dashOrSlash(date.charAt(2)) && digits(date, 3, 5)
                && dashOrSlash(date.charAt(5)) && digits(date, 6, 8) && (date.charAt(6) <= '3' || date.charAt(6) == '9')) {
            return new DateWord(DateWord.NUMERICAL, (date.charAt(6) == '9' ? 1900 : 2000) + num(date, 6, 8),
                    num(date, 3, 5), num(date, 0, 2), 0);
        }
        if (n == 15 && digits(date, 0, 8) && date.charAt(8) == ':' && digits(date, 9, 15)) {
            return new DateWord(DateWord.NUMERICAL_OWN_TIME, num(date, 0, 4), num(date, 4, 6), num(date, 6, 8),
                    packTime(num(date, 9, 11), num(date, 11, 13), num(date, 13, 15), 0));
        }
        return new DateWord(DateWord.NUMERICAL_UNKNOWN, 0, 0, 0, 0);
    }

    /**
     * CRDS's parse of {@code date + " " + time} without joining them, for the pair lookups read
     * (DATE-OBS, TIME-OBS), {@code word} being {@link #dateWord}{@code (date)}: when the time is
     * one plain word (printable ASCII, no run of three letters, no space at either end, no
     * {@code " UT"} ending; for an alphabetical date also no ' ', '-' or '/' and not a bare
     * AM/PM), the joined string's steps are the date word's (already taken) and the time's.
     * The date, CRDS's error (a ValueError whose message the general parse of the joined string
     * writes when read), or null for anything else (the caller then joins and parses).
     */
    static DateOrError pair(String date, String time, DateWord word) {
        int kind = word.kind;
        if (kind == DateWord.GENERAL) return null;
        int n = time.length();
        if (n == 0 || time.charAt(0) == ' ' || time.charAt(n - 1) == ' ') return null;
        boolean alphabetical = kind >= DateWord.ALPHABETICAL;
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = time.charAt(i);
            if (c < ' ' || c > '~') return null;
            if (isLetter(c)) {
                if (++run == 3) return null;
            } else {
                run = 0;
                if (alphabetical && isSeparator(c)) return null;
            }
        }
        // " UT" is dropped from the joined string's end (also when the time is just "UT"); a bare
        // AM/PM after an alphabetical date is glued to it.
        if (n >= 2 && time.charAt(n - 1) == 'T' && time.charAt(n - 2) == 'U' && (n == 2 || time.charAt(n - 3) == ' ')) {
            return null;
        }
        if (alphabetical && n == 2 && isMeridian(time.charAt(0), time.charAt(1))) return null;
        if (kind == DateWord.ALPHABETICAL_BAD) return pairError(date, time);   // its fields fail before the time is read
        long t = time(time, 0, n, -1);
        if (t == UNUSUAL) return null;
        if (t == BAD || kind == DateWord.NUMERICAL_UNKNOWN) return pairError(date, time);
        if (kind == DateWord.NUMERICAL_OWN_TIME) t = word.ownTime;
        int year = word.year, month = word.month, day = word.day;
        if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > CrdsDateTime.daysInMonth(year, month)
                || t == OUT_OF_RANGE) {
            return pairError(date, time);
        }
        return new CrdsDateTime(year, month, day, (int) (t >>> 32), (int) (t >>> 26) & 63, (int) (t >>> 20) & 63,
                (int) t & 0xFFFFF);
    }

    /** CRDS's ValueError for the joined pair; its message is written from the joined string when read. */
    private static DateTimeFormatError pairError(String date, String time) {
        return new DateTimeFormatError("ValueError", () -> Timestamps.generalMessage(date + " " + time));
    }

    /**
     * The layout most lookup dates have, {@code YYYY-MM-DD[( |T)HH:MM:SS[.fff]]}, read at fixed
     * offsets when it is a valid date; null sends anything else (errors included) through the
     * steps below, which give the same answer more slowly. Every character is checked, so no
     * other step of CRDS (UNDEFINED, " UT", letters) applies.
     */
    private static CrdsDateTime canonical(String s) {
        int n = s.length();
        if (n != 10 && n < 19) return null;
        if (!digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7) || s.charAt(7) != '-' || !digits(s, 8, 10)) return null;
        int year = num(s, 0, 4), month = num(s, 5, 7), day = num(s, 8, 10);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > CrdsDateTime.daysInMonth(year, month)) return null;
        if (n == 10) return new CrdsDateTime(year, month, day, 0, 0, 0, 0);
        char sep = s.charAt(10);
        if ((sep != ' ' && sep != 'T') || !digits(s, 11, 13) || s.charAt(13) != ':' || !digits(s, 14, 16)
                || s.charAt(16) != ':' || !digits(s, 17, 19)) {
            return null;
        }
        long seconds = (long) num(s, 17, 19) << 20;
        if (n > 19) {
            // A 'T' form takes 1..6 fraction digits (else CRDS keeps the 'T' and fails); a space form any number.
            if (s.charAt(19) != '.' || n == 20 || (sep == 'T' && n > 26) || !digits(s, 20, n)) return null;
            seconds = secondsField(s, 17, n);
            if (seconds < 0) return null;
        }
        long time = packTime(num(s, 11, 13), num(s, 14, 16), (int) (seconds >>> 20), (int) (seconds & 0xFFFFF));
        return time < 0 ? null : (CrdsDateTime) datetime(s, year, month, day, time);
    }

    /**
     * The index of the 'T' when {@code s[0, end)} is {@code \d{4}[-/]\d\d[-/]\d\dT\d\d(:\d\d){1,2}(\.\d{1,6})?}
     * (CRDS then reads that 'T' as a space), else -1.
     */
    private static int tSeparated(String s, int end) {
        if (end < 16 || !digits(s, 0, 4) || !dashOrSlash(s.charAt(4)) || !digits(s, 5, 7) || !dashOrSlash(s.charAt(7))
                || !digits(s, 8, 10) || s.charAt(10) != 'T' || !digits(s, 11, 13)) {
            return -1;
        }
        int p = 13, groups = 0;
        while (groups < 2 && p + 3 <= end && s.charAt(p) == ':' && digits(s, p + 1, p + 3)) {
            p += 3;
            groups++;
        }
        if (groups == 0) return -1;
        if (p < end && s.charAt(p) == '.') {
            int start = ++p;
            while (p < end && isDigit(s.charAt(p))) p++;
            if (p - start < 1 || p - start > 6) return -1;
        }
        return p == end ? 10 : -1;
    }

    // ------------------------------------------------------------------ numerical

    /**
     * CRDS's numerical parse of {@code s[0, end)}, the character at {@code tPos} (if any) read as a
     * space: the first word is the date (its '-' read as '/'), the other words the time, which
     * CRDS parses first.
     */
    private static DateOrError numerical(String s, int end, int tPos) {
        int p = 0;
        while (p < end && (s.charAt(p) == ' ' || p == tPos)) p++;
        if (p == end) return Timestamps.NO_WORDS;
        int d0 = p;
        while (p < end && s.charAt(p) != ' ' && p != tPos) p++;
        int d1 = p;
        while (p < end && (s.charAt(p) == ' ' || p == tPos)) p++;
        int t1 = end;
        while (t1 > p && s.charAt(t1 - 1) == ' ') t1--;
        // Words after the first joined by single spaces: inner runs of spaces read the same.
        long time = p == t1 ? 0 : time(s, p, t1, -1);
        if (time == UNUSUAL) return null;
        if (time == BAD) return valueError(s);
        int len = d1 - d0, year, month, day;
        if (len == 10 && digits(s, d0, d0 + 2) && dashOrSlash(s.charAt(d0 + 2)) && digits(s, d0 + 3, d0 + 5)
                && dashOrSlash(s.charAt(d0 + 5)) && digits(s, d0 + 6, d0 + 10)) {
            month = num(s, d0, d0 + 2);
            day = num(s, d0 + 3, d0 + 5);
            year = num(s, d0 + 6, d0 + 10);
        } else if (len == 10 && digits(s, d0, d0 + 4) && dashOrSlash(s.charAt(d0 + 4)) && digits(s, d0 + 5, d0 + 7)
                && dashOrSlash(s.charAt(d0 + 7)) && digits(s, d0 + 8, d0 + 10)) {
            year = num(s, d0, d0 + 4);
            month = num(s, d0 + 5, d0 + 7);
            day = num(s, d0 + 8, d0 + 10);
        } else if (len == 8 && digits(s, d0, d0 + 2) && dashOrSlash(s.charAt(d0 + 2)) && digits(s, d0 + 3, d0 + 5)
                && dashOrSlash(s.charAt(d0 + 5)) && digits(s, d0 + 6, d0 + 8) && (s.charAt(d0 + 6) <= '3' || s.charAt(d0 + 6) == '9')) {
            // DD/MM/9Y is 19YY, DD/MM/[0-3]Y is 20YY
            day = num(s, d0, d0 + 2);
            month = num(s, d0 + 3, d0 + 5);
            year = (s.charAt(d0 + 6) == '9' ? 1900 : 2000) + num(s, d0 + 6, d0 + 8);
        } else if (len == 15 && digits(s, d0, d0 + 8) && s.charAt(d0 + 8) == ':' && digits(s, d0 + 9, d0 + 15)) {
            // YYYYMMDD:HHMMSS: its own time replaces the parsed one
            year = num(s, d0, d0 + 4);
            month = num(s, d0 + 4, d0 + 6);
            day = num(s, d0 + 6, d0 + 8);
            time = packTime(num(s, d0 + 9, d0 + 11), num(s, d0 + 11, d0 + 13), num(s, d0 + 13, d0 + 15), 0);
        } else {
            return valueError(s);
        }
        return datetime(s, year, month, day, time);
    }

    // ------------------------------------------------------------------ alphabetical

    /** CRDS's alphabetical parse: {@code Mon DD[,] YYYY [time]}, or with the first two swapped. */
    private static DateOrError alphabetical(String s, int end) {
        // CRDS lower-cases the string (case changes no outcome here) and glues a final " am" or
        // " pm" to the word before: that space, at 'glued', is then no separator. Strings where
        // the gluing repeats or reaches other " am"/" pm" are left to the general parse.
        int glued = -1;
        if (end >= 3 && s.charAt(end - 3) == ' ' && isMeridian(s.charAt(end - 2), s.charAt(end - 1))) {
            glued = end - 3;
            if (end >= 4 && s.charAt(end - 4) == ' ') return null;
            for (int i = 0; i + 3 < end; i++) {
                if (s.charAt(i) == ' ' && isMeridian(s.charAt(i + 1), s.charAt(i + 2))) return null;
            }
        }
        // Words separated by runs of ' ', '-' and '/'.
        int a0 = skipSeparators(s, 0, end, glued), b0 = word(s, a0, end, glued);
        int a1 = skipSeparators(s, b0, end, glued), b1 = word(s, a1, end, glued);
        int a2 = skipSeparators(s, b1, end, glued), b2 = word(s, a2, end, glued);
        int a3 = skipSeparators(s, b2, end, glued), b3 = word(s, a3, end, glued);
        int a4 = skipSeparators(s, b3, end, glued);
        if (a2 == end || a4 != end) return valueError(s);   // not 3 or 4 words
        int dayEnd = s.charAt(b1 - 1) == ',' ? b1 - 1 : b1;
        int month = monthNumber(s, a0, b0), day = BAD, year = BAD;
        if (month > 0) {
            day = intField(s, a1, dayEnd);
            if (day == UNUSUAL) return null;
            if (day >= 0) {
                year = intField(s, a2, b2);
                if (year == UNUSUAL) return null;
            }
        }
        if (month == 0 || day < 0 || year < 0) {
            // "03-Jan-2013": CRDS tries again with the first two words swapped.
            month = monthNumber(s, a1, dayEnd);
            if (month == 0) return valueError(s);
            day = intField(s, a0, b0);
            if (day == UNUSUAL) return null;
            if (day == BAD) return valueError(s);
            year = intField(s, a2, b2);
            if (year == UNUSUAL) return null;
            if (year == BAD) return valueError(s);
        }
        long time = a3 == end ? 0 : time(s, a3, b3, glued);
        if (time == UNUSUAL) return null;
        if (time == BAD) return valueError(s);
        return datetime(s, year, month, day, time);
    }

    private static int skipSeparators(String s, int p, int end, int glued) {
        while (p < end && p != glued && isSeparator(s.charAt(p))) p++;
        return p;
    }

    private static int word(String s, int p, int end, int glued) {
        while (p < end && (p == glued || !isSeparator(s.charAt(p)))) p++;
        return p;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '/';
    }

    /** CRDS's month number of a word: its first three characters name a month in any case; else 0. */
    private static int monthNumber(String s, int from, int to) {
        if (to - from < 3) return 0;
        char a = lower(s.charAt(from)), b = lower(s.charAt(from + 1)), c = lower(s.charAt(from + 2));
        for (int m = 0; m < MONTHS.length; m++) {
            String name = MONTHS[m];
            if (name.charAt(0) == a && name.charAt(1) == b && name.charAt(2) == c) return m + 1;
        }
        return 0;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    // ------------------------------------------------------------------ time

    /**
     * CRDS's {@code parse_time} of {@code s[from, to)} (no spaces at either end; the space at
     * {@code glued}, if any, is not there): {@code HH:MM[:SS[.fff]][:x]} with an optional AM/PM
     * suffix. The packed time ({@link #packTime}), {@link #OUT_OF_RANGE}, {@link #BAD} or
     * {@link #UNUSUAL}.
     */
    private static long time(String s, int from, int to, int glued) {
        if (to - from == 8 && s.charAt(from + 2) == ':' && s.charAt(from + 5) == ':' && digits(s, from, from + 2)
                && digits(s, from + 3, from + 5) && digits(s, from + 6, from + 8)) {
            // HH:MM:SS, what nearly every header carries: the steps below read exactly these fields.
            return packTime(num(s, from, from + 2), num(s, from + 3, from + 5), num(s, from + 6, from + 8), 0);
        }
        int meridian = 0;
        if (to - from >= 2 && isMeridian(s.charAt(to - 2), s.charAt(to - 1))) {
            meridian = s.charAt(to - 2) | 0x20;   // 'a' or 'p'
            to -= 2;
            if (to - 1 == glued) to--;
        }
        // Two to four ':'-separated fields; a fourth is read by CRDS but never used.
        int c1 = -1, c2 = -1, c3 = -1;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != ':') continue;
            if (c1 < 0) c1 = i;
            else if (c2 < 0) c2 = i;
            else if (c3 < 0) c3 = i;
            else return BAD;
        }
        if (c1 < 0) return BAD;
        int hour = intField(s, from, c1);
        if (hour < 0) return hour;
        int minute = intField(s, c1 + 1, c2 < 0 ? to : c2);
        if (minute < 0) return minute;
        long seconds = c2 < 0 ? 0 : secondsField(s, c2 + 1, c3 < 0 ? to : c3);
        if (seconds < 0) return seconds;
        if (meridian == 'p') {
            if (hour < 12) hour += 12;
        } else if (meridian == 'a') {
            if (hour == 12) hour = 0;
        }
        return packTime(hour, minute, (int) (seconds >>> 20), (int) (seconds & 0xFFFFF));
    }

    /**
     * Hour, minute, second and microseconds as bit fields of one number (no divisions to take it
     * apart), or {@link #OUT_OF_RANGE} when datetime() rejects one.
     */
    private static long packTime(int hour, int minute, int second, int micros) {
        if (hour > 23 || minute > 59 || second > 59 || micros > 999_999) return OUT_OF_RANGE;
        return (long) hour << 32 | (long) minute << 26 | (long) second << 20 | micros;
    }

    /** Python's {@code int()} of {@code s[from, to)}: its value, {@link #BAD} or {@link #UNUSUAL}. */
    private static int intField(String s, int from, int to) {
        while (from < to && s.charAt(from) == ' ') from++;
        while (to > from && s.charAt(to - 1) == ' ') to--;
        if (from == to) return BAD;
        boolean unusual = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '+' || c == '_') unusual = true;
            else if (!isDigit(c)) return BAD;       // nothing else can make a Python int
        }
        if (unusual || to - from > 9) return UNUSUAL;
        return num(s, from, to);
    }

    /**
     * Python's {@code float()} of {@code s[from, to)}, then CRDS's whole seconds and microseconds
     * (the same double arithmetic as the general parse), as {@code second << 20 | micros};
     * or {@link #BAD} or {@link #UNUSUAL}.
     */
    private static long secondsField(String s, int from, int to) {
        while (from < to && s.charAt(from) == ' ') from++;
        while (to > from && s.charAt(to - 1) == ' ') to--;
        int dot = -1, digitCount = 0;
        boolean bad = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (isDigit(c)) digitCount++;
            else if (c == '.' && dot < 0) dot = i;
            else if (isLetter(c) || c == '+' || c == '_') return UNUSUAL;   // exponent, inf, nan, sign, underscores
            else bad = true;
        }
        if (bad || digitCount == 0) return BAD;
        int wholeDigits = (dot < 0 ? to : dot) - from;
        if (wholeDigits > 9) return UNUSUAL;
        if (dot < 0) return (long) num(s, from, to) << 20;   // float("32") is 32.0: no fraction
        double sec;
        if (digitCount <= 15) {
            // Exact digits over an exact power of ten: one correctly rounded division, as float() reads it.
            long digits = 0;
            for (int i = from; i < to; i++) if (i != dot) digits = digits * 10 + (s.charAt(i) - '0');
            sec = digits / POW10[to - dot - 1];
        } else {
            sec = Double.parseDouble(s.substring(from, to));
        }
        double whole = Math.floor(sec);
        long micros = (long) ((sec - whole) * 1_000_000.0);
        if (micros > 999_999) return OUT_OF_RANGE;   // cannot happen for a fraction below 1; kept apart from the seconds anyway
        return (long) whole << 20 | micros;
    }

    private static boolean isMeridian(char a, char m) {
        return (m == 'm' || m == 'M') && (a == 'a' || a == 'A' || a == 'p' || a == 'P');
    }

    // ------------------------------------------------------------------ datetime

    /** Python's {@code datetime(...)} range checks (all ValueError) on parsed fields. */
    private static DateOrError datetime(String s, int year, int month, int day, long time) {
        if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > CrdsDateTime.daysInMonth(year, month)
                || time == OUT_OF_RANGE) {
            return valueError(s);
        }
        return new CrdsDateTime(year, month, day, (int) (time >>> 32), (int) (time >>> 26) & 63, (int) (time >>> 20) & 63,
                (int) time & 0xFFFFF);
    }

    /** CRDS's ValueError for {@code s}; the general parse writes its message when it is first read. */
    private static DateTimeFormatError valueError(String s) {
        return new DateTimeFormatError("ValueError", () -> Timestamps.generalMessage(s));
    }

    // ------------------------------------------------------------------ characters

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean dashOrSlash(char c) {
        return c == '-' || c == '/';
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) if (!isDigit(s.charAt(i))) return false;
        return true;
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) v = v * 10 + (s.charAt(i) - '0');
        return v;
    }
}
