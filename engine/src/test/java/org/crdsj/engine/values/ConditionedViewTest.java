package org.crdsj.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The on-demand conditioned header reads exactly like CRDS's condition_header, key by key. */
class ConditionedViewTest {
    private static final String[] KEYS = {"detector", "DETECTOR", "Detector", "instrume", "INSTRUME", "date-obs",
            "CCDGAIN", "ccdgain", "x", "X", "META.INSTRUMENT.NAME", "meta.instrument.name"};
    private static final String[] VALUES = {"wfc", " WFC ", "1", "1.0", "any", "N/A", "t", "false", "", "2004-01-01",
            "4294967295", "not applicable", null};

    @Test
    void viewEqualsConditionHeader() {
        long seed = 4242L;
        System.out.println("ConditionedViewTest seed " + seed);
        Random rnd = new Random(seed);
        for (int round = 0; round < 2000; round++) {
            Map<String, String> header = new LinkedHashMap<>();
            int n = rnd.nextInt(8);
            for (int i = 0; i < n; i++) header.put(KEYS[rnd.nextInt(KEYS.length)], VALUES[rnd.nextInt(VALUES.length)]);
            Map<String, String> full = Conditioning.conditionHeader(header);
            Map<String, String> view = Conditioning.conditionedView(header);
            for (String k : KEYS) {
                assertEquals(full.get(k), view.get(k), "round " + round + " key " + k + " in " + header);
                assertEquals(full.containsKey(k), view.containsKey(k), "round " + round + " key " + k);
            }
            assertEquals(full, view, "round " + round);
            assertEquals(new java.util.ArrayList<>(full.keySet()), new java.util.ArrayList<>(view.keySet()));
        }
    }
}
