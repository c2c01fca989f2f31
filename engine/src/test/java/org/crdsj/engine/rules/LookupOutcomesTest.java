package org.crdsj.engine.rules;

import static org.crdsj.engine.rules.RmapFixtures.bestRef;
import static org.crdsj.engine.rules.RmapFixtures.bestrefs;
import static org.crdsj.engine.rules.RmapFixtures.header;
import static org.crdsj.engine.rules.RmapFixtures.hst;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Terminal special values and {@code reffile_required} (spec 4.9, 5.6 step 6.3, 5.7). */
class LookupOutcomesTest {
    private static final String PARKEY = "(('DETECTOR',),)";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            N/A       | NOT FOUND n/a
            TEMP_N/A  | NOT FOUND n/a
            n/a       | NOT FOUND n/a
            temp_n/a  | NOT FOUND n/a
            OMIT      | OMITTED
            TEMP_OMIT | OMITTED
            omit      | OMITTED
            temp_omit | temp_omit
            x.fits    | x.fits
            """)
    void terminalValues(String terminal, String expected) {
        ReferenceMapping r = hst(PARKEY, "", "Match({ ('HRC',) : '" + terminal + "' })");
        assertEquals(expected, bestRef(r, header("DETECTOR", "HRC")));
    }

    @ParameterizedTest(name = "reffile_required={0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            YES   | NOT FOUND  parameter='DETECTOR' value='XXX' is not in ['HRC', 'WFC']
            NONE  | NOT FOUND  parameter='DETECTOR' value='XXX' is not in ['HRC', 'WFC']
            yes   | NOT FOUND  parameter='DETECTOR' value='XXX' is not in ['HRC', 'WFC']
            NO    | NOT FOUND n/a
            MAYBE | NOT FOUND n/a
            """)
    void reffileRequiredDecidesWhetherAFailureIsAnError(String required, String expected) {
        ReferenceMapping r = hst(PARKEY, "    'reffile_required' : '" + required + "',\n",
                "Match({ ('HRC',) : 'hrc.fits', ('WFC',) : 'wfc.fits' })");
        assertEquals(expected, bestRef(r, header("DETECTOR", "XXX")));
        assertEquals("hrc.fits", bestRef(r, header("DETECTOR", "HRC")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"YES", "NO"})
    void absentReffileRequiredIsAnErrorAndNoMatchIsNotApplicableOnlyWhenNotRequired(String required) {
        ReferenceMapping absent = hst(PARKEY, "", "Match({ ('HRC',) : 'hrc.fits', ('WFC',) : 'wfc.fits' })");
        assertEquals("NOT FOUND  parameter='DETECTOR' value='UNDEFINED' is not in ['HRC', 'WFC']",
                bestrefs(absent, header()));
        ReferenceMapping dated = hst("(('DETECTOR',), ('DATE-OBS', 'TIME-OBS'))",
                "    'reffile_required' : '" + required + "',\n",
                "Match({ ('HRC',) : UseAfter({ '2000-01-01 00:00:00' : 'hrc.fits' }) })");
        assertEquals(required.equals("NO") ? "NOT FOUND n/a" : "NOT FOUND No match found.",
                bestrefs(dated, header("DETECTOR", "HRC", "DATE-OBS", "1999-01-01", "TIME-OBS", "00:00:00")));
    }
}
