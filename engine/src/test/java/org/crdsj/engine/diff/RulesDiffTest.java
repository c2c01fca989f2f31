package org.crdsj.engine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.crdsj.engine.golden.Corpus;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.engine.rules.RulesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unit and property tests of {@link RulesDiff} on small hand-written and randomly edited rmaps. */
class RulesDiffTest {

    @TempDir Path dir;

    private static final String HEADER = "header = {\n"
            + "    'derived_from' : 'made by hand',\n"
            + "    'filekind' : 'DARKFILE',\n"
            + "    'instrument' : 'ACS',\n"
            + "    'mapping' : 'REFERENCE',\n"
            + "    'name' : '%s',\n"
            + "    'observatory' : 'HST',\n"
            + "    'parkey' : (('DETECTOR', 'CCDAMP'), ('DATE-OBS', 'TIME-OBS')),\n"
            + "%s"
            + "    'sha1sum' : 'unchecked',\n"
            + "}\n\n";

    private Mapping rmap(String name, String extraHeader, String selector) {
        return new MappingLoader(new MappingLocator(dir), new LoadOptions(false))
                .compile(name, String.format(HEADER, name, extraHeader) + "selector = " + selector + "\n");
    }

    private static List<String> lines(List<Difference> diffs) {
        List<String> out = new ArrayList<>();
        for (Difference d : diffs) out.add(d.repr());
        return out;
    }

    @Test
    void messagesOfEveryKindAtBothSelectorLevels() {
        Mapping a = rmap("a.rmap", "", "Match({\n"
                + "    ('HRC', 'A') : UseAfter({ '2002-01-01 00:00:00' : 'x.fits', '2003-01-01 00:00:00' : 'y.fits' }),\n"
                + "    ('WFC', 'A|B') : UseAfter({ '2002-01-01 00:00:00' : 'w.fits' }),\n"
                + "    ('SBC', 'N/A') : 'N/A',\n"
                + "})");
        Mapping b = rmap("b.rmap", "", "Match({\n"
                + "    ('HRC', 'A') : UseAfter({ '2002-01-01 00:00:00' : 'x2.fits', '2004-01-01 00:00:00' : 'z.fits' }),\n"
                + "    ('SBC', 'N/A') : UseAfter({ '2002-01-01 00:00:00' : 's.fits' }),\n"
                + "    (1, 2.50) : 'q.fits',\n"
                + "})");
        assertEquals(List.of(
                "(('a.rmap', 'b.rmap'), ('HRC', 'A'), ('2002-01-01', '00:00:00'), \"replaced 'x.fits' with 'x2.fits'\")",
                "(('a.rmap', 'b.rmap'), ('HRC', 'A'), ('2003-01-01', '00:00:00'), \"deleted terminal 'y.fits'\")",
                "(('a.rmap', 'b.rmap'), ('HRC', 'A'), ('2004-01-01', '00:00:00'), \"added terminal 'z.fits'\")",
                "(('a.rmap', 'b.rmap'), ('WFC', 'A|B'), ('2002-01-01', '00:00:00'), \"deleted Match rule for 'w.fits'\")",
                "(('a.rmap', 'b.rmap'), ('1', '2.5'), \"added Match rule for 'q.fits'\")",
                "(('a.rmap', 'b.rmap'), ('SBC', 'N/A'), \"replaced 'N/A' with UseAfterSelector(('DATE-OBS', 'TIME-OBS'), nselections=1)\")"),
                lines(RulesDiff.differences(a, b, DiffOptions.DEFAULT)));
        // The other way round a nested selector meets a plain value: a class difference.
        assertTrue(lines(RulesDiff.differences(b, a, DiffOptions.DEFAULT)).contains(
                "(('b.rmap', 'a.rmap'), ('SBC', 'N/A'), 'different classes UseAfter : N/A')"));
    }

