package org.crdsj.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded properties of {@link SlottedHeader}'s copies and variables: a chain of
 * {@link SlottedHeader#with} copies reads exactly as a map with the same overrides put in turn (or
 * is refused when a key is absent); names are found by identity or by value alike;
 * {@link SlottedHeader#variableSlot} gives CRDS's expression namespace (the header plus
 * {@code META_X_Y} aliases of dotted keys, the alias winning).
 */
class SlottedHeaderCopiesTest {
    private static final long SEED = 11_23L;
    private static final String[] KEYS = {"DETECTOR", "FILTER", "META.EXPOSURE.TYPE", "META_EXPOSURE_TYPE", "CCDGAIN",
        "APERTURE", "DATE-OBS", "META.A_B", "META_A.B"};
    private static final String[] VALUES = {"WFC", "N/A", "UNDEFINED", "1.0", "F555W", "X"};

    @Test
    void copiesReadAsMapsWithOverrides() {
        System.out.println("SlottedHeaderCopiesTest seed=" + SEED);
        Random r = new Random(SEED);
        KeywordSpace space = new KeywordSpace();
        for (String k : KEYS) space.add(k);
        space.add("ELSEWHERE");
        for (int round = 0; round < 2_000; round++) {
            List<String> present = new ArrayList<>();
            for (String k : KEYS) if (r.nextInt(3) > 0) present.add(k);
            String[] values = new String[space.size()];
            String[] names = present.toArray(String[]::new);
            int[] order = new int[names.length];
            Map<String, String> plain = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                order[i] = space.slot(names[i]);
                values[order[i]] = VALUES[r.nextInt(VALUES.length)];
                plain.put(names[i], values[order[i]]);
            }
            SlottedHeader h = new SlottedHeader(space, values, names, order);
            Object remembered = new Object();
            h.remember(remembered);
            for (int step = 0; step < 4; step++) {
                Map<String, String> overrides = new HashMap<>();
                for (int i = 0; i < 1 + r.nextInt(3); i++) {
                    overrides.put(KEYS[r.nextInt(KEYS.length)], VALUES[r.nextInt(VALUES.length)]);
                }
                SlottedHeader copy = h.with(overrides);
                if (!plain.keySet().containsAll(overrides.keySet())) {
                    assertNull(copy, "absent key in " + overrides);
                    continue;
                }
                plain.putAll(overrides);
                h = copy;
                assertEquals(plain, h);
                assertEquals(new ArrayList<>(plain.keySet()), new ArrayList<>(h.keySet()));
                assertSame(remembered, h.remembered(), "copies share what was remembered");
                assertSame(h.layout(), copy.layout());
            }
            for (String k : KEYS) {
                assertEquals(plain.get(k), h.get(k), k);
                assertEquals(plain.get(k), h.get(new String(k)), k + " (not interned)");
                assertEquals(expressionVariable(plain, k), h.value(h.variableSlot(k)), "variable " + k);
            }
            assertNull(h.get("ELSEWHERE"));
        }
    }

    /** CRDS's expression namespace: the header, updated with META_X_Y for every dotted key in order. */
    private static String expressionVariable(Map<String, String> header, String name) {
        Map<String, String> env = new HashMap<>(header);
        for (Map.Entry<String, String> e : header.entrySet()) {
            if (e.getKey().indexOf('.') >= 0) env.put(e.getKey().replace('.', '_'), e.getValue());
        }
        return env.get(name);
    }
}
