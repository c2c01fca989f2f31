package org.crdsj.engine.bestrefs;

import static org.crdsj.engine.rules.RmapFixtures.bestRef;
import static org.crdsj.engine.rules.RmapFixtures.header;
import static org.crdsj.engine.rules.RmapFixtures.rmap;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.crdsj.engine.rules.ReferenceMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HST's do-not-reprocess rule: any failed lookup of a WFC dataset with gain 0.5 or 1.4 is n/a (spec 5.6 step 6.1). */
class DoNotReprocessTest {
    private static final String PARKEY = "(('DETECTOR', 'CCDGAIN'), ('DATE-OBS', 'TIME-OBS'))";
    private static final String BODY = """
            Match({
                ('WFC', 2.0) : UseAfter({ '2000-01-01 00:00:00' : 'wfc.fits' }),
                ('HRC', 'N/A') : UseAfter({ '2000-01-01 00:00:00' : 'hrc.fits' }),
            })""";

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    // The rule also covers validation failures, which abort the Match without fall-through.
    @CsvSource({"0.5, NOT FOUND n/a", "1.4, NOT FOUND n/a", "8.0, NOT FOUND  parameter='CCDGAIN' value='8.0' is not in ['2.0']"})
    void validationFailuresToo(String gain, String expected) {
        ReferenceMapping r = rmap("HST", "ACS", "PFLTFILE", "(('DETECTOR', 'CCDGAIN'),)", "", "Match({ ('WFC', 2.0) : 'wfc.fits' })");
        assertEquals(expected, bestRef(r, header("DETECTOR", "WFC", "CCDGAIN", gain)));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            WFC | 2.0 | 2001-01-01 | wfc.fits
            WFC | 0.5 | 2001-01-01 | NOT FOUND n/a
            WFC | 1.4 | 2001-01-01 | NOT FOUND n/a
            WFC | 2.0 | 1999-01-01 | NOT FOUND No match found.
            WFC | 4.0 | 2001-01-01 | NOT FOUND No match found.
            WFC | X   | 2001-01-01 | NOT FOUND No match found.
            HRC | 0.5 | 1999-01-01 | NOT FOUND No match found.
            """)
    void hstRmaps(String detector, String gain, String date, String expected) {
        ReferenceMapping r = rmap("HST", "ACS", "PFLTFILE", PARKEY, "", BODY);
        assertEquals(expected, bestRef(r, header("DETECTOR", detector, "CCDGAIN", gain, "DATE-OBS", date, "TIME-OBS", "00:00:00")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0.5", "1.4"})
    void otherObservatoriesHaveNoSuchRule(String gain) {
        ReferenceMapping r = rmap("JWST", "NIRCAM", "FLAT", PARKEY, "", BODY);
        assertEquals("NOT FOUND No match found.",
                bestRef(r, header("DETECTOR", "WFC", "CCDGAIN", gain, "DATE-OBS", "2001-01-01", "TIME-OBS", "00:00:00")));
    }
}