    @Test
    void differentSelectorClassesAndParameters() {
        Mapping match = rmap("a.rmap", "", "Match({ ('HRC', 'A') : 'x.fits' })");
        Mapping useAfter = rmap("b.rmap", "", "UseAfter({ '2002-01-01 00:00:00' : 'x.fits' })");
        assertEquals(List.of("(('a.rmap', 'b.rmap'), 'different classes Match : UseAfter')"),
                lines(RulesDiff.differences(match, useAfter, DiffOptions.DEFAULT)));
        Mapping other = new MappingLoader(new MappingLocator(dir), new LoadOptions(false)).compile("c.rmap",
                String.format(HEADER, "c.rmap", "").replace("('DETECTOR', 'CCDAMP')", "('DETECTOR',)")
                        + "selector = Match({ 'HRC' : 'x.fits' })\n");
        assertEquals(List.of("(('a.rmap', 'c.rmap'), \"different parameter lists  ('DETECTOR', 'CCDAMP') : ('DETECTOR',)\")"),
                lines(RulesDiff.differences(match, other, DiffOptions.DEFAULT)));
    }

    @Test
    void headerDifferencesAreLowerCasedExceptExpressions() {
        Mapping a = rmap("a.rmap", "    'rmap_relevance' : '(DETECTOR == \"HRC\")',\n    'reffile_required' : 'YES',\n"
                + "    'extra' : {'K' : 1.50},\n", "Match({ ('HRC', 'A') : 'x.fits' })");
        Mapping b = rmap("b.rmap", "    'reffile_required' : 'yes',\n    'extra' : {'K' : 1.5},\n    'note' : 'New',\n",
                "Match({ ('HRC', 'A') : 'x.fits' })");
        List<String> all = lines(RulesDiff.differences(a, b, DiffOptions.WITH_HEADERS));
        assertEquals(List.of(
                "(('a.rmap', 'b.rmap'), 'deleted header \\'rmap_relevance\\' = \\'(DETECTOR == \"HRC\")\\'')",
                "(('a.rmap', 'b.rmap'), \"header added 'note' = 'new'\")",
                "(('a.rmap', 'b.rmap'), \"header replaced 'name' = 'a.rmap' with 'b.rmap'\")"), all);
        assertTrue(RulesDiff.differences(a, b, DiffOptions.DEFAULT).isEmpty(), "no rule differences");
        assertEquals(1, RulesDiff.removeBoring(RulesDiff.differences(a, b, DiffOptions.WITH_HEADERS)).size() - 1);
    }

    @Test
    void keysAreShownAsWrittenBeforeSubstitutions() {
        String subs = "    'substitutions' : {'CCDAMP' : {'GENERIC' : 'N/A'}},\n";
        Mapping a = rmap("a.rmap", subs, "Match({ ('HRC', 'GENERIC') : 'x.fits' })");
        Mapping b = rmap("b.rmap", subs, "Match({ ('HRC', 'GENERIC') : 'y.fits' })");
        assertEquals(List.of("(('a.rmap', 'b.rmap'), ('HRC', 'GENERIC'), \"replaced 'x.fits' with 'y.fits'\")"),
                lines(RulesDiff.differences(a, b, DiffOptions.DEFAULT)));
    }

    @Test
    void affectedModesNameTheParameters() {
        Mapping a = rmap("a.rmap", "", "Match({ ('HRC', 'A') : UseAfter({ '2002-01-01 00:00:00' : 'x.fits' }) })");
        Mapping b = rmap("b.rmap", "", "Match({ ('HRC', 'A') : UseAfter({ '2002-01-01 00:00:00' : 'y.fits', '2003-01-01 00:00:00' : 'z.fits' }) })");
        List<AffectedMode> modes = RulesDiff.affectedModes(RulesDiff.differences(a, b, DiffOptions.DEFAULT));
        assertEquals(1, modes.size());
        assertEquals("INSTRUMENT='ACS' REFTYPE='DARKFILE' DETECTOR='HRC' CCDAMP='A' DIFF_COUNT='2'", modes.get(0).format());
    }

