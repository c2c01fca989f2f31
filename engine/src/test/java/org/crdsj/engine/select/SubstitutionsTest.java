package org.crdsj.engine.select;

import static org.crdsj.engine.rules.RmapFixtures.choose;
import static org.crdsj.engine.rules.RmapFixtures.header;
import static org.crdsj.engine.rules.RmapFixtures.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Load-time rewriting of Match keys by the header's and CRDS's default {@code substitutions} (spec 2.7). */
class SubstitutionsTest {

    @Test
    void defaultGenericSubarrayBecomesNaInEveryRmap() {
        Selector s = selector("(('DETECTOR', 'SUBARRAY'),)", "", """
                Match({
                    ('MIRIMAGE', 'GENERIC') : 'generic.fits',
                    ('MIRIMAGE', 'MASK1065') : 'mask.fits',
                })""");
        assertEquals(List.of(List.of("MIRIMAGE", "MASK1065"), List.of("MIRIMAGE", "N/A")),
                s.selections().stream().map(Selection::key).toList());
        assertEquals("generic.fits", choose(s, header("DETECTOR", "MIRIMAGE", "SUBARRAY", "FULL")));
        assertEquals("mask.fits", choose(s, header("DETECTOR", "MIRIMAGE", "SUBARRAY", "MASK1065")));
        // The dataset value is never substituted; GENERIC is just an unmatched literal, and N/A lets it pass.
        assertEquals("generic.fits", choose(s, header("DETECTOR", "MIRIMAGE", "SUBARRAY", "GENERIC")));
    }

    @Test
    void doctestKeysAreRewrittenThenConditioned() {
        Selector s = selector("(('META.INSTRUMENT.DETECTOR', 'META.INSTRUMENT.FILTER', 'META.INSTRUMENT.BAND', "
                + "'META.EXPOSURE.READPATT', 'META.SUBARRAY.NAME'),)",
                "    'substitutions' : { 'META.SUBARRAY.NAME' : { 'GENERIC' : 'N/A' } },\n", """
                Match({
                    ('MIRIFULONG', 'N/A', 'LONG', 'ANY', 'GENERIC') : 'a',
                    ('MIRIFUSHORT', 'N/A', 'LONG', 'ANY', 'FULL') : 'b',
                    ('MIRIMAGE', 'F1000W', 'N/A', 'FAST', 'MASK1065') : 'c',
                })""");
        assertEquals(List.of(
                List.of("MIRIFULONG", "N/A", "LONG", "*", "N/A"),
                List.of("MIRIFUSHORT", "N/A", "LONG", "*", "FULL"),
                List.of("MIRIMAGE", "F1000W", "N/A", "FAST", "MASK1065")),
                s.selections().stream().map(Selection::key).toList());
    }

    @Test
    void aRewrittenKeyEqualToAnotherOverwritesItsChoice() {
        // CRDS assigns the rewritten key into the same dict: the existing ('NEW',) entry takes the
        // substituted entry's choice, whichever was written first (checked against CRDS 13.2.7).
        for (String body : List.of("Match({ ('NEW',) : 'n', ('X',) : 'x', ('OLD',) : 'o' })",
                "Match({ ('OLD',) : 'o', ('X',) : 'x', ('NEW',) : 'n' })")) {
            Selector s = selector("(('F',),)", "    'substitutions' : { 'F' : { 'OLD' : 'NEW' } },\n", body);
            assertEquals(2, s.selections().size(), body);
            assertEquals("o", choose(s, header("F", "NEW")), body);
        }
    }

    @Test
    void substitutionSourceValueValidatesButMatchesLiterally() {
        Selector s = selector("(('F',),)", "    'substitutions' : { 'F' : { 'OLD' : 'NEW' } },\n",
                "Match({ ('NEW',) : 'n', ('X',) : 'x' })");
        assertEquals("NOT FOUND No match found.", choose(s, header("F", "OLD")));
        assertEquals("n", choose(s, header("F", "NEW")));
        assertEquals("NOT FOUND  parameter='F' value='Y' is not in ['NEW', 'X']", choose(s, header("F", "Y")));
    }

    @Test
    void listReplacementBecomesAnOrGlobInWrittenOrder() {
        Selector s = selector("(('F', 'G'),)", "    'substitutions' : { 'G' : { 'BOTH' : ['Z', 'A'] } },\n",
                "Match({ ('K', 'BOTH') : 'both' })");
        assertEquals(List.of(List.of("K", "Z|A")), s.selections().stream().map(Selection::key).toList());
        assertEquals("both", choose(s, header("F", "K", "G", "A")));
        assertEquals("both", choose(s, header("F", "K", "G", "Z")));
    }
}
