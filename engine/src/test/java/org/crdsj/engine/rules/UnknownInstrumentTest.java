package org.crdsj.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.crdsj.engine.bestrefs.BestRefs;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.bestrefs.ErrorCategory;
import org.crdsj.engine.bestrefs.Result;
import org.crdsj.engine.golden.Corpus;
import org.junit.jupiter.api.Test;

/**
 * A dataset of an instrument the pipeline context has no imap for: CRDS's error, whose text is
 * written when read, is the same through the conditioned and the raw lookup, and on every call.
 */
class UnknownInstrumentTest {

    @Test
    void unknownInstrumentFailsWithCrdsText() {
        Context hst = Context.load(Corpus.mappings(), "hst_9000.pmap");
        Map<String, String> header = Map.of("INSTRUME", "NIRCAM", "DATE-OBS", "08-29-1997", "TIME-OBS", "10:48:01");
        for (int i = 0; i < 3; i++) {
            for (BestRefs refs : new BestRefs[] {hst.bestrefs(header), hst.raw(header)}) {
                assertTrue(refs.isFailed());
                Result.NotFound f = refs.failure().orElseThrow();
                assertEquals(ErrorCategory.UNKNOWN_INSTRUMENT, f.category());
                assertEquals("CrdsUnknownInstrumentError", f.pythonClass());
                assertEquals("Unknown instrument 'nircam' for context 'hst_9000.pmap'", f.message());
            }
        }
    }
}
