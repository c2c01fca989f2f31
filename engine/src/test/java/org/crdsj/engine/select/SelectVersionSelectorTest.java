package org.crdsj.engine.select;

import static org.crdsj.engine.rules.RmapFixtures.choose;
import static org.crdsj.engine.rules.RmapFixtures.header;
import static org.crdsj.engine.rules.RmapFixtures.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SelectVersion: the first relation not below (value, '=') (spec 4.8, oracle 7.5). */
class SelectVersionSelectorTest {
    private static final String PARKEY = "(('sw_version',),)";
    private static final Selector S = selector(PARKEY, "",
            "SelectVersion({ '<3.1' : 'f65', '<5' : 'f73', 'default' : 'f123' })");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"4.5, f73", "5, f123", "6, f123", "2.0, f65", "default, f123", "3.1, f73", "3.0999, f65"})
    void doctestTable(String value, String expected) {
        assertEquals(expected, choose(S, header("sw_version", value)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"4, le5", "5, lt7", "7, eq8", "8, eq8", "8.5, nine", "10, dflt"})
    void lessOrEqualSortsBelowEqualAndSoExcludesItsVersion(String value, String expected) {
        Selector s = selector(PARKEY, "",
                "SelectVersion({ '<=5' : 'le5', '<7' : 'lt7', '==8' : 'eq8', '9' : 'nine', 'default' : 'dflt' })");
        assertEquals(expected, choose(s, header("sw_version", value)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, le2", "2, eq666", "5, eq666", "6.66, eq666", "6.7, lt9", "9, lt10", "9.5, lt10", "10, d", "11, d",
        "default, d"})
    void versionsOrderNumericallyNotAsText(String value, String expected) {
        // Checked against CRDS 13.2.7: '<9' sorts before '<10'; '== 6.66' behaves as "up to 6.66".
        Selector s = selector(PARKEY, "",
                "SelectVersion({ '<10' : 'lt10', '<9' : 'lt9', '== 6.66' : 'eq666', 'default' : 'd', '<=2' : 'le2' })");
        assertEquals(expected, choose(s, header("sw_version", value)));
    }

    @Test
    void errors() {
        assertEquals("NOT FOUND SelectVersion Invalid number for 'sw_version' value = 'abc'",
                choose(S, header("sw_version", "abc")));
        assertEquals("NOT FOUND list index out of range",
                choose(selector(PARKEY, "", "SelectVersion({ '<5' : 'a' })"), header("sw_version", "6")));
        assertEquals("NOT FOUND 'sw_version'", choose(S, header()));
    }
}
