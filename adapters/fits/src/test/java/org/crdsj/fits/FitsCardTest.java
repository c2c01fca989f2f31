package org.crdsj.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Card values as Python's str() of astropy's value; card images as astropy formats them. */
class FitsCardTest {
    private static FitsCard card(String text) {
        return FitsCard.parse(FitsCard.padRight(text, 80));
    }

    @Test
    void stringsLoseQuotesAndTrailingBlanksButKeepLeadingOnes() {
        assertEquals("EXP-DTH", card("ASN_MTYP= 'EXP-DTH     '       / Role of the member").pythonValue());
        assertEquals("Role of the member", card("ASN_MTYP= 'EXP-DTH     '       / Role of the member").comment());
        assertEquals("  a", card("X       = '  a  '").pythonValue());
        assertEquals("it's", card("X       = 'it''s'").pythonValue());
        assertEquals("a/b", card("X       = 'a/b' / c").pythonValue());
        assertEquals("", card("X       = ''").pythonValue());
        assertEquals("", card("X       = '        '").pythonValue());
    }

    @Test
    void numbersAreIntegersOrPythonFloats() {
        assertEquals("3", card("CAMERA  =                    3 / camera").pythonValue());
        assertEquals(FitsCard.Kind.INTEGER, card("CAMERA  =                    3").kind());
        assertEquals("-12", card("X       = -0012").pythonValue());
        assertEquals("7", card("X       = +7").pythonValue());
        assertEquals("2.0", card("CCDGAIN =                  2.0 / gain").pythonValue());
        assertEquals("0.0", card("MEANFLSH=             0.000000 / Mean").pythonValue());
        assertEquals("19.0", card("LTV1    =        19.0").pythonValue());
        assertEquals("2.0", card("X       = 2.").pythonValue());
        assertEquals("1e-05", card("X       = 1.0E-5").pythonValue());
        assertEquals("12300.0", card("X       = 1.23D4").pythonValue());
        assertEquals("1e+16", card("X       = 1E16").pythonValue());
        assertEquals("123456789012345678901234567890", card("X       = 123456789012345678901234567890").pythonValue());
    }

    @Test
    void logicalsAndOddities() {
        assertEquals("True", card("SIMPLE  =                    T / conforms").pythonValue());
        assertEquals("False", card("X       =                    F").pythonValue());
        assertEquals(FitsCard.Kind.UNDEFINED, card("X       =                      / nothing").kind());
        assertEquals(FitsCard.Kind.COMMENTARY, card("HISTORY some text").kind());
        assertEquals("some text", card("HISTORY some text").pythonValue());
        assertEquals(" / SCIENCE INSTRUMENT", card("          / SCIENCE INSTRUMENT").pythonValue().substring(1));
        assertEquals("", card("").keyword());
        assertNull(card("X       = 1").comment());
        assertEquals("ESO DET CHIP", card("HIERARCH ESO DET CHIP = 'CCD1' / chip").keyword());
        assertEquals("CCD1", card("HIERARCH ESO DET CHIP = 'CCD1' / chip").pythonValue());
    }

    @Test
    void unparsableValuesAsAstropysFixLeavesThem() {
        assertEquals("abc", card("X       = abc / a comment").pythonValue());
        assertEquals("a comment", card("X       = abc / a comment").comment());
        assertEquals(FitsCard.Kind.UNPARSED, card("X       = 12 abc").kind());
        assertEquals("12 abc", card("X       = 12 abc").pythonValue().strip());
        assertEquals("'abc", card("X       = 'abc").pythonValue());
        assertEquals("abc'def", card("X       = 'abc'def'").pythonValue());
        FitsCard noIndicator = card("DATE    2003-01-01");
        assertEquals("DATE", noIndicator.keyword());
        assertEquals(false, noIndicator.isCommentary());
        assertEquals("2003-01-01", noIndicator.pythonValue().strip());
    }

    @Test
    void formattedLikeAstropy() {
        assertEquals(FitsCard.padRight("CRDS_CTX= 'hst_0100.pmap'", 80), FitsCard.formatString("CRDS_CTX", "hst_0100.pmap", null));
        assertEquals(FitsCard.padRight("DARKFILE= 'N/A     '           / dark image file name", 80),
                FitsCard.formatString("DARKFILE", "N/A", "dark image file name"));
        assertEquals(FitsCard.padRight("X       = ''", 80), FitsCard.formatString("X", "", null));
        String longComment = "c".repeat(100);
        assertEquals(80, FitsCard.formatString("X", "v", longComment).length());
        assertThrows(IllegalArgumentException.class, () -> FitsCard.formatString("X", "v".repeat(75), null));
        FitsCard back = FitsCard.parse(FitsCard.formatString("BIASFILE", "jref$m4r1753rj_bia.fits", "bias"));
        assertEquals("jref$m4r1753rj_bia.fits", back.pythonValue());
        assertEquals("bias", back.comment());
    }
}
