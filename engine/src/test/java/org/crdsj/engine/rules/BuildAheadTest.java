package org.crdsj.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
