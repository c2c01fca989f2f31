package org.crdsj.engine.select;

import static org.crdsj.engine.rules.RmapFixtures.choose;
import static org.crdsj.engine.rules.RmapFixtures.failure;
import static org.crdsj.engine.rules.RmapFixtures.header;
import static org.crdsj.engine.rules.RmapFixtures.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.crdsj.engine.bestrefs.LookupFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** UseAfter lookups: the oracle table of spec 7.4 (floor search on re-formatted dates, 4.2). */
class UseAfterSelectorTest {
    private static final String PARKEY = "(('DATE-OBS', 'TIME-OBS'),)";

    private static final Selector BIAS = selector(PARKEY, "", """
            UseAfter({
                '2003-09-26 01:28:00' : 'nal1503ij_bia.fits',
                '2004-02-14 00:00:00' : 'o3913216j_bia.fits',
                '2004-04-25 21:31:00' : 'o5d10135j_bia.fits',
                '2004-06-18 04:36:00' : 'o9s16388j_bia.fits',
                '2004-07-02 08:09:00' : 'o9t1525sj_bia.fits',
                '2004-07-14 16:52:00' : 'o9f15549j_bia.fits',
                '2004-07-30 00:18:00' : 'o9t1553tj_bia.fits',
            })""");

    private static final Selector XY = selector("(('D', 'T'),)", "", """
            UseAfter({
                '2003-09-26 01:28:00' : 'x',
                '2004-01-01 00:00:00' : 'y',
            })""");

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2004-07-02 | 08:09:00 | o9t1525sj_bia.fits
            2004-07-02 | 08:08:59 | o9s16388j_bia.fits
            2005-07-02 | 08:08:59 | o9t1553tj_bia.fits
            2000-07-02 | 08:08:59 | NOT FOUND No selection <= '2000-07-02 08:08:59'
            2003/12/20 | 01:28    | nal1503ij_bia.fits
            2004/02/14 | 00:00    | o3913216j_bia.fits
            2003-09-26 | 01:28:00.5 | nal1503ij_bia.fits
            2003-09-26 | 01:27:59.999999 | NOT FOUND No selection <= '2003-09-26 01:27:59.999999'
            """)
    void oracleTable(String date, String time, String expected) {
        assertEquals(expected, choose(BIAS, header("DATE-OBS", date, "TIME-OBS", time)));
    }

    @Test
    void exactKeyIsSelectedAndAFractionIsLaterThanTheWholeSecond() {
        assertEquals("o9t1525sj_bia.fits", choose(BIAS, header("DATE-OBS", "2004-07-02", "TIME-OBS", "08:09:00.5")));
    }

    @Test
    void invalidDatesAreValidationErrorsNamingTheParametersAndDetail() {
        LookupFailure day = failure(BIAS, header("DATE-OBS", "2003-09-52", "TIME-OBS", "01:28:00"));
        assertEquals("ValidationError", day.pythonClass());
        assertEquals("UseAfter Invalid date/time format for ('DATE-OBS', 'TIME-OBS') value = '2003-09-52 01:28:00'"
                + " exception is 'day is out of range for month'", day.getMessage());

        // Spec 7.4 quotes the selectors.py doctest ("Unknown numerical date format"), which is stale:
        // "messed" is a run of letters, so CRDS 13.2.7 takes the alphabetical parse and names the month.
        assertEquals("NOT FOUND UseAfter Invalid date/time format for ('DATE-OBS', 'TIME-OBS') value = "
                        + "'2003/messed/up 01:28:00' exception is \"Invalid month value 'messed' in base date"
                        + " '2003/messed/up 01:28:00'\"",
                choose(BIAS, header("DATE-OBS", "2003/messed/up", "TIME-OBS", "01:28:00")));
        assertEquals("NOT FOUND UseAfter Invalid date/time format for ('DATE-OBS', 'TIME-OBS') value = "
                        + "'2003-09-26 01:28:00QM' exception is \"could not convert string to float: '00QM'\"",
                choose(BIAS, header("DATE-OBS", "2003-09-26", "TIME-OBS", "01:28:00QM")));
        assertEquals("ValidationError", failure(BIAS, header("DATE-OBS", "2003/12/2", "TIME-OBS", "01:28:00")).pythonClass());
    }

    @Test
    void missingAndUndefinedParameters() {
        assertEquals("NOT FOUND UseAfter required lookup parameter 'DATE-OBS' is undefined.",
                choose(BIAS, header("DATE-EXP", "2004-07-02", "TIME-OBS", "08:09:00")));
        LookupFailure undefined = failure(BIAS, header("DATE-OBS", "2004-07-02", "TIME-OBS", "UNDEFINED"));
        assertEquals("InvalidDatetimeError", undefined.pythonClass());
        assertEquals("UseAfter parameter 'TIME-OBS' is UNDEFINED.", undefined.getMessage());
    }

    @Test
    void emptyUseAfterNeverSelects() {
        Selector empty = selector(PARKEY, "", "UseAfter({})");
        LookupFailure f = failure(empty, header("DATE-OBS", "2003-09-01", "TIME-OBS", "01:28:00"));
        assertEquals("UseAfterError", f.pythonClass());
        assertEquals("No selection <= '2003-09-01 01:28:00'", f.getMessage());
    }

    @Test
    void keysAreNotValidatedAtLookup() {
        Selector odd = selector(PARKEY, "", "UseAfter({ '2003-09-35 01:28:00' : 'bad_day.fits' })");
        assertEquals("NOT FOUND No selection <= '2003-09-22 01:28:00'",
                choose(odd, header("DATE-OBS", "2003-09-22", "TIME-OBS", "01:28:00")));
        assertEquals("bad_day.fits", choose(odd, header("DATE-OBS", "2003-10-01", "TIME-OBS", "00:00:00")));
    }

    @ParameterizedTest(name = "{0} + [{1}] -> x")
    @CsvSource(delimiter = '|', textBlock = """
            09/26/2003             | 01:28:00
            26/09/03               | 01:28:00
            Sep 26 2003 1:28:00 AM | ''
            2003-09-26T01:28:00    | ''
            20030926:012800        | ''
            2003-09-26             | 01:28:00.5
            """)
    void dateSpellingsAllReformatToTheSameKey(String date, String time) {
        // 26/09/03 has no time of its own: the joined string is "26/09/03 01:28:00", which is 01:28 too.
        assertEquals("x", choose(XY, header("D", date, "T", time)));
    }

    @Test
    void unknownSpellingsAndEmptyValuesFail() {
        assertEquals("NOT FOUND UseAfter Invalid date/time format for ('D', 'T') value = '2003.09.26 01:28:00'"
                        + " exception is \"Unknown numerical date format: '2003.09.26 01:28:00'\"",
                choose(XY, header("D", "2003.09.26", "T", "01:28:00")));
        assertEquals("NOT FOUND UseAfter Invalid date/time format for ('D', 'T') value = '' exception is 'list index out of range'",
                choose(XY, header("D", "", "T", "")));
    }

    @Test
    void nestedFailureUnderUseAfterReportsAllAttemptsFailed() {
        Selector nested = selector("(('DATE-OBS', 'TIME-OBS'), ('D2', 'T2'))", "", """
                UseAfter({
                    '2000-01-01 00:00:00' : UseAfter({ '2010-01-01 00:00:00' : 'late.fits' }),
                })""");
        LookupFailure f = failure(nested, header("DATE-OBS", "2001-01-01", "TIME-OBS", "00:00:00",
                "D2", "2001-01-01", "T2", "00:00:00"));
        assertEquals("All lookup attempts failed. last exception: No selection <= '2001-01-01 00:00:00'", f.getMessage());
        assertEquals("late.fits", choose(nested, header("DATE-OBS", "2001-01-01", "TIME-OBS", "00:00:00",
                "D2", "2011-01-01", "T2", "00:00:00")));
    }
}
