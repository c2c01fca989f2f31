package org.crdsj.engine.values;

import java.time.LocalDate;

/**
 * A parsed CRDS date/time: a Python naive {@code datetime} (years 1..9999, no leap seconds,
 * microsecond resolution).
 */
public record CrdsDateTime(int year, int month, int day, int hour, int minute, int second, int micros)
        implements Comparable<CrdsDateTime>, DateOrError {

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    /** @throws IllegalArgumentException when a field is out of Python datetime's range */
    public CrdsDateTime {
        if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || micros < 0 || micros > 999_999) {
            throw new IllegalArgumentException("date/time field out of range: " + year + "-" + month + "-" + day
                    + " " + hour + ":" + minute + ":" + second + "." + micros);
        }
    }

    /** Days in a month of the proleptic Gregorian calendar, as Python's datetime uses. */
    public static int daysInMonth(int year, int month) {
        switch (month) {
            case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4: case 6: case 9: case 11: return 30;
            default: return 31;
        }
    }

    /** Microseconds since 1970-01-01 00:00:00 (negative before); differences are exact. */
    public long toEpochMicros() {
        long days = LocalDate.of(year, month, day).toEpochDay();
        return days * MICROS_PER_DAY + ((hour * 60L + minute) * 60L + second) * 1_000_000L + micros;
    }

    /**
     * CRDS's standard form, Python's {@code isoformat(" ")}: {@code YYYY-MM-DD HH:MM:SS}, plus
     * {@code .ffffff} only when the microseconds are not zero.
     */
    public String format() {
        StringBuilder out = new StringBuilder(26);
        pad(out, year, 4).append('-');
        pad(out, month, 2).append('-');
        pad(out, day, 2).append(' ');
        pad(out, hour, 2).append(':');
        pad(out, minute, 2).append(':');
        pad(out, second, 2);
        if (micros != 0) pad(out.append('.'), micros, 6);
        return out.toString();
    }

    /**
     * The whole seconds as the number {@code YYYYMMDDHHMMSS}: the digits of {@link #format()}'s
     * first 19 characters, so numbers compare as those strings do.
     */
    public long packedSeconds() {
        return ((((year * 100L + month) * 100L + day) * 100L + hour) * 100L + minute) * 100L + second;
    }

    @Override
    public int compareTo(CrdsDateTime o) {
        return Long.compare(toEpochMicros(), o.toEpochMicros());
    }

    private static StringBuilder pad(StringBuilder out, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) out.append('0');
        return out.append(s);
    }
}
