package org.crdsj.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Seeded properties of {@link TupleMemo}: it answers as a map from string tuples (by value, nulls
 * included) to the first value put, the one-value lookup agrees with the tuple lookup, it stops
 * remembering at its capacity, and threads racing to fill it all see one value per tuple.
 */
class TupleMemoTest {
    private static final long SEED = 20_261_123L;
    private static final String[] WORDS = {"WFC", "HRC", "SBC", "N/A", "*", "", "1.0", "F555W", "UNDEFINED", null};

    private static String[] tuple(Random r) {
        String[] t = new String[1 + r.nextInt(3)];
        for (int i = 0; i < t.length; i++) {
            String w = WORDS[r.nextInt(WORDS.length)];
            // Equal but not identical strings half of the time: the memo must compare by value.
            t[i] = w != null && r.nextBoolean() ? new String(w) : w;
        }
        return t;
    }

    @Test
    void actsAsAMapOfTuples() {
        System.out.println("TupleMemoTest seed=" + SEED);
        Random r = new Random(SEED);
        for (int round = 0; round < 200; round++) {
            TupleMemo<Integer> memo = new TupleMemo<>(10_000);
            Map<List<String>, Integer> reference = new HashMap<>();
            for (int op = 0; op < 300; op++) {
                String[] key = tuple(r);
                List<String> k = Arrays.asList(key.clone());
                int hash = TupleMemo.hash(key);
                assertEquals(reference.get(k), memo.get(key, hash), "get " + k);
                if (key.length == 1) {
                    assertEquals(hash, TupleMemo.hash(key[0]));
                    assertEquals(reference.get(k), memo.get(key[0], hash), "one-value get " + k);
                }
                if (r.nextBoolean()) {
                    Integer v = op;
                    Integer kept = memo.put(key, hash, v);
                    Integer expected = reference.putIfAbsent(k, v);
                    assertEquals(expected == null ? v : expected, kept, "put " + k);
                }
            }
            assertEquals(reference.size(), memo.size());
        }
    }

    @Test
    void stopsAtCapacity() {
        TupleMemo<String> memo = new TupleMemo<>(5);
        for (int i = 0; i < 20; i++) {
            String[] key = {"K" + i};
            assertEquals("v" + i, memo.put(key, TupleMemo.hash(key), "v" + i));
        }
        assertEquals(5, memo.size());
        for (int i = 0; i < 20; i++) {
            String v = memo.get("K" + i, TupleMemo.hash("K" + i));
            if (i < 5) assertEquals("v" + i, v); else assertNull(v);
        }
    }

    @Test
    void racingThreadsAgreeOnOneValuePerTuple() throws Exception {
        TupleMemo<Object> memo = new TupleMemo<>(100_000);
        int threads = 4, keys = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object[]>> seen = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = SEED + t;
                seen.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    Object[] got = new Object[keys];
                    for (int n = 0; n < 4 * keys; n++) {
                        int i = r.nextInt(keys);
                        String[] key = {"A" + (i % 7), "B" + i};
                        int hash = TupleMemo.hash(key);
                        Object v = memo.get(key, hash);
                        if (v == null) v = memo.put(key, hash, new Object());
                        if (got[i] == null) got[i] = v;
                        else assertSame(got[i], v);
                    }
                    return got;
                }));
            }
            List<Object[]> all = new ArrayList<>();
            for (Future<Object[]> f : seen) all.add(f.get());
            for (int i = 0; i < keys; i++) {
                String[] key = {"A" + (i % 7), "B" + i};
                Object remembered = memo.get(key, TupleMemo.hash(key));
                for (Object[] got : all) if (got[i] != null) assertSame(remembered, got[i], "key " + i);
            }
            assertTrue(memo.size() <= keys);
        } finally {
            pool.shutdownNow();
        }
    }
}
