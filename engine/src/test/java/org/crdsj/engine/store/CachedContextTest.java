package org.crdsj.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.BestRefs;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.golden.Corpus;
import org.crdsj.engine.rules.LoadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A context loaded through the syntax cache, cold and then warm in a fresh cache object and
 * loader, answers every HST golden context header exactly as the uncached load does.
 */
class CachedContextTest {
    private static final String PMAP = "hst_9000.pmap";

    @TempDir Path cacheDir;

    @Test
    void coldAndWarmCacheGiveTheUncachedBestrefs() throws Exception {
        List<JsonNode> cases = Corpus.lines(Corpus.root().resolve("golden").resolve("context_cases_hst.jsonl"));
        assertTrue(cases.size() > 1000, "expected the HST context cases, found " + cases.size());
        for (JsonNode c : cases) assertEquals(PMAP, c.get("mapping").asText(), "cases of another context");

        Context plain = Context.load(Corpus.mappings(), PMAP, LoadOptions.DEFAULT);

        SyntaxCache cold = SyntaxCache.open(cacheDir);
        Context fromCold = Context.load(Corpus.mappings(), PMAP, LoadOptions.DEFAULT, cold);
        int files = cold.misses();
        assertEquals(0, cold.hits());
        assertTrue(files >= 100, "the hst_9000.pmap closure has over 100 files; parsed " + files);
        assertEquals(0, cold.pending(), "new entries are flushed when the context is loaded");
        assertTrue(Files.size(cacheDir.resolve(SyntaxCache.FILE_NAME)) > 0);

        SyntaxCache warm = SyntaxCache.open(cacheDir);
        Context fromWarm = Context.load(Corpus.mappings(), PMAP, LoadOptions.DEFAULT, warm);
        assertEquals(files, warm.hits(), "a warm cache answers every file");
        assertEquals(0, warm.misses());
        assertEquals(0, warm.pending());

        List<String> differences = new ArrayList<>();
        for (JsonNode c : cases) {
            Map<String, String> header = Corpus.header(c);
            String want = describe(plain.bestrefs(header)) + describe(plain.raw(header));
            String cold_ = describe(fromCold.bestrefs(header)) + describe(fromCold.raw(header));
            String warm_ = describe(fromWarm.bestrefs(header)) + describe(fromWarm.raw(header));
            if (!want.equals(cold_)) differences.add(c.get("id").asText() + " cold: " + cold_ + " vs " + want);
            if (!want.equals(warm_)) differences.add(c.get("id").asText() + " warm: " + warm_ + " vs " + want);
        }
        assertTrue(differences.isEmpty(), differences.size() + " differences, first: "
                + differences.stream().limit(3).toList());
    }

    @Test
    void fileBasedApiWritesTheDefaultFileName() {
        Context.load(Corpus.mappings(), "hst_acs_9000.imap", LoadOptions.DEFAULT, cacheDir);
        assertTrue(Files.isRegularFile(cacheDir.resolve(SyntaxCache.FILE_NAME)));
        SyntaxCache again = SyntaxCache.open(cacheDir);
        Context.load(Corpus.mappings(), "hst_acs_9000.imap", LoadOptions.DEFAULT, again);
        assertEquals(0, again.misses());
        assertTrue(again.hits() > 10);
    }

    private static String describe(BestRefs refs) {
        return refs.isFailed() ? "failed " + refs.failure().get() : refs.results().toString();
    }
}
