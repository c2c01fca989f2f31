package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crdsj.engine.store.DatasetStoreWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crds diff OLD NEW --datasets STORE}: moved datasets per rules difference. */
class DiffDatasetsTest {

    /**
     * On the corpus pair, the moves counted under the differences plus "other" add up, per
     * instrument and type, to exactly the updates {@code crds bestrefs --print-new-references}
     * reports for the same store and contexts.
     */
    @Test
    void corpusPairTotalsEqualTheComparison(@TempDir Path tmp) throws Exception {
        Path root = ScratchCorpus.copyInto(tmp, List.of("mappings"));
        Map<String, String> vars = ScratchCorpus.variables(root, "hst");
        Path headers = ScratchCorpus.source().resolve("golden-affected").resolve("affected_hst_headers.jsonl");
        assertEquals(0, ToolRun.run(root, vars, List.of("store", "import", "--from", headers.toString(),
                "--to", "s.crdsds")).exitStatus());

        ToolRun best = ToolRun.run(root, vars, List.of("bestrefs", "--old-context", "hst_9000.pmap",
                "--new-context", "hst_9001.pmap", "--datasets", "s.crdsds", "--print-new-references"));
        Map<String, Long> expected = new TreeMap<>();
        for (String line : best.stdout()) {
            String[] w = line.trim().split("\\s+");
            if (w.length < 5) continue;     // an old or new value may be several words ("not found n/a")
            expected.merge(w[1] + " " + w[2], 1L, Long::sum);
        }
        assertFalse(expected.isEmpty(), "the comparison moves some datasets: " + best.stdout());

        ToolRun diff = ToolRun.run(root, vars, List.of("diff", "hst_9000.pmap", "hst_9001.pmap",
                "--datasets", "s.crdsds", "--json"));
        assertEquals(1, diff.exitStatus(), diff.stderr());
        JsonNode doc = new ObjectMapper().readTree(String.join("\n", diff.stdout()));
        Map<String, Long> actual = new TreeMap<>();
        long attributed = 0;
        for (JsonNode d : doc.get("differences")) {
            if (!d.has("datasets")) continue;
            long n = d.get("datasets").get("total").asLong();
            attributed += n;
            long sum = 0;
            for (JsonNode c : d.get("datasets").get("transitions")) sum += c.asLong();
            assertEquals(n, sum, d.toString());
            // an imap's change of a type's selection has no filekind: its last key is the type
            JsonNode path = d.get("path");
            String type = d.get("filekind").isNull() ? path.get(path.size() - 1).get("key").get(0).asText() : d.get("filekind").asText();
            if (n > 0) actual.merge(d.get("instrument").asText().toLowerCase() + " " + type.toLowerCase(), n, Long::sum);
        }
        for (JsonNode o : doc.get("other")) {
            actual.merge(o.get("instrument").asText() + " " + o.get("filekind").asText(), o.get("datasets").get("total").asLong(), Long::sum);
        }
        System.out.println("moved per type: " + actual + ", attributed to differences: " + attributed);
        assertEquals(expected, actual);
        // every move of this pair is named by some difference (rmap terminals or the imap's type selections)
        assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), attributed);
        assertEquals(0, doc.get("other").size());

        // An imap pair: the store's ACS datasets looked up in the two imaps directly move as in the pmap comparison.
        ToolRun imaps = ToolRun.run(root, vars, List.of("diff", "hst_acs_9000.imap", "hst_acs_9001.imap",
                "--datasets", "s.crdsds", "--json"));
        Map<String, Long> acs = new TreeMap<>();
        for (JsonNode d : new ObjectMapper().readTree(String.join("\n", imaps.stdout())).get("differences")) {
            if (!d.has("datasets") || d.get("datasets").get("total").asLong() == 0) continue;
            JsonNode path = d.get("path");
            String type = d.get("filekind").isNull() ? path.get(path.size() - 1).get("key").get(0).asText() : d.get("filekind").asText();
            acs.merge("acs " + type.toLowerCase(), d.get("datasets").get("total").asLong(), Long::sum);
        }
        Map<String, Long> expectedAcs = new TreeMap<>(expected);
        expectedAcs.keySet().removeIf(k -> !k.startsWith("acs "));
        assertEquals(expectedAcs, acs);

        // Text mode: the same counts, one indented line after each selection difference.
        ToolRun text = ToolRun.run(root, vars, List.of("diff", "hst_9000.pmap", "hst_9001.pmap", "--datasets", "s.crdsds"));
        long textTotal = 0;
        for (String line : text.stdout()) {
            if (line.startsWith("    datasets: ")) textTotal += Long.parseLong(line.substring(14).split(" ")[0]);
        }
        assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), textTotal);
        // Without --datasets nothing is added.
        ToolRun plain = ToolRun.run(root, vars, List.of("diff", "hst_9000.pmap", "hst_9001.pmap"));
        List<String> stripped = new ArrayList<>();
        boolean inOther = false;
        for (String line : text.stdout()) {
            if (line.startsWith("other ")) inOther = true;
            if (!inOther && !line.startsWith("    datasets: ")) stripped.add(line);
        }
        assertEquals(plain.stdout(), stripped);
    }

    private static final String HEADER = """
            header = {
                'derived_from' : 'hand made',
                'filekind' : 'DEADTAB',
                'instrument' : 'COS',
                'mapping' : 'REFERENCE',
                'name' : '%s',
                'observatory' : 'HST',
                'parkey' : (('DETECTOR',), ('DATE-OBS', 'TIME-OBS')),
                'reffile_required' : 'YES',
                'sha1sum' : '0000000000000000000000000000000000000000',
            }

            """;

    /**
     * Hand-made rules: HRC's 2005 entry a2 is replaced by a3 (datasets of 2006 and 2007 move:
     * 2), WFC gains a 2010 entry w2 (datasets of 2011, 2012 and 2015 move from w1: 3), and the
     * new SBC case gives s1 to an SBC dataset that had no match before (1). The HRC dataset of
     * 2003 and the WFC one of 2004 do not move; the deleted FUV case had no datasets (0).
     */
    @Test
    void handMadeRulesCountPerCase(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("old.rmap"), HEADER.formatted("old.rmap") + """
                selector = Match({
                    ('FUV',) : UseAfter({
                        '2000-01-01 00:00:00' : 'f1.fits',
                    }),
                    ('HRC',) : UseAfter({
                        '2000-01-01 00:00:00' : 'a1.fits',
                        '2005-01-01 00:00:00' : 'a2.fits',
                    }),
                    ('WFC',) : UseAfter({
                        '2000-01-01 00:00:00' : 'w1.fits',
                    }),
                })
                """);
        Files.writeString(tmp.resolve("new.rmap"), HEADER.formatted("new.rmap") + """
                selector = Match({
                    ('HRC',) : UseAfter({
                        '2000-01-01 00:00:00' : 'a1.fits',
                        '2005-01-01 00:00:00' : 'a3.fits',
                    }),
                    ('SBC',) : UseAfter({
                        '2000-01-01 00:00:00' : 's1.fits',
                    }),
                    ('WFC',) : UseAfter({
                        '2000-01-01 00:00:00' : 'w1.fits',
                        '2010-01-01 00:00:00' : 'w2.fits',
                    }),
                })
                """);
        DatasetStoreWriter w = new DatasetStoreWriter();
        Object[][] data = {
                {"H1", "HRC", "2003-05-01"}, {"H2", "HRC", "2006-05-01"}, {"H3", "HRC", "2007-05-01"},
                {"W1", "WFC", "2004-05-01"}, {"W2", "WFC", "2011-05-01"}, {"W3", "WFC", "2012-05-01"},
                {"W4", "WFC", "2015-05-01"}, {"S1", "SBC", "2001-05-01"}};
        for (Object[] d : data) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("INSTRUME", "COS");
            h.put("DETECTOR", (String) d[1]);
            h.put("DATE-OBS", (String) d[2]);
            h.put("TIME-OBS", "00:00:00");
            w.add((String) d[0], h);
        }
        w.write(tmp.resolve("s.crdsds"));

        ToolRun run = ToolRun.run(tmp, Map.of(), List.of("diff", "old.rmap", "new.rmap", "--datasets", "s.crdsds"));
        System.out.println(String.join("\n", run.stdout()) + "\n" + run.stderr());
        assertEquals(List.of(
                "(('./old.rmap', './new.rmap'), ('FUV',), ('2000-01-01', '00:00:00'), 'deleted Match rule for f1.fits')",
                "    datasets: 0",
                "(('./old.rmap', './new.rmap'), ('HRC',), ('2005-01-01', '00:00:00'), 'replaced a2.fits with a3.fits')",
                "    datasets: 2  (a2.fits -> a3.fits: 2)",
                "(('./old.rmap', './new.rmap'), ('SBC',), ('2000-01-01', '00:00:00'), 'added Match rule for s1.fits')",
                // the old side's value is the comparison's own: the failed lookup's text
                "    datasets: 1  (not found  parameter='detector' value='sbc' is not in ['fuv', 'hrc', 'wfc'] -> s1.fits: 1)",
                "(('./old.rmap', './new.rmap'), ('WFC',), ('2010-01-01', '00:00:00'), 'added terminal w2.fits')",
                "    datasets: 3  (w1.fits -> w2.fits: 3)"), run.stdout());
        assertEquals(1, run.exitStatus());

        ToolRun json = ToolRun.run(tmp, Map.of(), List.of("diff", "old.rmap", "new.rmap", "--datasets", "s.crdsds", "--json"));
        JsonNode doc = new ObjectMapper().readTree(String.join("\n", json.stdout()));
        List<Long> totals = new ArrayList<>();
        for (JsonNode d : doc.get("differences")) totals.add(d.get("datasets").get("total").asLong());
        assertEquals(List.of(0L, 2L, 1L, 3L), totals);
        assertEquals(3L, doc.get("differences").get(3).get("datasets").get("transitions").get("w1.fits -> w2.fits").asLong());
        assertEquals(0, doc.get("other").size());

        // A store without datasets of the instrument adds nothing to the listing.
        DatasetStoreWriter none = new DatasetStoreWriter();
        none.add("X1", Map.of("INSTRUME", "ACS", "DETECTOR", "HRC", "DATE-OBS", "2006-01-01", "TIME-OBS", "00:00:00"));
        none.write(tmp.resolve("acs.crdsds"));
        ToolRun plain = ToolRun.run(tmp, Map.of(), List.of("diff", "old.rmap", "new.rmap"));
        ToolRun other = ToolRun.run(tmp, Map.of(), List.of("diff", "old.rmap", "new.rmap", "--datasets", "acs.crdsds"));
        assertEquals(plain.stdout(), other.stdout());
    }
}
