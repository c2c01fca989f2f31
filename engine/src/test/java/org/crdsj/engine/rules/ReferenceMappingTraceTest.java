package org.crdsj.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.bestrefs.Result;
import org.crdsj.engine.golden.Corpus;
import org.crdsj.engine.select.Choice;
import org.crdsj.engine.select.SelectionPath;
import org.junit.jupiter.api.Test;

/**
 * {@link ReferenceMapping#trace} follows {@link ReferenceMapping#bestRef} (omit and relevance,
 * hooks, parkey relevance, the fallback header): on every rmap case of the corpus, raw and
 * conditioned, the traced lookup ends where the lookup's result says.
 */
class ReferenceMappingTraceTest {

    @Test
    void tracesEndWhereTheLookupsDo() {
        Map<String, ReferenceMapping> loaded = new HashMap<>();
        int cases = 0, terminals = 0;
        for (String obs : new String[] {"hst", "jwst", "roman"}) {
            for (JsonNode c : Corpus.lines(Corpus.root().resolve("golden").resolve("rmap_cases_" + obs + ".jsonl"))) {
                String name = c.get("mapping").asText();
                ReferenceMapping r = loaded.computeIfAbsent(name,
                        n -> (ReferenceMapping) Context.load(Corpus.mappings().resolve(obs), n).mapping());
                Map<String, String> header = Corpus.header(c);
                terminals += agree(r.trace(header), r.bestRef(header), c.get("id").asText() + " raw");
                terminals += agree(r.traceConditioned(header), r.bestRefConditioned(header), c.get("id").asText());
                cases++;
            }
        }
        System.out.println("ReferenceMappingTraceTest: " + cases + " cases, " + terminals + " traced terminals checked");
        assertTrue(terminals > cases / 2, "many lookups answer: " + terminals);
    }

    /** Checks a trace against its lookup's result; 1 when it ended in a terminal. */
    private static int agree(SelectionPath path, Result result, String id) {
        if (path == null) {
            assertTrue(result instanceof Result.Omitted || result instanceof Result.NotApplicable, id + " " + result);
            return 0;
        }
        Choice c = path.choice();
        if (c instanceof Choice.Terminal t) {
            if (SpecialValues.isNa(t.value())) assertTrue(result instanceof Result.NotApplicable, id + " " + result);
            else if (SpecialValues.isOmit(t.value())) assertTrue(result instanceof Result.Omitted, id + " " + result);
            else assertEquals(new Result.File(t.value()), result, id);
            assertTrue(!path.steps().isEmpty(), id);
            return 1;
        }
        if (c instanceof Choice.Several) {
            assertTrue(result instanceof Result.Files || result instanceof Result.NotFound, id + " " + result);
            return 0;
        }
        assertTrue(result instanceof Result.NotFound || result instanceof Result.NotApplicable, id + " " + result);
        return 0;
    }
}
