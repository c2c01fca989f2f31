package org.crdsj.engine.select;

import static org.crdsj.engine.rules.RmapFixtures.choose;
import static org.crdsj.engine.rules.RmapFixtures.header;
import static org.crdsj.engine.rules.RmapFixtures.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.crdsj.engine.bestrefs.LookupFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GeometricallyNearest: float32 distances, string-ordered keys, first minimum wins (spec 4.6, 7.5). */
class GeometricallyNearestSelectorTest {
    private static final String PARKEY = "(('effective_wavelength',),)";
    private static final Selector S = selector(PARKEY, "",
            "GeometricallyNearest({ 1.2 : 'f120', 1.5 : 'f124', 5.0 : 'f137' })");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1.0, f120", "1.2, f120", "1.25, f120", "1.4, f124", "3.25, f124", "3.26, f137", "5.0, f137",
        "5.1, f137"})
    void doctestTable(String value, String expected) {
        assertEquals(expected, choose(S, header("effective_wavelength", value)));
    }

    @Test
    void notANumber() {
        assertEquals("NOT FOUND GeometricallyNearest Invalid number for 'effective_wavelength' value = 'foo'",
                choose(S, header("effective_wavelength", "foo")));
    }

    @Test
    void keysSortAsStringsSoTiesGoToTheLexicallyFirstKey() {
        Selector s = selector(PARKEY, "", "GeometricallyNearest({ 2.0 : 'two', 10.0 : 'ten', 3 : 'three' })");
        assertEquals(java.util.List.of("10.0", "2.0", "3.0"),
                s.selections().stream().map(Selection::key).toList());
        assertEquals("ten", choose(s, header("effective_wavelength", "6.5")));
        assertEquals("three", choose(s, header("effective_wavelength", "6.4")));
    }

    @Test
    void cannotMerge() {
        LookupFailure f = org.junit.jupiter.api.Assertions.assertThrows(LookupFailure.class,
                () -> S.merge(new Choice.Nested(S)));
        assertEquals("More than one match was found at the same weight and GeometricallyNearest does not support merging.",
                f.getMessage());
        assertEquals("AmbiguousMatchError", f.pythonClass());
    }

    @Test
    void nestedSelectVersionAndClosestTimeFromTheModuleDocstring() {
        Selector s = selector("(('effective_wavelength',), ('sw_version',))", "", """
                GeometricallyNearest({
                    1.2 : SelectVersion({ '<5' : 'cref_flatfield_120.fits', 'default' : 'cref_flatfield_123.fits' }),
                    1.5 : SelectVersion({ '<5' : 'cref_flatfield_124.fits', 'default' : 'cref_flatfield_125.fits' }),
                    5.0 : 'cref_flatfield_137.fits',
                })""");
        assertEquals("cref_flatfield_125.fits", choose(s, header("effective_wavelength", "1.4", "sw_version", "6.0")));
        assertEquals("cref_flatfield_124.fits", choose(s, header("effective_wavelength", "1.4", "sw_version", "4.0")));

        Selector t = selector("(('effective_wavelength',), ('DATE-OBS', 'TIME-OBS'), ('sw_version',))", "", """
                GeometricallyNearest({
                    1.2 : ClosestTime({ '2017-01-01 00:00:00' : SelectVersion({ 'default' : 'cref_flatfield_220.fits' }) }),
                    1.5 : ClosestTime({
                        '2017-01-01 00:00:00' : SelectVersion({ 'default' : 'cref_flatfield_480.fits' }),
                        '2019-01-01 00:00:00' : SelectVersion({ '<5' : 'cref_flatfield_490.fits',
                                                                'default' : 'cref_flatfield_491.fits' }),
                    }),
                    5.0 : 'cref_flatfield_137.fits',
                })""");
        assertEquals("cref_flatfield_490.fits", choose(t, header("effective_wavelength", "1.6",
                "DATE-OBS", "2019-01-02", "TIME-OBS", "00:00:00", "sw_version", "1.4")));
    }
}
