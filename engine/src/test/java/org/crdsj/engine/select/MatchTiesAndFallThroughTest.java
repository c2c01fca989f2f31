package org.crdsj.engine.select;

import static org.crdsj.engine.rules.RmapFixtures.choose;
import static org.crdsj.engine.rules.RmapFixtures.failure;
import static org.crdsj.engine.rules.RmapFixtures.header;
import static org.crdsj.engine.rules.RmapFixtures.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Weight groups tried best first, nested failures falling through, and equal-weight merges (spec 4.1.5-4.1.7, 4.2.5). */
class MatchTiesAndFallThroughTest {
    private static final String PARKEY = "(('DETECTOR', 'OBSTYPE'), ('DATE-OBS', 'TIME-OBS'))";

    private static Map<String, String> at(String obstype, String date) {
        return header("DETECTOR", "FUV", "OBSTYPE", obstype, "DATE-OBS", date, "TIME-OBS", "00:00:00");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2001-01-01 | c.fits
            1999-01-01 | a.fits
            1990-01-01 | NOT FOUND No match found.
            """)
    void nestedFailureFallsThroughToTheNextWeight(String date, String expected) {
        Selector s = selector(PARKEY, "", """
                Match({
                    ('FUV', '*') : UseAfter({ '2000-10-01 00:00:00' : 'c.fits' }),
                    ('FUV', 'N/A') : UseAfter({ '1996-10-01 00:00:00' : 'a.fits' }),
                })""");
        assertEquals(expected, choose(s, at("IMAGING", date)));
    }

    private static final String TIE = """
            Match({
                ('FUV', 'IMAGING|SPECTROSCOPIC') : UseAfter({
                    '1996-10-01 00:00:00' : 'a.fits',
                    '2009-10-01 00:00:00' : 'b.fits',
                }),
                ('FUV', 'IMAGING') : UseAfter({
                    '2000-10-01 00:00:00' : 'c.fits',
                    '2009-10-01 00:00:00' : 'a2.fits',
                }),
            })""";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1997-01-01, a.fits", "2001-01-01, c.fits", "2010-01-01, b.fits"})
    void equalWeightUseAftersMergeAndTheGreaterNameWinsADate(String date, String expected) {
        assertEquals(expected, choose(selector(PARKEY, "", TIE), at("IMAGING", date)));
        assertEquals("NOT FOUND No match found.", choose(selector(PARKEY, "", TIE), at("IMAGING", "1990-01-01")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1997-01-01", "2001-01-01", "2010-01-01"})
    void mergeOverlapsZeroMakesTheTieAmbiguous(String date) {
        Selector s = selector(PARKEY, "    'merge_overlaps' : '0',\n", TIE);
        LookupFailure f = failure(s, at("IMAGING", date));
        assertEquals("AmbiguousMatchError", f.pythonClass());
        assertEquals("More than one match clause matched.", f.getMessage());
        assertEquals("b.fits", choose(s, at("SPECTROSCOPIC", "2010-01-01")), "no tie, no error");
    }

    @Test
    void mergeOverlapsIsReadAsTrueOrOne() {
        assertEquals("c.fits", choose(selector(PARKEY, "    'merge_overlaps' : 'true',\n", TIE), at("IMAGING", "2001-01-01")));
        assertEquals("c.fits", choose(selector(PARKEY, "    'merge_overlaps' : 1,\n", TIE), at("IMAGING", "2001-01-01")));
        assertEquals("NOT FOUND More than one match clause matched.",
                choose(selector(PARKEY, "    'merge_overlaps' : 'no',\n", TIE), at("IMAGING", "2001-01-01")));
    }

    @Test
    void useAfterTiedWithAPlainNameFailsLikePython() {
        Selector s = selector(PARKEY, "", """
                Match({
                    ('FUV', 'IMAGING') : UseAfter({ '2000-10-01 00:00:00' : 'c.fits' }),
                    ('FUV', 'IMAGING|SPECTROSCOPIC') : 'plain.fits',
                })""");
        LookupFailure f = failure(s, at("IMAGING", "2001-01-01"));
        assertEquals("AttributeError", f.pythonClass());
        assertEquals("'str' object has no attribute '_selections'", f.getMessage());
        assertEquals("plain.fits", choose(s, at("SPECTROSCOPIC", "2001-01-01")));
    }

    @Test
    void plainNameFirstInATieWithASelectorIsAnErrorResult() {
        Selector s = selector(PARKEY, "", """
                Match({
                    ('FUV', 'IMAGING') : 'plain.fits',
                    ('FUV', 'IMAGING|SPECTROSCOPIC') : UseAfter({ '2000-10-01 00:00:00' : 'c.fits' }),
                })""");
        var rmap = org.crdsj.engine.rules.RmapFixtures.hst(PARKEY, "", """
                Match({
                    ('FUV', 'IMAGING') : 'plain.fits',
                    ('FUV', 'IMAGING|SPECTROSCOPIC') : UseAfter({ '2000-10-01 00:00:00' : 'c.fits' }),
                })""");
        // CRDS returns a tuple holding the UseAfter object itself; the engine reports that member as an error.
        var result = rmap.bestRef(at("IMAGING", "2001-01-01"));
        var files = assertInstanceOf(org.crdsj.engine.bestrefs.Result.Files.class, result);
        assertEquals("plain.fits", files.items().get(0).crdsString());
        assertInstanceOf(org.crdsj.engine.bestrefs.Result.NotFound.class, files.items().get(1));
        assertEquals("c.fits", choose(s, at("SPECTROSCOPIC", "2001-01-01")));
    }

    @Test
    void nonMergeableSelectorsInATie() {
        Selector s = selector("(('F',), ('W',))", "", """
                Match({
                    ('A',) : GeometricallyNearest({ 1.0 : 'g1' }),
                    ('A|B',) : GeometricallyNearest({ 2.0 : 'g2' }),
                })""");
        LookupFailure f = failure(s, header("F", "A", "W", "1.0"));
        assertEquals("AmbiguousMatchError", f.pythonClass());
        assertEquals("More than one match was found at the same weight and GeometricallyNearest does not support merging.",
                f.getMessage());
    }

    @Test
    void errorsFormingALaterGroupPropagateAfterEarlierLookupFailures() {
        Selector s = selector(PARKEY, "    'merge_overlaps' : 'False',\n", """
                Match({
                    ('FUV', 'IMAGING') : UseAfter({ '2005-01-01 00:00:00' : 'late.fits' }),
                    ('FUV', 'N/A') : UseAfter({ '1990-01-01 00:00:00' : 'x.fits' }),
                    ('N/A', '*') : UseAfter({ '1990-01-01 00:00:00' : 'y.fits' }),
                })""");
        assertEquals("late.fits", choose(s, at("IMAGING", "2006-01-01")));
        assertEquals("NOT FOUND More than one match clause matched.", choose(s, at("IMAGING", "2001-01-01")));
    }

    @Test
    void exhaustionDiscardsTheNestedErrorText() {
        Selector s = selector(PARKEY, "", """
                Match({
                    ('FUV', 'IMAGING') : UseAfter({ '2005-01-01 00:00:00' : 'late.fits' }),
                })""");
        LookupFailure f = failure(s, at("IMAGING", "2001-01-01"));
        assertEquals("MatchingError", f.pythonClass());
        assertEquals("No match found.", f.getMessage());
    }

    @Test
    void validationErrorInANestedSelectorDoesNotFallThrough() {
        Selector s = selector(PARKEY, "", """
                Match({
                    ('FUV', 'IMAGING') : UseAfter({ '2005-01-01 00:00:00' : 'late.fits' }),
                    ('FUV', 'N/A') : UseAfter({ '1990-01-01 00:00:00' : 'x.fits' }),
                })""");
        assertEquals("NOT FOUND UseAfter Invalid date/time format for ('DATE-OBS', 'TIME-OBS') value = "
                + "'2001-13-01 00:00:00' exception is 'month must be in 1..12'", choose(s, at("IMAGING", "2001-13-01")));
    }
}
