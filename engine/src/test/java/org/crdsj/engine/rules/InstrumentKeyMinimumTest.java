package org.crdsj.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crdsj.engine.golden.Corpus;
import org.crdsj.engine.values.Conditioning;
import org.junit.jupiter.api.Test;

/**
 * An imap remembers the minimum header of the instrument key it was last asked for (the pipeline
 * context's own key, by identity): asking with other keys, equal keys that are other String
 * objects, or no key, in a seeded random order and from two threads, still gives exactly the
 * minimum header of a fresh {@link MinimumHeader} for that key.
 */
class InstrumentKeyMinimumTest {
    private static final long SEED = 5_2026L;

    @Test
    void minimumHeaderOfEveryInstrumentKeyInAnyOrder() throws Exception {
        System.out.println("InstrumentKeyMinimumTest seed=" + SEED);
        PipelineContext p = (PipelineContext) new MappingLoader(new MappingLocator(Corpus.mappings()), LoadOptions.DEFAULT)
                .load("hst_9000.pmap");
        InstrumentContext acs = p.imap("ACS");
        String[] keys = {p.instrumentKey(), new String(p.instrumentKey().toCharArray()), "META.INSTRUMENT.NAME", "DETECTOR", null};
        String[] names = {"INSTRUME", "instrume", "DETECTOR", "FILTER1", "META.INSTRUMENT.NAME", "CCDGAIN", "OTHER"};
        String[] values = {"ACS", " acs ", "WFC", "F555W", "1.0", "2", "none", ""};
        Throwable[] failure = new Throwable[1];
        Runnable check = () -> {
            Random r = new Random(SEED + Thread.currentThread().getName().hashCode());
            for (int round = 0; round < 4_000; round++) {
                Map<String, String> header = new LinkedHashMap<>();
                for (int i = 0; i < r.nextInt(7); i++) header.put(names[r.nextInt(names.length)], values[r.nextInt(values.length)]);
                Map<String, String> conditioned = Conditioning.conditionedView(header);
                String key = keys[r.nextInt(keys.length)];
                List<String> required = new ArrayList<>(acs.requiredParkeys());
                if (key != null) required.add(key);
                Map<String, String> expected = new MinimumHeader(required).of(conditioned);
                assertEquals(expected, acs.minimize(conditioned, key), "key " + key + " header " + header);
                assertEquals(expected, acs.minimizeRaw(acs.keywordSpace().rawValues(header), key), "key " + key + " header " + header);
            }
        };
        Thread other = new Thread(() -> {
            try {
                check.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "second");
        other.start();
        check.run();
        other.join();
        if (failure[0] != null) throw new AssertionError("second thread", failure[0]);
    }
}
