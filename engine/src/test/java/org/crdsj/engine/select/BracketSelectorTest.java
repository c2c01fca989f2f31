package org.crdsj.engine.select;

import static org.crdsj.engine.rules.RmapFixtures.choose;
import static org.crdsj.engine.rules.RmapFixtures.header;
import static org.crdsj.engine.rules.RmapFixtures.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bracket: always a pair of choices around the value (spec 4.7, oracle 7.5). */
class BracketSelectorTest {
    private static final Selector S = selector("(('effective_wavelength',),)", "",
            "Bracket({ 1.2 : 'f120', 1.5 : 'f124', 5.0 : 'f137' })");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.25 | ('f120', 'f124')
            1.2  | ('f120', 'f120')
            1.5  | ('f124', 'f124')
            5.0  | ('f137', 'f137')
            1.0  | ('f120', 'f120')
            6.0  | ('f137', 'f137')
            4.99 | ('f124', 'f137')
            """)
    void doctestTable(String value, String expected) {
        assertEquals(expected, choose(S, header("effective_wavelength", value)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1    | ('two', 'two')
            2.5  | ('two', 'three')
            5    | ('three', 'ten')
            9.9  | ('three', 'ten')
            10   | ('ten', 'ten')
            11   | ('ten', 'ten')
            """)
    void keysAreOrderedNumerically(String value, String expected) {
        // CRDS sorts the raw (number, choice) pairs, so 3 < 10 although '10.0' < '3' as text (spec 4.7).
        Selector s = selector("(('effective_wavelength',),)", "", "Bracket({ 2.0 : 'two', 10.0 : 'ten', 3 : 'three' })");
        assertEquals(expected, choose(s, header("effective_wavelength", value)));
    }

    @Test
    void errors() {
        assertEquals("NOT FOUND Bracket Invalid number for 'effective_wavelength' value = 'x'",
                choose(S, header("effective_wavelength", "x")));
        assertEquals("NOT FOUND 'effective_wavelength'", choose(S, header()));
        assertEquals("NOT FOUND list index out of range",
                choose(selector("(('effective_wavelength',),)", "", "Bracket({})"), header("effective_wavelength", "1")));
    }
}
