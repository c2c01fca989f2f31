package org.crdsj.engine.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.golden.Corpus;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.SpecialValues;
import org.crdsj.engine.select.Choice;
import org.crdsj.engine.select.SelectionPath;
import org.crdsj.engine.store.DatasetStore;
import org.crdsj.engine.store.DatasetStoreWriter;
import org.junit.jupiter.api.Test;

/**
 * On the corpus pairs hst_9000/hst_9001 and roman_9000/roman_9001 with their affected-datasets headers: the moves are exactly
 * the comparison's updates, and every traced lookup that ends in a file or N/A ends where the
 * comparison says that side's reference is (the traces look up the header the comparison did).
 */
class DifferenceDatasetsCorpusTest {

    @Test
    void hstPair() {
        assertEquals(692, check("hst_9000.pmap", "hst_9001.pmap", "affected_hst_headers.jsonl"));
    }

    @Test
    void romanPair() {
        assertTrue(check("roman_9000.pmap", "roman_9001.pmap", "affected_roman_headers.jsonl") > 0);
    }

    /** Checks the pair's moves and traces; returns the number of moves. */
    private static int check(String oldName, String newName, String headers) {
        Mapping old = Context.load(Corpus.mappings(), oldName).mapping();
        Mapping neu = Context.load(Corpus.mappings(), newName).mapping();
        DatasetStoreWriter w = new DatasetStoreWriter();
        for (JsonNode c : Corpus.lines(Corpus.root().resolve("golden-affected").resolve(headers))) {
            w.add(c.get("id").asText(), Corpus.header(c));
        }
        DatasetStore store = DatasetStore.of(w.toBytes(), "affected");

        List<DifferenceDatasets.Move> moves = DifferenceDatasets.moves(old, neu, store, 2);
        Map<String, Long> perType = new TreeMap<>(), expected = new TreeMap<>();
        int checked = 0;
        for (DifferenceDatasets.Move m : moves) {
            perType.merge(m.instrument() + " " + m.filekind(), 1L, Long::sum);
            String[] sides = m.transition().split(" -> ", 2);
            checked += agrees(m.oldPath(), sides[0], m) + agrees(m.newPath(), sides[1], m);
        }
        ComparisonReport r = new ContextComparison(new Context(old), new Context(neu), ComparisonOptions.defaults())
                .run(store, new ComparisonListener() {});
        r.summary().forEach((instrument, types) -> types.forEach((type, s) -> {
            long n = s.transitions().values().stream().mapToLong(Long::longValue).sum();
            if (n > 0) expected.put(instrument.toLowerCase(Locale.ROOT) + " " + type.toLowerCase(Locale.ROOT), n);
        }));
        System.out.println("DifferenceDatasetsCorpusTest " + oldName + " -> " + newName + ": " + moves.size()
                + " moves " + perType + ", " + checked + " traced ends checked");
        assertEquals(expected, perType);
        assertTrue(checked >= moves.size(), "most moves have traced ends on both sides: " + checked);
        return moves.size();
    }

    /** 1 when the traced lookup ends in a file or N/A, which must be the compared reference {@code side}. */
    private static int agrees(SelectionPath path, String side, DifferenceDatasets.Move m) {
        if (path == null || !(path.choice() instanceof Choice.Terminal t)) return 0;
        String value = SpecialValues.isNa(t.value()) ? "n/a" : t.value().toLowerCase(Locale.ROOT);
        if (SpecialValues.isOmit(t.value())) return 0;
        assertEquals(side, value, m.toString());
        return 1;
    }
}
