package org.crdsj.engine.bestrefs;

import static org.crdsj.engine.rules.RmapFixtures.bestRef;
import static org.crdsj.engine.rules.RmapFixtures.bestrefs;
import static org.crdsj.engine.rules.RmapFixtures.header;
import static org.crdsj.engine.rules.RmapFixtures.rmap;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.crdsj.engine.rules.ReferenceMapping;
import org.junit.jupiter.api.Test;

/**
 * The HST header hooks, selected implicitly by instrument and type or named in {@code hooks}
 * (spec 2.6, 5.6 steps 4 and 6.2, cases after 7.7).
 */
class HstHooksTest {
    private static final String ACS_PARKEY =
            "(('DETECTOR', 'CCDAMP', 'APERTURE', 'NUMCOLS', 'NUMROWS'), ('DATE-OBS', 'TIME-OBS'))";
    private static final String ACS_EXTRA = "    'extra_keys' : ('XCORNER', 'YCORNER'),\n";
    private static final String ACS_BODY = """
            Match({
                ('WFC', 'A', 'WFC1-2K', 2048, 'N/A') : UseAfter({ '1990-01-01 00:00:00' : 'aperture.fits' }),
                ('WFC', 'AD', 'N/A', 4144, 'N/A') : UseAfter({ '1990-01-01 00:00:00' : 'ad.fits' }),
                ('WFC', 'A', 'N/A', 4144, 1034.0) : UseAfter({ '1990-01-01 00:00:00' : 'half_rows.fits' }),
                ('WFC', 'B', 'N/A', 4144, 1023.5) : UseAfter({ '1990-01-01 00:00:00' : 'half_odd.fits' }),
            })""";

    /** An ACS BIASFILE rmap without {@code hooks}: the v1 precondition applies by naming convention. */
    private static final ReferenceMapping ACS_V1 = rmap("HST", "ACS", "BIASFILE", ACS_PARKEY, ACS_EXTRA, ACS_BODY);

    private static Map<String, String> acs(String detector, String amp, String aperture, String cols, String rows,
                                           String date) {
        return header("DETECTOR", detector, "CCDAMP", amp, "APERTURE", aperture, "NUMCOLS", cols, "NUMROWS", rows,
                "XCORNER", "0.0", "YCORNER", "0.0", "DATE-OBS", date, "TIME-OBS", "00:00:00");
    }

    // The APERTURE column holds N/A, so any aperture passes validation; FOO then simply fails to match.
    @Test
    void apertureIsIgnoredBeforeSm4() {
        assertEquals("aperture.fits", bestRef(ACS_V1, acs("WFC", "A", "WFC1-2K", "2048.0", "100.0", "2010-01-01")));
        assertEquals("aperture.fits", bestRef(ACS_V1, acs("WFC", "A", "FOO", "2048.0", "100.0", "2005-01-01")));
        assertEquals("NOT FOUND No match found.",
                bestRef(ACS_V1, acs("WFC", "A", "FOO", "2048.0", "100.0", "2010-01-01")));
    }

    @Test
    void wideReadoutsBeforeSm4CombineAmps() {
        assertEquals("ad.fits", bestRef(ACS_V1, acs("WFC", "A", "FOO", "4144.7", "100.0", "2005-01-01")));
        assertEquals("ad.fits", bestRef(ACS_V1, acs("WFC", "D", "FOO", "4144", "100.0", "2005-01-01")));
        assertEquals("ad.fits", bestrefs(ACS_V1, acs("WFC", "D", "FOO", "4144", "100", "2005-01-01")));
    }

    @Test
    void fullFrameWfcRowsAreHalvedWithTrueDivision() {
        assertEquals("half_rows.fits", bestRef(ACS_V1, acs("WFC", "A", "WFC1-2K", "4144.0", "2068", "2010-01-01")));
        assertEquals("half_odd.fits", bestRef(ACS_V1, acs("WFC", "B", "WFC1-2K", "4144.0", "2047.9", "2010-01-01")));
    }

    @Test
    void hookErrorsBecomeNotFoundStrings() {
        assertEquals("NOT FOUND One or more required date/time values is UNDEFINED",
                bestrefs(ACS_V1, header("DETECTOR", "WFC", "CCDAMP", "A")));
        assertEquals("NOT FOUND month must be in 1..12",
                bestRef(ACS_V1, acs("WFC", "A", "WFC1-2K", "2048.0", "100.0", "2001-13-01")));
        Map<String, String> noCorner = acs("WFC", "A", "WFC1-2K", "2048.0", "100.0", "2010-01-01");
        noCorner.remove("XCORNER");
        assertEquals("NOT FOUND 'XCORNER'", bestRef(ACS_V1, noCorner));
    }

