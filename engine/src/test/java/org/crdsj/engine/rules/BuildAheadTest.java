package org.crdsj.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.store.SyntaxCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A context load builds rmap selectors on a second thread while it compiles the rest in order;
 * what it reports must not depend on that: the first broken rmap in load order is the one named
 * (file:line:column), on every run, with and without the syntax cache, and a good context answers
 * as its rmaps compiled one by one do.
 */
class BuildAheadTest {
    private static final int RMAPS = 8;

    private static String rmap(int i, String body) {
        return "header = {\n"
                + "    'derived_from' : 'written for a unit test',\n"
                + "    'filekind' : 'TYPE" + i + "',\n"
                + "    'instrument' : 'ACS',\n"
                + "    'mapping' : 'REFERENCE',\n"
                + "    'name' : 'hst_acs_type" + i + ".rmap',\n"
                + "    'observatory' : 'HST',\n"
                + "    'parkey' : (('DETECTOR', 'FILTER1'), ('DATE-OBS', 'TIME-OBS')),\n"
                + "}\n\n"
                + "selector = Match({\n" + body + "})\n";
    }

    private static String goodBody(int i) {
        StringBuilder sb = new StringBuilder();
        String[] detectors = {"HRC", "WFC", "SBC"};
        for (int d = 0; d < detectors.length; d++) {
            sb.append("    ('").append(detectors[d]).append("', 'F").append(100 + i).append("W|CLEAR1L') : UseAfter({\n");
            sb.append("        '2002-03-01 00:00:00' : 'r").append(i).append(d).append("a_drk.fits',\n");
            sb.append("        '2005-03-01 00:00:00' : 'r").append(i).append(d).append("b_drk.fits',\n");
            sb.append("    }),\n");
        }
        sb.append("    ('N/A', '*') : 'N/A',\n");
        return sb.toString();
    }

    /** Writes the context; rmaps listed in {@code broken} get the given bodies instead. */
    private static Path context(Path dir, Map<Integer, String> broken) throws IOException {
        Path hst = Files.createDirectories(dir.resolve("hst"));
        StringBuilder imap = new StringBuilder("header = {\n    'derived_from' : 'test',\n    'instrument' : 'ACS',\n"
                + "    'mapping' : 'INSTRUMENT',\n    'name' : 'hst_acs_0001.imap',\n    'observatory' : 'HST',\n"
                + "    'parkey' : ('REFTYPE',),\n}\n\nselector = {\n");
        for (int i = 0; i < RMAPS; i++) {
            Files.writeString(hst.resolve("hst_acs_type" + i + ".rmap"), rmap(i, broken.getOrDefault(i, goodBody(i))));
            imap.append("    'type").append(i).append("' : 'hst_acs_type").append(i).append(".rmap',\n");
        }
        Files.writeString(hst.resolve("hst_acs_0001.imap"), imap.append("}\n").toString());
        Files.writeString(hst.resolve("hst_0001.pmap"), "header = {\n    'derived_from' : 'test',\n"
                + "    'mapping' : 'PIPELINE',\n    'name' : 'hst_0001.pmap',\n    'observatory' : 'HST',\n"
                + "    'parkey' : ('INSTRUME',),\n}\n\nselector = {\n    'ACS' : 'hst_acs_0001.imap',\n}\n");
        return dir;
    }

    @Test
    void theFirstBrokenRmapInLoadOrderIsReportedEveryTime(@TempDir Path dir) throws IOException {
        // type2: a key repeated after conditioning (its second spelling, line 13); type5: a malformed 'between' key.
        String duplicate = "    ('HRC', 'F1W') : 'a.fits',\n    ('hrc', 'F1W') : 'b.fits',\n";
        String between = "    ('HRC', 'between 5') : 'a.fits',\n";
        Path root = context(dir.resolve("rules"), Map.of(2, duplicate, 5, between));
        for (int run = 0; run < 30; run++) {
            SyntaxCache cache = run % 2 == 0 ? null : SyntaxCache.open(dir.resolve("cache"));
            MappingLoader loader = new MappingLoader(new MappingLocator(root), new LoadOptions(false), cache);
            RulesException e = assertThrows(RulesException.class, () -> loader.load("hst_0001.pmap"));
            assertEquals("hst_acs_type2.rmap", e.pos().file(), e.getMessage());
            assertEquals(13, e.pos().line(), e.getMessage());
            assertEquals(5, e.pos().column(), e.getMessage());
        }
        // With the first one fixed, the other is reported, at its own place.
        Path second = context(dir.resolve("rules2"), Map.of(5, between));
        RulesException e = assertThrows(RulesException.class, () ->
                new MappingLoader(new MappingLocator(second), new LoadOptions(false)).load("hst_0001.pmap"));
        assertEquals("hst_acs_type5.rmap", e.pos().file(), e.getMessage());
        assertEquals(12, e.pos().line(), e.getMessage());
    }