    /** Every loadable corpus mapping compared with itself: nothing, headers included. */
    @Test
    void aMappingHasNoDifferencesWithItself() throws IOException {
        Path mappings = Corpus.mappings();
        int compared = 0;
        try (Stream<Path> files = Files.walk(mappings)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.[pir]map$")).sorted()::iterator) {
                Mapping m;
                try {
                    m = new MappingLoader(new MappingLocator(mappings), new LoadOptions(false)).loadFile(p);
                } catch (RulesException e) {
                    continue;   // the corpus's deliberately broken files
                }
                assertEquals(List.of(), lines(RulesDiff.differences(m, m, DiffOptions.WITH_HEADERS)), p.toString());
                compared++;
            }
        }
        assertTrue(compared > 100, "compared " + compared);
    }

    // ------------------------------------------------------------------ property: added <-> deleted

    /**
     * Randomly edited rmaps: the differences from A to B are those from B to A with the pair
     * swapped, added and deleted exchanged and replacements reversed.
     */
    @Test
    void reversingTheComparisonSwapsAddedAndDeleted() {
        long seed = 20261123L;
        System.out.println("RulesDiffTest.reversingTheComparisonSwapsAddedAndDeleted seed=" + seed);
        Random rnd = new Random(seed);
        int seen = 0;
        for (int round = 0; round < 200; round++) {
            Map<List<String>, Map<String, String>> base = randomRules(rnd);
            Map<List<String>, Map<String, String>> edited = edit(base, rnd);
            Mapping a = rmap("a.rmap", "", text(base)), b = rmap("b.rmap", "", text(edited));
            List<String> forward = lines(RulesDiff.differences(a, b, DiffOptions.DEFAULT));
            List<String> backward = new ArrayList<>();
            for (Difference d : RulesDiff.differences(b, a, DiffOptions.DEFAULT)) backward.add(reversed(d).repr());
            backward.sort(null);
            List<String> sortedForward = new ArrayList<>(forward);
            sortedForward.sort(null);
            assertEquals(sortedForward, backward, "round " + round + " seed " + seed + "\nA=" + text(base) + "\nB=" + text(edited));
            if (base.equals(edited)) assertTrue(forward.isEmpty());
            seen += forward.size();
        }
        assertTrue(seen > 200, "the edits produced only " + seen + " differences");
    }

    @Test
    void addedRmapsAffectTheirTypeAndRecurseWhenAsked() throws IOException {
        Files.writeString(dir.resolve("hst_acs_darkfile_0001.rmap"), String.format(HEADER, "hst_acs_darkfile_0001.rmap", "")
                + "selector = Match({ ('HRC', 'A') : UseAfter({ '2002-01-01 00:00:00' : 'x.fits' }) })\n");
        String imap = "header = {\n    'derived_from' : 'by hand',\n    'instrument' : 'ACS',\n    'mapping' : 'INSTRUMENT',\n"
                + "    'name' : '%s',\n    'observatory' : 'HST',\n    'parkey' : ('REFTYPE',),\n    'sha1sum' : 'x',\n}\n\n"
                + "selector = {\n%s}\n";
        Files.writeString(dir.resolve("hst_acs_0001.imap"), String.format(imap, "hst_acs_0001.imap", "    'darkfile' : 'N/A',\n"));
        Files.writeString(dir.resolve("hst_acs_0002.imap"), String.format(imap, "hst_acs_0002.imap",
                "    'darkfile' : 'hst_acs_darkfile_0001.rmap',\n    'biasfile' : 'N/A',\n"));
        MappingLoader loader = new MappingLoader(new MappingLocator(dir), new LoadOptions(false));
        Mapping a = loader.loadFile(dir.resolve("hst_acs_0001.imap")), b = loader.loadFile(dir.resolve("hst_acs_0002.imap"));
        assertEquals(List.of(
                "(('hst_acs_0001.imap', 'hst_acs_0002.imap'), ('biasfile',), \"added 'N/A'\")",
                "(('hst_acs_0001.imap', 'hst_acs_0002.imap'), ('darkfile',), \"replaced 'N/A' with 'hst_acs_darkfile_0001.rmap'\")"),
                lines(RulesDiff.differences(a, b, DiffOptions.DEFAULT)));
        // N/A replaced by an rmap is not an added rmap for CRDS's get_affected; deleting the type is.
        assertEquals(Map.of(), RulesDiff.affectedTypes(a, b));
        assertEquals(List.of(
                "(('hst_acs_0001.imap', 'hst_acs_0002.imap'), ('darkfile',), ('hst_acs_darkfile_0001.rmap',), ('HRC', 'A'), ('2002-01-01', '00:00:00'), \"added terminal 'x.fits'\")",
                "(('hst_acs_0001.imap', 'hst_acs_0002.imap'), ('biasfile',), \"added 'N/A'\")",
                "(('hst_acs_0001.imap', 'hst_acs_0002.imap'), ('darkfile',), \"replaced 'N/A' with 'hst_acs_darkfile_0001.rmap'\")"),
                lines(RulesDiff.differences(a, b, new DiffOptions(false, true))));
        Files.writeString(dir.resolve("hst_acs_0003.imap"), String.format(imap, "hst_acs_0003.imap", "    'biasfile' : 'N/A',\n"));
        Mapping c = loader.loadFile(dir.resolve("hst_acs_0003.imap"));
        assertEquals(Map.of("acs", List.of("darkfile")), RulesDiff.affectedTypes(b, c));
    }

    private static Difference reversed(Difference d) {
        List<DiffStep> steps = new ArrayList<>(d.steps());
        DiffStep.MappingPair p = (DiffStep.MappingPair) steps.get(0);
        steps.set(0, new DiffStep.MappingPair(p.newName(), p.oldName(), p.mappingClass(), p.instrument(), p.filekind()));
        String m = d.message();
        if (m.startsWith("added ")) m = "deleted " + m.substring(6);
        else if (m.startsWith("deleted ")) m = "added " + m.substring(8);
        else if (m.startsWith("replaced ")) {
            String[] parts = m.substring(9).split(" with ");
            m = "replaced " + parts[1] + " with " + parts[0];
        }
        return new Difference(steps, m, d.instrument(), d.filekind(), d.changedRmap());
    }

    private static final String[] DETECTORS = {"HRC", "WFC", "SBC"};
    private static final String[] AMPS = {"A", "B", "A|B", "N/A"};
    private static final String[] DATES = {"2001-01-01 00:00:00", "2002-06-01 12:00:00", "2003-03-03 03:03:03", "2004-01-01 00:00:00"};

    private static Map<List<String>, Map<String, String>> randomRules(Random rnd) {
        Map<List<String>, Map<String, String>> rules = new TreeMap<>(RulesDiffTest::compareKeys);
        int n = 1 + rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            List<String> key = List.of(DETECTORS[rnd.nextInt(3)], AMPS[rnd.nextInt(4)]);
            Map<String, String> dates = new TreeMap<>();
            int m = 1 + rnd.nextInt(3);
            for (int j = 0; j < m; j++) dates.put(DATES[rnd.nextInt(4)], "f" + rnd.nextInt(20) + ".fits");
            rules.put(key, dates);
        }
        return rules;
    }

    private static Map<List<String>, Map<String, String>> edit(Map<List<String>, Map<String, String>> base, Random rnd) {
        Map<List<String>, Map<String, String>> out = new TreeMap<>(RulesDiffTest::compareKeys);
        base.forEach((k, v) -> out.put(k, new TreeMap<>(v)));
        int edits = rnd.nextInt(4);
        for (int e = 0; e < edits; e++) {
            List<List<String>> keys = new ArrayList<>(out.keySet());
            switch (rnd.nextInt(4)) {
                case 0 -> out.put(List.of(DETECTORS[rnd.nextInt(3)], AMPS[rnd.nextInt(4)]),
                        new TreeMap<>(Map.of(DATES[rnd.nextInt(4)], "n" + rnd.nextInt(9) + ".fits")));
                case 1 -> { if (keys.size() > 1) out.remove(keys.get(rnd.nextInt(keys.size()))); }
                case 2 -> { if (!keys.isEmpty()) out.get(keys.get(rnd.nextInt(keys.size()))).put(DATES[rnd.nextInt(4)], "r" + rnd.nextInt(9) + ".fits"); }
                default -> {
                    if (!keys.isEmpty()) {
                        Map<String, String> dates = out.get(keys.get(rnd.nextInt(keys.size())));
                        if (dates.size() > 1) dates.remove(dates.keySet().iterator().next());
                    }
                }
            }
        }
        return out;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        int c = a.get(0).compareTo(b.get(0));
        return c != 0 ? c : a.get(1).compareTo(b.get(1));
    }

    private static String text(Map<List<String>, Map<String, String>> rules) {
        StringBuilder sb = new StringBuilder("Match({\n");
        rules.forEach((k, dates) -> {
            sb.append("    ('").append(k.get(0)).append("', '").append(k.get(1)).append("') : UseAfter({\n");
            dates.forEach((d, f) -> sb.append("        '").append(d).append("' : '").append(f).append("',\n"));
            sb.append("    }),\n");
        });
        return sb.append("})").toString();
    }

}
