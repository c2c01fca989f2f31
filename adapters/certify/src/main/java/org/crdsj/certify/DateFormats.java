package org.crdsj.certify;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The strict date formats of certify's custom validators (Sybase, slash, dash, JWST dates). */
final class DateFormats {
    private DateFormats() {}

    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

    private static final Pattern SLASH = Pattern.compile("(\\d\\d)\\s*/\\s*(\\d\\d)\\s*/\\s*(\\d\\d\\d\\d)");
    private static final Pattern DASH = Pattern.compile("(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)");
    private static final Pattern SYB = Pattern.compile(
            "([A-Za-z]{1,10})\\s+(\\d{1,2}),?\\s+(\\d{1,4})(\\s+(\\d{1,2}):(\\d{1,2}):(\\d{1,2})\\s*(am|pm|AM|PM)?)?");
    private static final Pattern JWST = Pattern.compile("^(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)(T(\\d\\d):(\\d\\d):(\\d\\d))?$");

    static LocalDateTime slash(String s) {
        Matcher m = SLASH.matcher(s);
        if (!m.lookingAt()) throw invalid("Slashdate", s, "DD/MM/YYYY");
        return date(m.group(3), m.group(2), m.group(1), null, null, null);
    }

    static LocalDateTime dash(String s) {
        Matcher m = DASH.matcher(s);
        if (!m.lookingAt()) throw invalid("Dashdate", s, "YYYY-MM-DD");
        return date(m.group(1), m.group(2), m.group(3), null, null, null);
    }

    static LocalDateTime sybase(String s) {
        Matcher m = SYB.matcher(s);
        if (!m.lookingAt()) throw invalid("Sybdate", s, "Mar 21 2001 12:00:00 am");
        String mon = m.group(1).toUpperCase(Locale.ROOT);
        int month = -1;
        for (int i = 0; i < 12; i++) if (mon.startsWith(MONTHS.get(i)) && mon.length() >= 3) month = i + 1;
        if (month < 0) throw new CheckFailure("('Illegal month', " + PyValues.repr(PyValues.repr(m.group(1))) + ")");
        String hour = m.group(5);
        if (m.group(8) != null) {
            int h = Integer.parseInt(hour);
            if (m.group(8).equalsIgnoreCase("pm")) {
                if (h < 12) h += 12;
            } else if (h == 12) {
                h -= 12;
            }
            hour = String.valueOf(h);
        }
        return date(m.group(3), String.valueOf(month), m.group(2), hour, m.group(6), m.group(7));
    }

    static LocalDateTime jwst(String s) {
        Matcher m = JWST.matcher(s);
        if (!m.matches()) throw invalid("Jwstdate", s, "2018-12-22T00:00:00");
        return date(m.group(1), m.group(2), m.group(3), m.group(5), m.group(6), m.group(7));
    }

    static LocalDateTime any(String s) {
        try {
            return slash(s);
        } catch (CheckFailure e) {
            try {
                return sybase(s);
            } catch (CheckFailure e2) {
                throw new CheckFailure("Invalid Anydate format " + PyValues.repr(s));
            }
        }
    }

    private static LocalDateTime date(String y, String mo, String d, String h, String mi, String s) {
        try {
            return LocalDateTime.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d),
                    h == null ? 0 : Integer.parseInt(h), mi == null ? 0 : Integer.parseInt(mi), s == null ? 0 : Integer.parseInt(s));
        } catch (DateTimeException e) {
            String msg = e.getMessage();
            if (msg.contains("DayOfMonth") || msg.contains("Invalid date")) throw new CheckFailure("day is out of range for month");
            if (msg.contains("MonthOfYear")) throw new CheckFailure("month must be in 1..12");
            if (msg.contains("Year")) throw new CheckFailure("year " + y + " is out of range");
            if (msg.contains("HourOfDay")) throw new CheckFailure("hour must be in 0..23");
            if (msg.contains("MinuteOfHour")) throw new CheckFailure("minute must be in 0..59");
            throw new CheckFailure("second must be in 0..59");
        }
    }

    private static CheckFailure invalid(String cls, String s, String shouldBe) {
        return new CheckFailure("Invalid " + PyValues.repr(cls) + " format " + PyValues.repr(s) + " should be " + PyValues.repr(shouldBe));
    }
}