    /**
     * The read-ahead follows the closure as it is parsed and takes the biggest rmaps first, so it
     * meets the broken files of a later instrument long before the loading thread reaches them:
     * still the first broken file in load order is reported. ACS (first) has a small rmap with a
     * syntax error at its end; WFC3 (second) has big rmaps with a build error, a syntax error and a
     * missing file.
     */
    @Test
    void laterInstrumentsReadAheadFirstDoNotChangeTheFirstError(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules");
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < 3000; i++) cases.append("    ('HRC', 'F").append(i).append("W') : 'w").append(i).append(".fits',\n");
        String big = cases.toString();
        twoInstruments(rules, Map.of(RMAPS - 1, "    ('HRC', 'F1W') : 'a.fits',\n    (\n"),
                big + "    ('hrc', 'F1W') : 'again.fits',\n", big + "    ('HRC', 'F1W') 'x.fits',\n");
        String expected = null;
        for (int run = 0; run < 20; run++) {
            SyntaxCache cache = run % 2 == 0 ? null : SyntaxCache.open(dir.resolve("cache" + run));
            MappingLoader loader = new MappingLoader(new MappingLocator(rules), new LoadOptions(false), cache);
            RulesException e = assertThrows(RulesException.class, () -> loader.load("hst_0001.pmap"));
            assertEquals("hst_acs_type" + (RMAPS - 1) + ".rmap", e.pos().file(), e.getMessage());
            if (expected == null) expected = e.getMessage();
            assertEquals(expected, e.getMessage());
        }
        // ACS fixed: WFC3's files in load order: the build error, then the syntax error, then the missing file.
        twoInstruments(rules, Map.of(), big + "    ('hrc', 'F1W') : 'again.fits',\n", big + "    ('HRC', 'F1W') 'x.fits',\n");
        RulesException e = assertThrows(RulesException.class, () ->
                new MappingLoader(new MappingLocator(rules), new LoadOptions(false)).load("hst_0001.pmap"));
        assertEquals("hst_wfc3_big0.rmap", e.pos().file(), e.getMessage());
        assertEquals(3012, e.pos().line(), e.getMessage());
        twoInstruments(rules, Map.of(), big, big + "    ('HRC', 'F1W') 'x.fits',\n");
        e = assertThrows(RulesException.class, () ->
                new MappingLoader(new MappingLocator(rules), new LoadOptions(false)).load("hst_0001.pmap"));
        assertEquals("hst_wfc3_big1.rmap", e.pos().file(), e.getMessage());
        assertEquals(RulesException.Kind.SYNTAX, e.kind(), e.getMessage());
        twoInstruments(rules, Map.of(), big, big);
        e = assertThrows(RulesException.class, () ->
                new MappingLoader(new MappingLocator(rules), new LoadOptions(false)).load("hst_0001.pmap"));
        assertEquals(RulesException.Kind.MISSING_FILE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("hst_wfc3_missing.rmap"), e.getMessage());
    }

    /** ACS as {@link #context}, then WFC3: two big rmaps with the given bodies and a name with no file. */
    private static void twoInstruments(Path dir, Map<Integer, String> brokenAcs, String big0, String big1) throws IOException {
        Path hst = context(dir, brokenAcs).resolve("hst");
        String header = "header = {\n    'derived_from' : 'test',\n    'filekind' : 'BIG%d',\n    'instrument' : 'WFC3',\n"
                + "    'mapping' : 'REFERENCE',\n    'name' : 'hst_wfc3_big%d.rmap',\n    'observatory' : 'HST',\n"
                + "    'parkey' : (('DETECTOR', 'FILTER1'),),\n}\n\nselector = Match({\n";
        Files.writeString(hst.resolve("hst_wfc3_big0.rmap"), String.format(header, 0, 0) + big0 + "})\n");
        Files.writeString(hst.resolve("hst_wfc3_big1.rmap"), String.format(header, 1, 1) + big1 + "})\n");
        Files.writeString(hst.resolve("hst_wfc3_0001.imap"), "header = {\n    'derived_from' : 'test',\n"
                + "    'instrument' : 'WFC3',\n    'mapping' : 'INSTRUMENT',\n    'name' : 'hst_wfc3_0001.imap',\n"
                + "    'observatory' : 'HST',\n    'parkey' : ('REFTYPE',),\n}\n\nselector = {\n"
                + "    'big0' : 'hst_wfc3_big0.rmap',\n    'big1' : 'hst_wfc3_big1.rmap',\n"
                + "    'gone' : 'hst_wfc3_missing.rmap',\n}\n");
        Files.writeString(hst.resolve("hst_0001.pmap"), "header = {\n    'derived_from' : 'test',\n"
                + "    'mapping' : 'PIPELINE',\n    'name' : 'hst_0001.pmap',\n    'observatory' : 'HST',\n"
                + "    'parkey' : ('INSTRUME',),\n}\n\nselector = {\n    'ACS' : 'hst_acs_0001.imap',\n"
                + "    'WFC3' : 'hst_wfc3_0001.imap',\n}\n");
    }

    @Test
    void aContextAnswersAsItsRmapsCompiledOneByOne(@TempDir Path dir) throws IOException {
        Path root = context(dir, Map.of());
        PipelineContext loaded = (PipelineContext) new MappingLoader(new MappingLocator(root), new LoadOptions(false))
                .load("hst_0001.pmap");
        Context context = new Context(loaded);
        for (String detector : List.of("HRC", "WFC", "SBC", "JUNK")) {
            for (String date : List.of("2001-01-01", "2003-01-01", "2006-01-01")) {
                for (int i = 0; i < RMAPS; i++) {
                    Map<String, String> header = Map.of("INSTRUME", "ACS", "DETECTOR", detector, "FILTER1",
                            "F" + (100 + i) + "W", "DATE-OBS", date, "TIME-OBS", "00:00:00");
                    ReferenceMapping alone = RmapFixtures.compile("hst_acs_type" + i + ".rmap",
                            Files.readString(root.resolve("hst").resolve("hst_acs_type" + i + ".rmap")));
                    assertEquals(String.valueOf(alone.bestRef(header)),
                            String.valueOf(context.bestrefs(header).results().get("type" + i)), detector + " " + date + " " + i);
                }
            }
        }
    }
}
