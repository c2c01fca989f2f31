package org.crdsj.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The date fast path ({@link CommonDates}) must give exactly what CRDS's general parse gives: the
 * same date, or an error of the same Python type with the same message. Seeded random strings
 * are built from every layout headers use (and CRDS accepts), then mutated: spaces, Unicode
 * digits and spaces, out-of-range fields, truncations, junk, signs, underscores, exponents, long
 * digit runs. Where the fast path answers, it must agree; where it declines, the general parse
 * decides ({@link Timestamps#parse}).
 */
class CommonDatesTest {

    private static final String[] MONTHS = {"Jan", "FEB", "mar", "Apr", "May", "jun", "JUL", "Aug", "Sept", "October",
        "Nov", "dec", "Jam", "Ma", "Juney", "UNDEFINED", "JUNDEFINED", "Se", "J4n", "inf", "nan"};

    @Test
    void agreesWithTheGeneralParse() {
        long seed = 0xC0DA7E5L;
        System.out.println("CommonDatesTest seed " + seed);
        Random rnd = new Random(seed);
        int cases = 300_000, printable = 0, answered = 0, answeredPrintable = 0, errors = 0;
        for (int i = 0; i < cases; i++) {
            String generated = randomDate(rnd);
            if (rnd.nextInt(3) == 0) generated = mutate(rnd, generated);
            if (rnd.nextInt(10) == 0) generated = mutate(rnd, generated);
            String text = generated;
            boolean isPrintable = text.chars().allMatch(c -> c >= ' ' && c <= '~');
            if (isPrintable) printable++;
            DateOrError fast = CommonDates.parse(text);
            if (fast != null) {
                answered++;
                if (isPrintable) answeredPrintable++;
                if (fast instanceof DateTimeFormatError) errors++;
                assertEquals(general(text), outcome(fast), () -> "'" + text + "'");
            }
            assertEquals(general(text), outcome(Timestamps.parse(text)), () -> "'" + text + "'");
        }
        System.out.println("CommonDatesTest: fast path answered " + answered + " of " + cases + " (" + errors
                + " errors), " + answeredPrintable + " of the " + printable + " printable ASCII strings");
        assertTrue(answeredPrintable > printable * 9L / 10, "the fast path should answer nearly every printable ASCII date");
        assertTrue(errors > answered / 10, "the fast path should answer errors too");
    }

    /**
     * The pair path ({@link Timestamps#parsePair}: DATE-OBS and TIME-OBS without joining them,
     * and {@link DateWords}, which remembers the date word's part) must give the joined string's
     * outcome whenever it answers: the same date, or an error of the same type and message.
     * Seeded date words and times, both sometimes mutated (so unstripped, Unicode, letters, UT
     * endings, separators and out-of-range fields all occur).
     */
    @Test
    void pairAgreesWithTheJoinedParse() {
        long seed = 0x5EED_DA7EL;
        System.out.println("CommonDatesTest pair seed " + seed);
        Random rnd = new Random(seed);
        DateWords words = new DateWords(500);    // fills up early: later words are worked out each time
        int cases = 200_000, answered = 0, answeredErrors = 0, joinedDates = 0, answeredDates = 0;
        for (int i = 0; i < cases; i++) {
            String date = dateWord(rnd), time = time(rnd);
            if (rnd.nextInt(4) == 0) date = mutate(rnd, date);
            if (rnd.nextInt(4) == 0) time = mutate(rnd, time);
            if (rnd.nextInt(20) == 0) {
                time = pick(rnd, "UT", "12:00 UT", "12:00:00UT", "AM", "pm", "12:00 AM UT", "UNDEFINED", "", "1-2", "3/4",
                        "12:00:00 AM", "12:00-");
            }
            String joined = date + " " + time;
            String expected = general(joined);
            if (!expected.startsWith("!")) joinedDates++;
            DateOrError fast = Timestamps.parsePair(date, time);
            String d = date, t = time;
            DateOrError remembered = words.parsePair(date, time);
            assertEquals(fast == null ? null : outcome(fast), remembered == null ? null : outcome(remembered),
                    () -> "'" + d + "' + '" + t + "'");
            if (fast != null) {
                answered++;
                if (fast instanceof DateTimeFormatError) answeredErrors++; else answeredDates++;
                assertEquals(expected, outcome(fast), () -> "'" + d + "' + '" + t + "'");
            }
        }
        System.out.println("CommonDatesTest pair: answered " + answered + " of " + cases + " (" + answeredErrors + " errors; "
                + answeredDates + " of the " + joinedDates + " joined strings that are dates)");
        assertTrue(answeredDates > joinedDates * 3 / 4, "the pair path should answer most dates");
        assertTrue(answeredErrors > answered / 10, "the pair path should answer errors too");
    }

    private static String dateWord(Random rnd) {
        switch (rnd.nextInt(7)) {
            case 0: case 1: return num(rnd, 4) + "-" + num(rnd, 2) + "-" + num(rnd, 2);
            case 2: return num(rnd, 2) + sep(rnd) + num(rnd, 2) + sep(rnd) + num(rnd, 4);
            case 3: return num(rnd, 4) + sep(rnd) + num(rnd, 2) + sep(rnd) + num(rnd, 2);
            case 4: return num(rnd, 2) + sep(rnd) + num(rnd, 2) + sep(rnd) + num(rnd, 2);
            case 5: return rnd.nextBoolean() ? randomDate(rnd)
                    : month(rnd) + pick(rnd, " ", "-", "/") + num(rnd, 1 + rnd.nextInt(2)) + pick(rnd, "", ",") + pick(rnd, " ", "-")
                            + num(rnd, 4);
            default: return num(rnd, 1 + rnd.nextInt(2)) + pick(rnd, "-", " ", "/") + month(rnd) + pick(rnd, "-", " ") + num(rnd, 4);
        }
    }

    /** Every DATE-OBS/TIME-OBS pair of the golden corpus's HST cases, joined as lookups join them. */
    @Test
    void agreesOnTheCorpusHeaders() throws IOException {
        String corpus = System.getProperty("crds.corpus");
        assertNotNull(corpus, "system property crds.corpus is not set; the build sets it to ../shared/corpus");
        Set<String> dates = new TreeSet<>();
        java.util.List<String[]> datePairs = new java.util.ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String file : new String[] {"context_cases_hst.jsonl", "rmap_cases_hst.jsonl"}) {
            try (BufferedReader in = Files.newBufferedReader(Path.of(corpus, "golden", file))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    JsonNode header = json.readTree(line).path("header");
                    JsonNode d = header.get("DATE-OBS"), t = header.get("TIME-OBS");
                    if (d == null || !d.isTextual()) continue;
                    String date = PythonStrings.strip(d.asText());
                    if (t != null && t.isTextual()) {
                        String time = PythonStrings.strip(t.asText());
                        datePairs.add(new String[] {date, time});
                        date = PythonStrings.strip(date + " " + time);
                    }
                    dates.add(date);
                }
            }
        }
        int answered = 0, pairs = 0;
        for (String[] p : datePairs) {
            DateOrError fast = Timestamps.parsePair(p[0], p[1]);
            if (fast == null) continue;
            pairs++;
            assertEquals(general(p[0] + " " + p[1]), outcome(fast), () -> "'" + p[0] + "' + '" + p[1] + "'");
        }
        System.out.println("CommonDatesTest: corpus DATE-OBS/TIME-OBS pairs " + datePairs.size() + ", pair path answered " + pairs);
        assertTrue(pairs > datePairs.size() * 3 / 4);
        for (String text : dates) {
            DateOrError fast = CommonDates.parse(text);
            if (fast == null) continue;
            answered++;
            assertEquals(general(text), outcome(fast), () -> "'" + text + "'");
        }
        System.out.println("CommonDatesTest: corpus dates " + dates.size() + ", fast path answered " + answered);
        assertTrue(dates.size() > 100 && answered > dates.size() * 9 / 10);
    }

    @Test
    void answersTheLayoutsHeadersUse() {
        String[][] cases = {
            {"2002-11-14 01:28:32", "2002-11-14 01:28:32"},
            {"2002-11-14T01:28:32", "2002-11-14 01:28:32"},
            {"2002-11-14T01:28:32.5", "2002-11-14 01:28:32.500000"},
            {"2002-11-14", "2002-11-14 00:00:00"},
            {"2003-09-26 01:28:34.29", "2003-09-26 01:28:34.289999"},
            {"08-29-1997 10:48:01", "1997-08-29 10:48:01"},
            {"2004/02/14 00:00:00", "2004-02-14 00:00:00"},
            {"31/12/99 23:59:59", "1999-12-31 23:59:59"},
            {"01/02/03 04:05", "2003-02-01 04:05:00"},
            {"2008-02-18 10:00", "2008-02-18 10:00:00"},
            {"2003-06-10 04:05:44 PM", "2003-06-10 16:05:44"},
            {"2003-06-10  12:05:44 AM", "2003-06-10 00:05:44"},
            {"2003-06-10 04:05:44.25", "2003-06-10 04:05:44.250000"},
            {"19970114:053714", "1997-01-14 05:37:14"},
            {"Oct 12 2001 01:02:03", "2001-10-12 01:02:03"},
            {"Oct 12, 2001", "2001-10-12 00:00:00"},
            {"July 27, 1999 00:00:00", "1999-07-27 00:00:00"},
            {"03-Jan-2013 10:00:00", "2013-01-03 10:00:00"},
            {"03-JAN-2013", "2013-01-03 00:00:00"},
            {"Dec 01 1993 00:00:00 UT", "1993-12-01 00:00:00"},
            {"Feb 08 2006 01:02AM", "2006-02-08 01:02:00"},
            {"Mar 21 2001 12:00:00 am", "2001-03-21 00:00:00"},
            {"21-Mar-2001 01:00 PM", "2001-03-21 13:00:00"},
        };
        for (String[] c : cases) {
            DateOrError fast = CommonDates.parse(c[0]);
            assertInstanceOf(CrdsDateTime.class, fast, c[0]);
            assertEquals(c[1], ((CrdsDateTime) fast).format(), c[0]);
            assertEquals(c[1], Timestamps.parseGeneral(c[0]).format(), c[0]);
        }
    }

    /** Errors come back with their type at once and the general parse's text when read. */
    @Test
    void answersErrorsWithTheGeneralMessage() {
        String[][] cases = {
            {"2002-11-14T01:28:32 01:28:32", "ValueError", "Unknown numerical date format: '2002/11/14T01:28:32 01:28:32'"},
            {"2002-11-31 01:28:32", "ValueError", "day is out of range for month"},
            {"2002-11-14 XYZZY", "ValueError", "Invalid month value '11' in base date '2002-11-14 XYZZY'"},
            {"11/14/02 XY", "ValueError", "not enough values to unpack (expected 4, got 1)"},
            {"2002-11-14 10:00 00", "ValueError", "invalid literal for int() with base 10: '00 00'"},
            {"2002-11-14 25:00:00", "ValueError", "hour must be in 0..23"},
            {"2002-11-14 10:00:0*", "ValueError", "could not convert string to float: '0*'"},
            {"Feb 14 2002 *", "ValueError", "not enough values to unpack (expected 4, got 1)"},
            {"FOO", "ValueError", "not enough values to unpack (expected 3, got 1)"},
            {"FOO 12:00:01 AM", "ValueError", "not enough values to unpack (expected 3, got 2)"},
            {"", "IndexError", "list index out of range"},
            {"Mar 05 2002 UNDEFINED", "InvalidDatetimeError", "One or more required date/time values is UNDEFINED"},
        };
        for (String[] c : cases) {
            DateOrError fast = CommonDates.parse(c[0]);
            assertInstanceOf(DateTimeFormatError.class, fast, c[0]);
            DateTimeFormatError e = (DateTimeFormatError) fast;
            assertEquals(c[1], e.pythonType(), c[0]);
            assertEquals(c[2], e.getMessage(), c[0]);
            assertEquals(general(c[0]), outcome(fast), c[0]);
        }
        // Forms it does not model are left to the general parse.
        for (String s : new String[] {"2002-11-14 +10:00", "2002-11-14 1_0:00", "2002-11-14 10:00:1e1", "Jan 05 2002 10:00  am",
                "2002-11-14 10:00:00\t", "2002-11-14 \u0661\u0660:00", "2002-11-14 0000000010:00"}) {
            assertNull(CommonDates.parse(s), s);
        }
    }

    private static String outcome(DateOrError r) {
        if (r instanceof CrdsDateTime t) return t.toString();
        DateTimeFormatError e = (DateTimeFormatError) r;
        return "!" + e.pythonType() + ": " + e.getMessage();
    }

    private static String general(String text) {
        try {
            return Timestamps.parseGeneral(text).toString();
        } catch (DateTimeFormatError e) {
            return "!" + e.pythonType() + ": " + e.getMessage();
        }
    }

    // ------------------------------------------------------------------ generators

    private static String randomDate(Random rnd) {
        String date;
        switch (rnd.nextInt(10)) {
            case 0: case 1: date = num(rnd, 4) + "-" + num(rnd, 2) + "-" + num(rnd, 2); break;
            case 2: date = num(rnd, 2) + sep(rnd) + num(rnd, 2) + sep(rnd) + num(rnd, 4); break;
            case 3: date = num(rnd, 4) + sep(rnd) + num(rnd, 2) + sep(rnd) + num(rnd, 2); break;
            case 4: date = num(rnd, 2) + sep(rnd) + num(rnd, 2) + sep(rnd) + num(rnd, 2); break;
            case 5: date = month(rnd) + pick(rnd, " ", "  ", "-", "/") + num(rnd, 1 + rnd.nextInt(2)) + pick(rnd, "", "", ",", ",,")
                    + pick(rnd, " ", "-", " ") + num(rnd, 4); break;
            case 6: date = num(rnd, 1 + rnd.nextInt(2)) + pick(rnd, "-", " ", "/", "--") + month(rnd) + pick(rnd, "", ",")
                    + pick(rnd, "-", " ") + num(rnd, 4); break;
            case 7: date = num(rnd, 8) + ":" + num(rnd, 6); break;
            case 8: {
                // the T form, sometimes with a second time after it (as DATE-OBS + TIME-OBS join)
                date = num(rnd, 4) + sep(rnd) + num(rnd, 2) + sep(rnd) + num(rnd, 2) + "T" + num(rnd, 2) + ":" + num(rnd, 2)
                        + pick(rnd, "", ":" + num(rnd, 2), ":" + num(rnd, 2) + "." + num(rnd, 1 + rnd.nextInt(8)));
                return rnd.nextBoolean() ? date : date + " " + time(rnd);
            }
            default: date = num(rnd, rnd.nextInt(6)) + pick(rnd, "-", "/", ":", ".", "T") + num(rnd, rnd.nextInt(5)); break;
        }
        String text = pick(rnd, "", "", "", " ") + date;
        if (rnd.nextInt(6) != 0) text += pick(rnd, " ", " ", "  ", "T", "-") + time(rnd);
        if (rnd.nextInt(5) == 0) text += pick(rnd, " AM", " PM", "am", "pm", " am", " Pm", " UT", " ", "X", " UNDEFINED");
        return text;
    }

    private static String time(Random rnd) {
        StringBuilder t = new StringBuilder(num(rnd, 1 + rnd.nextInt(2))).append(':').append(num(rnd, 2));
        int more = rnd.nextInt(5);
        if (more >= 1) {
            t.append(':').append(num(rnd, 1 + rnd.nextInt(2)));
            if (rnd.nextInt(3) == 0) {
                t.append(pick(rnd, ".", ".5", ".25", ".29", ".123456", ".1234567", ".999999999", ".9999999999999999999", "5", ". ",
                        ".000001", "e1", "E-1", ".5e1", "." + num(rnd, 1 + rnd.nextInt(20))));
            }
        }
        if (more >= 3) t.append(pick(rnd, ":7", ":", ":x:y", " :3", ":00:00"));
        if (rnd.nextInt(8) == 0) t.insert(rnd.nextInt(t.length() + 1), pick(rnd, " ", "-", "+", "1", "a", "_", "inf"));
        if (rnd.nextInt(6) == 0) t.append(pick(rnd, " AM", " PM", "AM", "pm", " aM", "M", " XM"));
        return t.toString();
    }

    /** One mutation: junk, deletion, truncation, doubling, case, Unicode digits or spaces, long digit runs. */
    private static String mutate(Random rnd, String s) {
        int at = rnd.nextInt(s.length() + 1);
        switch (rnd.nextInt(9)) {
            case 0: return s.substring(0, at) + pick(rnd, " ", "  ", "-", "/", ":", ".", ",", "*", "T", "x", "+", "_", "e", "0", "\t", "\n")
                    + s.substring(at);
            case 1: return at < s.length() ? s.substring(0, at) + s.substring(at + 1) : s;
            case 2: return s.substring(0, at);
            case 3: return s.substring(at);
            case 4: return rnd.nextBoolean() ? s.toLowerCase() : s.toUpperCase();
            case 5: return s.substring(0, at) + pick(rnd, "\u0661", "\uff11", "\u00a0", "\u2003", "\u00e9") + s.substring(at);
            case 6: return s.substring(0, at) + "0".repeat(1 + rnd.nextInt(12)) + s.substring(at);
            case 7: return pick(rnd, " ", "  ", "\t") + s + pick(rnd, " ", "  ", "\n", "");
            default: return s.replace(pick(rnd, "-", "/", ":", " "), pick(rnd, "/", "-", " ", ":"));
        }
    }

    private static String month(Random rnd) {
        return MONTHS[rnd.nextInt(MONTHS.length)];
    }

    private static String sep(Random rnd) {
        return rnd.nextInt(4) == 0 ? "/" : "-";
    }

    /** {@code count} digits, mostly in plausible ranges, sometimes anything (out-of-range fields). */
    private static String num(Random rnd, int count) {
        if (rnd.nextInt(4) != 0) {
            if (count == 2) return String.format("%02d", 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 31 : 12));
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
