package org.crdsj.engine.rules;

import static org.crdsj.engine.rules.RmapFixtures.bestRef;
import static org.crdsj.engine.rules.RmapFixtures.bestrefs;
import static org.crdsj.engine.rules.RmapFixtures.header;
import static org.crdsj.engine.rules.RmapFixtures.hst;
import static org.crdsj.engine.rules.RmapFixtures.rmap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** rmap_omit, rmap_relevance, parkey_relevance and comment_parkeys as bestrefs applies them (spec 2.1, 2.5, 5.6). */
class HeaderExpressionsTest {
    private static final String PARKEY = "(('DETECTOR', 'CCDAMP'),)";
    private static final String BODY = """
            Match({
                ('HRC', 'A') : 'hrc_a.fits',
                ('HRC', 'B') : 'hrc_b.fits',
                ('SBC', 'A') : 'sbc_a.fits',
            })""";

    private static ReferenceMapping with(String field, String value) {
        return hst(PARKEY, "    '" + field + "' : " + value + ",\n", BODY);
    }

    @Test
    void omitTrueIsFoldedToAnUndefinedNameAndSoNeverOmits() {
        ReferenceMapping r = with("rmap_omit", "'True'");
        assertEquals("hrc_a.fits", bestRef(r, header("DETECTOR", "HRC", "CCDAMP", "A")));
        // Parentheses protect the case: '(True)' stays True and omits.
        assertEquals("OMITTED", bestRef(with("rmap_omit", "'(True)'"), header("DETECTOR", "HRC", "CCDAMP", "A")));
    }

    @Test
    void omitExpression() {
        ReferenceMapping r = with("rmap_omit", "'(DETECTOR == \"SBC\")'");
        assertEquals("OMITTED", bestRef(r, header("DETECTOR", "SBC", "CCDAMP", "A")));
        assertEquals("hrc_b.fits", bestRef(r, header("DETECTOR", "HRC", "CCDAMP", "B")));
        // Omit is checked before relevance and before validation.
        assertEquals("OMITTED", bestRef(r, header("DETECTOR", "SBC", "CCDAMP", "ZZZ")));
    }

    @Test
    void relevanceFalseIsNotApplicableAndErrorsCountAsRelevant() {
        ReferenceMapping r = with("rmap_relevance", "'(DETECTOR != \"SBC\")'");
        assertEquals("NOT FOUND n/a", bestRef(r, header("DETECTOR", "SBC", "CCDAMP", "A")));
        assertEquals("hrc_a.fits", bestRef(r, header("DETECTOR", "HRC", "CCDAMP", "A")));
        assertEquals("hrc_a.fits", bestRef(with("rmap_relevance", "'(FOO == \"X\")'"), header("DETECTOR", "HRC", "CCDAMP", "A")));
        assertEquals("sbc_a.fits", bestRef(with("rmap_relevance", "'ALWAYS'"), header("DETECTOR", "SBC", "CCDAMP", "A")));
        // An ordering comparison between a string and a number is a TypeError: swallowed, relevant.
        assertEquals("sbc_a.fits", bestRef(with("rmap_relevance", "'(DETECTOR < 3)'"), header("DETECTOR", "SBC", "CCDAMP", "A")));
    }

    @Test
    void parkeyRelevanceSetsIrrelevantParametersToNa() {
        ReferenceMapping r = with("parkey_relevance", "{ 'CCDAMP' : '(DETECTOR != \"SBC\")' }");
        assertEquals("sbc_a.fits", bestRef(r, header("DETECTOR", "SBC", "CCDAMP", "B")));
        assertEquals("sbc_a.fits", bestRef(r, header("DETECTOR", "SBC", "CCDAMP", "XX")));
        assertEquals("hrc_b.fits", bestRef(r, header("DETECTOR", "HRC", "CCDAMP", "B")));
        ReferenceMapping none = hst(PARKEY, "", BODY);
        assertEquals("NOT FOUND No match found.", bestRef(none, header("DETECTOR", "SBC", "CCDAMP", "B")));
        assertEquals("NOT FOUND  parameter='CCDAMP' value='XX' is not in ['A', 'B']",
                bestRef(none, header("DETECTOR", "SBC", "CCDAMP", "XX")));
    }

    @Test
    void parkeyRelevanceErrorsAreNotSwallowed() {
        ReferenceMapping r = with("parkey_relevance", "{ 'ccdamp' : '(FOO == \"X\")' }");
        assertEquals("NOT FOUND name 'FOO' is not defined", bestRef(r, header("DETECTOR", "HRC", "CCDAMP", "A")));
    }

    @Test
    void parkeyRelevanceSeesMissingParkeysAsUndefined() {
        ReferenceMapping r = with("parkey_relevance", "{ 'ccdamp' : '(CCDAMP != \"UNDEFINED\")' }");
        // CCDAMP is absent from the raw header: the expression sees UNDEFINED and maps it to N/A.
        assertEquals("sbc_a.fits", bestRef(r, header("DETECTOR", "SBC")));
    }

    @Test
    void commentParkeysAreAlwaysNaAndOverrideRelevance() {
        ReferenceMapping r = with("comment_parkeys", "('CCDAMP',)");
        assertEquals("('hrc_a.fits', 'hrc_b.fits')", bestRef(r, header("DETECTOR", "HRC", "CCDAMP", "A")));
        ReferenceMapping both = hst(PARKEY, "    'comment_parkeys' : ('CCDAMP',),\n"
                + "    'parkey_relevance' : { 'ccdamp' : 'True' },\n", BODY);
        assertEquals("sbc_a.fits", bestRef(both, header("DETECTOR", "SBC", "CCDAMP", "B")));
    }

    @Test
    void dottedParkeysAreRewrittenToUnderscoreNames() {
        ReferenceMapping r = rmap("JWST", "NIRSPEC", "FLAT", "(('META.INSTRUMENT.DETECTOR',),)",
                "    'rmap_relevance' : '(META.INSTRUMENT.DETECTOR != \"NRS2\")',\n",
                "Match({ ('NRS1',) : 'nrs1.fits', ('NRS2',) : 'nrs2.fits' })");
        assertEquals("NOT FOUND n/a", bestRef(r, header("META.INSTRUMENT.DETECTOR", "NRS2")));
        assertEquals("nrs1.fits", bestRef(r, header("META.INSTRUMENT.DETECTOR", "NRS1")));
        assertEquals("nrs1.fits", bestrefs(r, header("META.INSTRUMENT.DETECTOR", "nrs1")));
    }

    @Test
    void dottedNamesThatAreNotParkeysAreLoadErrors() {
        RulesException e = assertThrows(RulesException.class, () -> rmap("JWST", "NIRSPEC", "FLAT",
                "(('META.INSTRUMENT.DETECTOR',),)", "    'rmap_relevance' : '(META.EXPOSURE.TYPE == \"X\")',\n",
                "Match({ ('NRS1',) : 'nrs1.fits' })"));
        assertEquals(RulesException.Kind.BAD_EXPRESSION, e.kind());
    }
}