    @Test
    void hooksNamingNoFunctionUnplugTheImplicitHook() {
        ReferenceMapping unplugged = rmap("HST", "ACS", "BIASFILE", ACS_PARKEY,
                ACS_EXTRA + "    'hooks' : { 'precondition_header' : 'none', 'fallback_header' : 'none' },\n", ACS_BODY);
        assertEquals("NOT FOUND No match found.",
                bestRef(unplugged, acs("WFC", "A", "FOO", "2048.0", "100.0", "2005-01-01")));
    }

    @Test
    void otherTypesOfTheSameInstrumentHaveNoHook() {
        ReferenceMapping dark = rmap("HST", "ACS", "DARKFILE", ACS_PARKEY, ACS_EXTRA, ACS_BODY);
        assertEquals("NOT FOUND No match found.",
                bestRef(dark, acs("WFC", "A", "FOO", "2048.0", "100.0", "2005-01-01")));
    }

    private static final String V2_PARKEY =
            "(('DETECTOR', 'CCDAMP', 'NAXIS1', 'NAXIS2', 'LTV1', 'LTV2'), ('DATE-OBS', 'TIME-OBS'))";
    private static final String V2_BODY = """
            Match({
                ('WFC', 'A', 4144, 2068, 24, 0) : UseAfter({ '1990-01-01 00:00:00' : 'full_frame.fits' }),
                ('WFC', 'A', 2048, 1024.0, 0, 0) : UseAfter({ '1990-01-01 00:00:00' : 'sub.fits' }),
            })""";

    @Test
    void namedV2FallbackRetriesWithFullFrameValues() {
        ReferenceMapping v2 = rmap("HST", "ACS", "BIASFILE", V2_PARKEY, ACS_EXTRA
                + "    'hooks' : { 'precondition_header' : 'precondition_header_acs_biasfile_v2',"
                + " 'fallback_header' : 'fallback_header_acs_biasfile_v2' },\n", V2_BODY);
        Map<String, String> sub = header("DETECTOR", "WFC", "CCDAMP", "A", "NAXIS1", "2048.0", "NAXIS2", "2048.0",
                "LTV1", "0.0", "LTV2", "0.0", "XCORNER", "0.0", "YCORNER", "0.0", "DATE-OBS", "2010-01-01", "TIME-OBS", "00:00:00");
        assertEquals("sub.fits", bestRef(v2, sub), "NAXIS2 2048 is halved to 1024.0 by the v2 precondition");
        sub.put("NAXIS1", "1000.0");
        assertEquals("full_frame.fits", bestRef(v2, sub), "the failed lookup is retried with full-frame values");

        ReferenceMapping noFallback = rmap("HST", "ACS", "BIASFILE", V2_PARKEY, ACS_EXTRA
                + "    'hooks' : { 'precondition_header' : 'precondition_header_acs_biasfile_v2' },\n", V2_BODY);
        assertEquals("NOT FOUND  parameter='NAXIS1' value='1000.0' is not in ['2048.0', '4144.0']", bestRef(noFallback, sub));
    }

    @Test
    void wfc3SubarrayWithoutSubApertureMatchesAnyAperture() {
        ReferenceMapping wfc3 = rmap("HST", "WFC3", "BIASFILE", "(('SUBARRAY', 'APERTURE'),)", "", """
                Match({ ('T', 'UVIS2-SUB') : 'sub.fits', ('F', 'UVIS') : 'full.fits' })""");
        assertEquals("sub.fits", bestRef(wfc3, header("SUBARRAY", "T", "APERTURE", "UVIS2-C1K1C")));
        assertEquals("NOT FOUND  parameter='APERTURE' value='UVIS-SUBX' is not in ['UVIS', 'UVIS2-SUB']",
                bestRef(wfc3, header("SUBARRAY", "T", "APERTURE", "UVIS-SUBX")));
        assertEquals("NOT FOUND  parameter='APERTURE' value='UVIS2-C1K1C' is not in ['UVIS', 'UVIS2-SUB']",
                bestRef(wfc3, header("SUBARRAY", "F", "APERTURE", "UVIS2-C1K1C")));
    }

    @Test
    void wfpc2FlatFallbackSwapsTheFilters() {
        ReferenceMapping wfpc2 = rmap("HST", "WFPC2", "FLATFILE", "(('FILTER1', 'FILTER2'),)", "",
                "Match({ ('F555W', 'CLEAR') : 'flat.fits' })");
        assertEquals("flat.fits", bestRef(wfpc2, header("FILTER1", "F555W", "FILTER2", "CLEAR")));
        assertEquals("flat.fits", bestRef(wfpc2, header("FILTER1", "CLEAR", "FILTER2", "F555W")));
        // The fallback's own failure is what is reported.
        assertEquals("NOT FOUND  parameter='FILTER1' value='CLEAR' is not in ['F555W']",
                bestRef(wfpc2, header("FILTER1", "F814W", "FILTER2", "CLEAR")));
    }
}
