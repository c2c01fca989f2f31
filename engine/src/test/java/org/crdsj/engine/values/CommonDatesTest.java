package org.crdsj.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path for common date layouts must give exactly what CRDS's general parse gives, and
 * answer nothing where the general parse fails. Seeded random strings built from the pieces real
 * headers use (and their near misses) are parsed both ways.
 */
class CommonDatesTest {

    private static final String[] MONTHS = {"Jan", "FEB", "mar", "Apr", "May", "jun", "JUL", "Aug", "Sept", "October",
        "Nov", "dec", "Jam", "Ma", "Juney", "UNDEFINED", "JUNDEFINED"};

    @Test
    void agreesWithTheGeneralParse() {
        long seed = 0xC0DA7EL;
        System.out.println("CommonDatesTest seed " + seed);
        Random rnd = new Random(seed);
        int answered = 0, cases = 100_000;
        for (int i = 0; i < cases; i++) {
            String text = randomDate(rnd);
            CrdsDateTime fast = CommonDates.parse(text);
            String general;
            try {
                general = Timestamps.parseGeneral(text).toString();
            } catch (DateTimeFormatError e) {
                general = "!" + e.pythonType() + ": " + e.getMessage();
            }
            if (fast != null) {
                answered++;
                assertEquals(general, fast.toString(), "'" + text + "'");
            }
        }
        System.out.println("CommonDatesTest: fast path answered " + answered + " of " + cases);
        assertTrue(answered > cases / 10, "the fast path should answer the common layouts");
    }

    @Test
    void answersTheLayoutsHeadersUse() {
        String[][] cases = {
            {"08-29-1997 10:48:01", "1997-08-29 10:48:01"},
            {"2004/02/14 00:00:00", "2004-02-14 00:00:00"},
            {"31/12/99 23:59:59", "1999-12-31 23:59:59"},
            {"01/02/03 04:05", "2003-02-01 04:05:00"},
            {"2008-02-18 10:00", "2008-02-18 10:00:00"},
            {"2003-06-10 04:05:44 PM", "2003-06-10 16:05:44"},
            {"2003-06-10  12:05:44 AM", "2003-06-10 00:05:44"},
            {"2003-06-10 04:05:44.25", "2003-06-10 04:05:44.250000"},
            {"Oct 12 2001 01:02:03", "2001-10-12 01:02:03"},
            {"Oct 12, 2001", "2001-10-12 00:00:00"},
            {"03-Jan-2013 10:00:00", "2013-01-03 10:00:00"},
            {"03-JAN-2013", "2013-01-03 00:00:00"},
        };
        for (String[] c : cases) {
            CrdsDateTime fast = CommonDates.parse(c[0]);
            assertNotNull(fast, c[0]);
            assertEquals(c[1], fast.format(), c[0]);
            assertEquals(c[1], Timestamps.parseGeneral(c[0]).format(), c[0]);
        }
    }

    private static String randomDate(Random rnd) {
        String date;
        switch (rnd.nextInt(6)) {
            case 0: date = num(rnd, 2) + sep(rnd) + num(rnd, 2) + sep(rnd) + num(rnd, 4); break;
            case 1: date = num(rnd, 4) + sep(rnd) + num(rnd, 2) + sep(rnd) + num(rnd, 2); break;
            case 2: date = num(rnd, 2) + sep(rnd) + num(rnd, 2) + sep(rnd) + num(rnd, 2); break;
            case 3: date = month(rnd) + pick(rnd, " ", "  ", "-", "/") + num(rnd, 1 + rnd.nextInt(2)) + pick(rnd, "", "", ",", ",,")
                    + pick(rnd, " ", "-", " ") + num(rnd, 4); break;
            case 4: date = num(rnd, 1 + rnd.nextInt(2)) + pick(rnd, "-", " ", "/", "--") + month(rnd) + pick(rnd, "", ",")
                    + pick(rnd, "-", " ") + num(rnd, 4); break;
            default: date = num(rnd, rnd.nextInt(6)) + pick(rnd, "-", "/", ":", ".", "T") + num(rnd, rnd.nextInt(5)); break;
        }
        String text = pick(rnd, "", "", "", " ") + date;
        if (rnd.nextInt(6) != 0) text += pick(rnd, " ", " ", "  ", "T", "-") + time(rnd);
        if (rnd.nextInt(5) == 0) text += pick(rnd, " AM", " PM", "am", "pm", " am", " Pm", " UT", " ", "X");
        return text;
    }

    private static String time(Random rnd) {
        StringBuilder t = new StringBuilder(num(rnd, 1 + rnd.nextInt(2))).append(':').append(num(rnd, 2));
        int more = rnd.nextInt(5);
        if (more >= 1) {
            t.append(':').append(num(rnd, 1 + rnd.nextInt(2)));
            if (rnd.nextInt(3) == 0) t.append(pick(rnd, ".", ".5", ".25", ".123456", ".1234567", ".999999999", "5", ". "));
        }
        if (more >= 3) t.append(pick(rnd, ":7", ":", ":x:y", " :3"));
        if (rnd.nextInt(8) == 0) t.insert(rnd.nextInt(t.length() + 1), pick(rnd, " ", "-", "+", "1", "a"));
        return t.toString();
    }

    private static String month(Random rnd) {
        return MONTHS[rnd.nextInt(MONTHS.length)];
    }

    private static String sep(Random rnd) {
        return rnd.nextInt(4) == 0 ? "/" : "-";
    }

    /** {@code count} digits, mostly in plausible ranges, sometimes anything. */
    private static String num(Random rnd, int count) {
        if (rnd.nextInt(4) != 0) {
            // a plausible field: 1..12 for two digits (a valid month and day), 1990..2029 for four
            if (count == 2) return String.format("%02d", 1 + rnd.nextInt(12));
            if (count == 4) return Integer.toString(1990 + rnd.nextInt(40));
        }
        StringBuilder sb = new StringBuilder();
        int limit = rnd.nextInt(4) == 0 ? 10 : 4;
        for (int i = 0; i < count; i++) sb.append((char) ('0' + (i == 0 ? rnd.nextInt(limit) : rnd.nextInt(10))));
        return sb.toString();
    }

    private static String pick(Random rnd, String... options) {
        return options[rnd.nextInt(options.length)];
    }
}
