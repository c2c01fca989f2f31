package org.crdsj.engine.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.diff.DiffOptions;
import org.crdsj.engine.diff.Difference;
import org.crdsj.engine.diff.RulesDiff;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.rules.RmapFixtures;
import org.crdsj.engine.store.DatasetStore;
import org.crdsj.engine.store.DatasetStoreWriter;
import org.junit.jupiter.api.Test;

/**
 * {@code crds diff --datasets}: each moved dataset goes to the difference its old or new lookup
 * passed through, even when several differences make the same {@code f -> g} move.
 */
class DifferenceDatasetsTest {

    private static ReferenceMapping rmap(String name, String selector) {
        return RmapFixtures.compile(name, """
                header = {
                    'derived_from' : 'hand made',
                    'filekind' : 'DEADTAB',
                    'instrument' : 'COS',
                    'mapping' : 'REFERENCE',
                    'name' : '%s',
                    'observatory' : 'HST',
                    'parkey' : (('DETECTOR',), ('DATE-OBS', 'TIME-OBS')),
                    'reffile_required' : 'YES',
                }

                selector = %s
                """.formatted(name, selector));
    }

    /** Datasets {id, detector, date} of COS, all at midnight unless the date has a time. */
    private static DatasetStore store(String[][] datasets) {
        DatasetStoreWriter w = new DatasetStoreWriter();
        for (String[] d : datasets) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("INSTRUME", "COS");
            h.put("DETECTOR", d[1]);
            h.put("DATE-OBS", d[2].substring(0, 10));
            h.put("TIME-OBS", d[2].length() > 10 ? d[2].substring(11) : "00:00:00");
            w.add(d[0], h);
        }
        return DatasetStore.of(w.toBytes(), "test");
    }

    /** Each difference's repr with its datasets line (or none), in print order, then the "other" lines. */
    private static List<String> attribution(ReferenceMapping old, ReferenceMapping neu, DatasetStore store) {
        List<Difference> diffs = RulesDiff.differences(old, neu, new DiffOptions(false, false));
        List<DifferenceDatasets.Move> moves = DifferenceDatasets.moves(old, neu, store, 1);
        DifferenceDatasets.Attribution a = DifferenceDatasets.attribute(diffs, moves, DifferenceDatasets.instruments(store));
        List<String> out = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < diffs.size(); i++) {
            DifferenceDatasets.Moves m = a.perDifference().get(i);
            out.add(diffs.get(i).repr() + (m == null ? "" : "  datasets: " + m.format()));
            if (m != null) total += m.total();
        }
        for (Map.Entry<String, DifferenceDatasets.Moves> e : a.other().entrySet()) {
            out.add("other " + e.getKey() + "  datasets: " + e.getValue().format());
            total += e.getValue().total();
        }
        assertEquals(moves.size(), total, "every move is counted once: " + out);
        System.out.println(String.join("\n", out));
        return out;
    }

    /**
     * The same file replaced under two Match cases: both differences say {@code replaced 'f' with 'g'},
     * and each gets the datasets of its own case (by file names alone the first took all five).
     */
    @Test
    void theSameMoveUnderTwoCasesSplitsByCase() {
        ReferenceMapping old = rmap("old.rmap", """
                Match({
                    ('FUV',) : UseAfter({ '2000-01-01 00:00:00' : 'f.fits' }),
                    ('NUV',) : UseAfter({ '2000-01-01 00:00:00' : 'f.fits' }),
                })""");
        ReferenceMapping neu = rmap("new.rmap", """
                Match({
                    ('FUV',) : UseAfter({ '2000-01-01 00:00:00' : 'g.fits' }),
                    ('NUV',) : UseAfter({ '2000-01-01 00:00:00' : 'g.fits' }),
                })""");
        DatasetStore store = store(new String[][] {
                {"F1", "FUV", "2001-01-01"}, {"F2", "FUV", "2004-01-01"},
                {"N1", "NUV", "2002-01-01"}, {"N2", "NUV", "2003-01-01"}, {"N3", "NUV", "2009-01-01"}});
        assertEquals(List.of(
                "(('old.rmap', 'new.rmap'), ('FUV',), ('2000-01-01', '00:00:00'), \"replaced 'f.fits' with 'g.fits'\")"
                        + "  datasets: 2  (f.fits -> g.fits: 2)",
                "(('old.rmap', 'new.rmap'), ('NUV',), ('2000-01-01', '00:00:00'), \"replaced 'f.fits' with 'g.fits'\")"
                        + "  datasets: 3  (f.fits -> g.fits: 3)"),
                attribution(old, neu, store));
    }

    /**
     * A UseAfter entry inserted in one case claims exactly the datasets of that case dated at or
     * after it, although another case's replacement makes the same {@code w1 -> w2} move (and,
     * first by file name, used to take them).
     */
    @Test
    void anInsertedUseAfterEntryClaimsTheDatasetsDatedAfterIt() {
        ReferenceMapping old = rmap("old.rmap", """
                Match({
                    ('HRC',) : UseAfter({ '2000-01-01 00:00:00' : 'w1.fits' }),
                    ('WFC',) : UseAfter({ '2000-01-01 00:00:00' : 'w1.fits' }),
                })""");
        ReferenceMapping neu = rmap("new.rmap", """
                Match({
                    ('HRC',) : UseAfter({
                        '2000-01-01 00:00:00' : 'w1.fits',
                        '2010-01-01 00:00:00' : 'w2.fits',
                    }),
                    ('WFC',) : UseAfter({ '2000-01-01 00:00:00' : 'w2.fits' }),
                })""");
        DatasetStore store = store(new String[][] {
                {"H1", "HRC", "2005-05-01"}, {"H2", "HRC", "2009-12-31 23:59:59"}, {"H3", "HRC", "2010-01-01"},
                {"H4", "HRC", "2011-01-01"}, {"H5", "HRC", "2015-01-01"},
                {"W1", "WFC", "2001-01-01"}, {"W2", "WFC", "2020-01-01"}});
        assertEquals(List.of(
                "(('old.rmap', 'new.rmap'), ('HRC',), ('2010-01-01', '00:00:00'), \"added terminal 'w2.fits'\")"
                        + "  datasets: 3  (w1.fits -> w2.fits: 3)",
                "(('old.rmap', 'new.rmap'), ('WFC',), ('2000-01-01', '00:00:00'), \"replaced 'w1.fits' with 'w2.fits'\")"
                        + "  datasets: 2  (w1.fits -> w2.fits: 2)"),
                attribution(old, neu, store));
    }

    /**
     * A merged tie: DETECTOR=* matches both cases equally, their UseAfters merge. A dataset taking
     * the changed case's entry through the tie goes to that change, as does one of that case alone.
     */
    @Test
    void tiesAndUnexplainedMoves() {
        ReferenceMapping old = rmap("old.rmap", """
                Match({
                    ('FUV',) : UseAfter({ '2000-01-01 00:00:00' : 'a.fits' }),
                    ('NUV',) : UseAfter({ '2005-01-01 00:00:00' : 'b.fits' }),
                })""");
        ReferenceMapping neu = rmap("new.rmap", """
                Match({
                    ('FUV',) : UseAfter({ '2000-01-01 00:00:00' : 'a.fits' }),
                    ('NUV',) : UseAfter({ '2005-01-01 00:00:00' : 'c.fits' }),
                })""");
        DatasetStore store = store(new String[][] {
                {"T1", "*", "2003-01-01"}, {"T2", "*", "2006-01-01"}, {"N1", "NUV", "2007-01-01"}});
        List<String> lines = attribution(old, neu, store);
        assertEquals(List.of(
                "(('old.rmap', 'new.rmap'), ('NUV',), ('2005-01-01', '00:00:00'), \"replaced 'b.fits' with 'c.fits'\")"
                        + "  datasets: 2  (b.fits -> c.fits: 2)"), lines);

        // The traced ways: the tie's step names both cases; below it, the merged UseAfter's entry.
        List<DifferenceDatasets.Move> moves = DifferenceDatasets.moves(old, neu, store, 1);
        DifferenceDatasets.Move tied = moves.stream().filter(m -> m.dataset().equals("T2")).findFirst().orElseThrow();
        assertEquals(2, tied.oldWay().get(0).size(), tied.toString());
        assertTrue(tied.oldWay().get(1).iterator().next().values().contains("2005-01-01"), tied.toString());
    }

    /**
     * The documented tie: a dataset leaving a deleted case for an added one passes through a
     * change at the same depth on each side; the first difference in print order takes it.
     */
    @Test
    void equallyDeepDifferencesGoToTheFirstInPrintOrder() {
        ReferenceMapping old = rmap("old.rmap", """
                Match({
                    ('HRC',) : UseAfter({ '2000-01-01 00:00:00' : 'a.fits' }),
                })""");
        ReferenceMapping neu = rmap("new.rmap", """
                Match({
                    ('HRC|WFC',) : UseAfter({ '2000-01-01 00:00:00' : 'b.fits' }),
                })""");
        DatasetStore store = store(new String[][] {{"H1", "HRC", "2003-01-01"}, {"W1", "WFC", "2003-01-01"}});
        assertEquals(List.of(
                "(('old.rmap', 'new.rmap'), ('HRC',), ('2000-01-01', '00:00:00'), \"deleted Match rule for 'a.fits'\")"
                        + "  datasets: 1  (a.fits -> b.fits: 1)",
                "(('old.rmap', 'new.rmap'), ('HRC|WFC',), ('2000-01-01', '00:00:00'), \"added Match rule for 'b.fits'\")"
                        + "  datasets: 1  (not found  parameter='detector' value='wfc' is not in ['hrc'] -> b.fits: 1)"),
                attribution(old, neu, store));
    }
}
