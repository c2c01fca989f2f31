package org.crdsj.engine.refactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.rules.MappingText;
import org.crdsj.grammar.MappingParser;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.Test;

/** The insertion walk of spec §6.2 on a small HST rmap: new case, new date, replacement, overlap, deletion. */
class RmapEditorTest {
    private static final String RMAP = """
            header = {
                'derived_from' : 'test',
                'filekind' : 'BIASFILE',
                'instrument' : 'ACS',
                'mapping' : 'REFERENCE',
                'name' : 'hst_acs_biasfile_test.rmap',
                'observatory' : 'HST',
                'parkey' : (('DETECTOR', 'CCDAMP'), ('DATE-OBS', 'TIME-OBS')),
                'sha1sum' : 'none',
            }

            selector = Match({
                ('WFC', 'B') : UseAfter({
                    '2019-01-01 00:00:00' : 'b.fits',
                }),
            })
            """;

    private static RmapEditor editor() {
        return RmapEditor.of(MappingParser.parse(RMAP, "hst_acs_biasfile_test.rmap"));
    }

    private static Map<String, String> ref(String amp, String useafter) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("DETECTOR", "WFC");
        h.put("CCDAMP", amp);
        h.put("USEAFTER", useafter);
        return h;
    }

    private static String insert(RmapEditor e, String file, String amp, String useafter) {
        return MappingText.format(insertEditor(e, file, amp, useafter).syntax());
    }

    private static RmapEditor insertEditor(RmapEditor e, String file, String amp, String useafter) {
        return e.insert(e.datasetParameters(ref(amp, useafter), false), file, Map.of());
    }

    @Test
    void newCaseGetsNestedUseAfter() {
        String text = insert(editor(), "a.fits", "A", "Jan 01 2020 00:00:00");
        assertTrue(text.contains("    ('WFC', 'A') : UseAfter({\n        '2020-01-01 00:00:00' : 'a.fits',\n    }),\n    ('WFC', 'B')"), text);
    }

    @Test
    void sameCaseLaterDateAddsADateAndSameDateReplaces() {
        RmapEditor a = insertEditor(editor(), "a.fits", "A", "Jan 01 2020 00:00:00");
        RmapEditor b = insertEditor(a, "b2.fits", "A", "Jun 01 2021 00:00:00");
        String text = MappingText.format(b.syntax());
        assertTrue(text.contains("'2020-01-01 00:00:00' : 'a.fits',\n        '2021-06-01 00:00:00' : 'b2.fits',"), text);
        String replaced = insert(b, "c.fits", "A", "Jan 01 2020 00:00:00");
        assertTrue(replaced.contains("'2020-01-01 00:00:00' : 'c.fits',") && !replaced.contains("a.fits"), replaced);
    }

    @Test
    void orPatternIsASeparateSortedCase() {
        String text = insert(editor(), "d.fits", "B | A", "Jan 01 2020 00:00:00");
        assertTrue(text.contains("('WFC', 'A|B') : UseAfter({"), text);
    }

    @Test
    void fileMatchesNameEachLevel() {
        RmapEditor a = insertEditor(editor(), "a.fits", "A", "Jan 01 2020 00:00:00");
        assertEquals(List.of(List.of(List.of(List.of("DETECTOR", "WFC"), List.of("CCDAMP", "A")),
                List.of(List.of("DATE-OBS", "2020-01-01"), List.of("TIME-OBS", "00:00:00")))), a.fileMatches("a.fits"));
    }

    @Test
    void badUseafterAndIllegalValuesAreRefused() {
        RefactorException bad = assertThrows(RefactorException.class, () -> editor().datasetParameters(ref("A", "yesterday"), false));
        assertEquals("Bad USEAFTER time format = 'yesterday'", bad.getMessage());
        RmapEditor e = editor();
        Map<String, String> params = e.datasetParameters(ref("Q", "Jan 01 2020 00:00:00"), false);
        RefactorException illegal = assertThrows(RefactorException.class,
                () -> e.insert(params, "q.fits", Map.of("CCDAMP", List.of("A", "B"))));
        assertTrue(illegal.getMessage().startsWith("Failed inserting 'q.fits' into rmap: 'hst_acs_biasfile_test.rmap' with header:\n {"), illegal.getMessage());
        assertTrue(illegal.getMessage().endsWith(" \n :  parameter='CCDAMP' value='Q' is not in ('A', 'B')"), illegal.getMessage());
    }

    @Test
    void deleteRemovesEmptiedCasesAndRefusesUnknownNames() {
        RmapEditor a = insertEditor(editor(), "a.fits", "A", "Jan 01 2020 00:00:00");
        String text = MappingText.format(a.delete("b.fits").syntax());
        assertTrue(!text.contains("('WFC', 'B')") && text.contains("a.fits"), text);
        RefactorException e = assertThrows(RefactorException.class, () -> editor().delete("zz.fits"));
        assertEquals("Terminal 'zz.fits' could not be found and deleted.", e.getMessage());
    }

    @Test
    void headerFieldsAreSetAndDeleted() {
        RmapEditor e = editor().withHeaderField("extra", new Value.Str("x y", SourcePos.UNKNOWN)).withoutHeaderField("derived_from");
        String text = MappingText.format(e.syntax());
        assertTrue(text.contains("'extra' : 'x y',") && !text.contains("derived_from"), text);
        assertEquals("'nothing'", assertThrows(RefactorException.class, () -> editor().withoutHeaderField("nothing")).getMessage());
    }
}
