package org.crdsj.engine.select;

import static org.crdsj.engine.rules.RmapFixtures.choose;
import static org.crdsj.engine.rules.RmapFixtures.failure;
import static org.crdsj.engine.rules.RmapFixtures.header;
import static org.crdsj.engine.rules.RmapFixtures.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.rules.RulesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VersionAfter: floor search over integer version triples (spec 4.4, oracle 7.5). */
class VersionAfterSelectorTest {
    private static final Selector CAL = selector("(('CAL_VER',),)", "", """
            VersionAfter({
                '0.0.2' : 't0',
                '0.50.1' : 't1',
                '5.2' : 't2',
                '50.1' : 't3',
            })""");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0.0.2, t0", "0.5.0, t0", "0.50.0, t0", "0.6.0, t0", "0.50.1, t1", "49.1, t2", "50.0, t2",
        "100.0.0, t3", "50.1, t3"})
    void doctestTable(String version, String expected) {
        assertEquals(expected, choose(CAL, header("CAL_VER", version)));
    }

    @Test
    void tooEarlyIsAVersionAfterErrorWithThePythonTuple() {
        LookupFailure f = failure(CAL, header("CAL_VER", "0.0.1"));
        assertEquals("VersionAfterError", f.pythonClass());
        assertEquals("No selection <= (0, 0, 1)", f.getMessage());
        assertEquals("NOT FOUND No selection <= (1, 0, 0)", choose(selector("(('CAL_VER',),)", "", "VersionAfter({})"),
                header("CAL_VER", "1.0.0")));
    }

    @Test
    void prefixesSuffixesAndBadValues() {
        Selector s = selector("(('CAL_VER',),)", "", """
                VersionAfter({ '0.0.2' : 'a', '1.2' : 'b', '1.10.0rc1' : 'c' })""");
        assertEquals("b", choose(s, header("CAL_VER", "1.9.9")));
        assertEquals("c", choose(s, header("CAL_VER", "1.10")));
        assertEquals("c", choose(s, header("CAL_VER", "1.10.0.dev5")));
        assertEquals("b", choose(s, header("CAL_VER", "1.2.3.4")));
        LookupFailure bad = failure(s, header("CAL_VER", "UNDEFINED"));
        assertEquals("AssertionError", bad.pythonClass());
        assertEquals("Invalid version string 'UNDEFINED'", bad.getMessage());
        assertEquals("NOT FOUND VersionAfter required lookup parameter 'CAL_VER' is undefined.", choose(s, header()));
    }

    @Test
    void keysWithoutSuffixDigitsStillValidate() {
        Selector s = selector("(('CAL_VER',),)", "", "VersionAfter({ '200' : 'a', '200.100' : 'b', '200.100.1' : 'c' })");
        assertEquals("a", choose(s, header("CAL_VER", "200.99")));
        assertEquals("c", choose(s, header("CAL_VER", "300")));
    }

    @Test
    void nonVersionKeysAreLoadErrors() {
        assertThrows(RulesException.class, () -> selector("(('CAL_VER',),)", "", "VersionAfter({ 'x.1' : 'a' })"));
        assertThrows(RulesException.class, () -> selector("(('CAL_VER',),)", "", "VersionAfter({ '1.0|2.0' : 'a' })"));
    }
}
