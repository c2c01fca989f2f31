package org.crdsj.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.golden.Corpus;
import org.crdsj.engine.store.CompiledContexts;
import org.crdsj.engine.store.SyntaxCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rmaps of a context loaded from its compiled file are built on first use (all of them during
 * the load with {@code eager}), with the required parkeys the compiled file recorded, and are
 * built once however many threads ask at the same time.
 */
class LazyRmapTest {
    private static final String CONTEXT = "hst_9000.pmap";

    private static MappingLoader loader(Path cacheDir, boolean eager) {
        return new MappingLoader(new MappingLocator(Corpus.mappings()), LoadOptions.DEFAULT, SyntaxCache.open(cacheDir),
                CompiledContexts.open(cacheDir), eager);
    }

    private static int built(PipelineContext p) {
        int n = 0;
        for (InstrumentContext i : p.imaps()) n += i.builtRmaps();
        return n;
    }

    private static int rmapCount(PipelineContext p) {
        int n = 0;
        for (InstrumentContext i : p.imaps()) n += i.rmaps().size();
        return n;
    }

    @Test
    void rmapsAreBuiltOnFirstUseWithTheRequiredParkeysOfAPlainLoad(@TempDir Path dir) {
        PipelineContext plain = (PipelineContext) new MappingLoader(new MappingLocator(Corpus.mappings()), LoadOptions.DEFAULT)
                .load(CONTEXT);
        loader(dir, false).load(CONTEXT);   // writes the compiled context
        MappingLoader lazyLoader = loader(dir, false);
        PipelineContext lazy = (PipelineContext) lazyLoader.load(CONTEXT);
        assertEquals(CompiledContexts.Outcome.HIT, lazyLoader.contextCacheOutcome());
        assertEquals(0, built(lazy), "no rmap is built by the load itself");
        // What the load must know without building an rmap comes from the compiled file.
        assertEquals(plain.requiredParkeys(), lazy.requiredParkeys());
        for (InstrumentContext i : plain.imaps()) {
            assertEquals(i.requiredParkeys(), lazy.imap(i.instrument()).requiredParkeys(), i.name());
        }
        assertEquals(0, built(lazy), "required parkeys of contexts need no rmap built");

        JsonNode first = Corpus.lines(Corpus.root().resolve("golden").resolve("context_cases_hst.jsonl")).get(0);
        Map<String, String> header = Corpus.header(first);
        assertEquals(new Context(plain).bestrefs(header).results().toString(),
                new Context(lazy).bestrefs(header).results().toString());
        int afterOne = built(lazy);
        assertTrue(afterOne > 0 && afterOne < rmapCount(plain), "one header builds only its instrument's rmaps: " + afterOne);

        // Every rmap, once built, has what a plain load gives it.
        for (InstrumentContext i : plain.imaps()) {
            InstrumentContext l = lazy.imap(i.instrument());
            for (String type : i.filekinds()) {
                ReferenceMapping a = i.rmap(type), b = l.rmap(type);
                if (a == null) continue;
                assertEquals(a.name(), b.name());
                assertEquals(a.requiredParkeys(), b.requiredParkeys(), a.name());
                assertEquals(a.sha1sum(), b.sha1sum(), a.name());
            }
        }
        assertEquals(rmapCount(plain), built(lazy));
    }

    @Test
    void eagerLoadsBuildEveryRmap(@TempDir Path dir) {
        loader(dir, false).load(CONTEXT);
        MappingLoader eager = loader(dir, true);
        PipelineContext p = (PipelineContext) eager.load(CONTEXT);
        assertEquals(CompiledContexts.Outcome.HIT, eager.contextCacheOutcome());
        assertEquals(rmapCount(p), built(p));
    }

    @Test
    void concurrentFirstUsesBuildOneRmap(@TempDir Path dir) throws InterruptedException {
        loader(dir, false).load(CONTEXT);
        PipelineContext p = (PipelineContext) loader(dir, false).load(CONTEXT);
        InstrumentContext acs = p.imap("ACS");
        List<String> types = new ArrayList<>();
        for (String t : acs.filekinds()) if (acs.selection(t) instanceof ReferenceMapping) types.add(t);
        // (selection() built them all: use a fresh load for the race)
        PipelineContext fresh = (PipelineContext) loader(dir, false).load(CONTEXT);
        InstrumentContext imap = fresh.imap("ACS");
        assertEquals(0, imap.builtRmaps());
        int threads = 8;
        AtomicReferenceArray<ReferenceMapping> seen = new AtomicReferenceArray<>(threads * types.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int k = 0; k < types.size(); k++) seen.set(id * types.size() + k, imap.rmap(types.get(k)));
            });
            th.start();
            all.add(th);
        }
        start.countDown();
        for (Thread th : all) th.join();
        for (int k = 0; k < types.size(); k++) {
            for (int t = 1; t < threads; t++) assertSame(seen.get(k), seen.get(t * types.size() + k), types.get(k));
        }
        assertEquals(types.size(), imap.builtRmaps());
    }
}
