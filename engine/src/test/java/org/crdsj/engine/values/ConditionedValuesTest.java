package org.crdsj.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Seeded properties of {@link ConditionedValues}: it answers exactly as
 * {@link Conditioning#conditionValue} for any raw value (numbers, floats, spaces, lower case,
 * Unicode, don't-care spellings), hands out one canonical instance per conditioned value while it
 * has room (the same instance as an equal literal in code), keeps answering correctly far beyond
 * its bound, and gives racing threads equal answers.
 */
class ConditionedValuesTest {
    private static final long SEED = 20_261_123_4L;
    private static final String[] PIECES = {
        "wfc", "WFC", "hrc", "F555W", "f555w", " ", "\t", "\u00a0", "\u3000", "1", "1.0", "01", "+1",
        "-2", ".5", "5.", "1e3", "1E+03", "4294967295", "4294967295.0", "-2147483648.0", "n/a", "N/A",
        "not applicable", "NOT_APPLICABLE", "()", "any", "ANY", "*", "t", "true", "False", "f", "none",
        "\u00df", "\u0131", "\u00e9", "\ud83d\ude00", "\u0661\u0662", "inf", "nan", "1_000", "-0", "0.0",
        "UNDEFINED", "", "2004-07-02", "08:09:00", "NOT WFC", "A|B",
    };

    private static String value(Random r) {
        StringBuilder b = new StringBuilder();
        int parts = 1 + r.nextInt(3);
        for (int i = 0; i < parts; i++) b.append(PIECES[r.nextInt(PIECES.length)]);
        if (r.nextInt(4) == 0) b.append(r.nextInt(100_000));          // many distinct values
        if (r.nextInt(8) == 0) b.append(r.nextDouble());
        return b.toString();
    }

    @Test
    void answersAsConditioningWithCanonicalInstances() {
        System.out.println("ConditionedValuesTest seed=" + SEED);
        Random r = new Random(SEED);
        for (int round = 0; round < 40; round++) {
            int capacity = 1 + r.nextInt(300);
            ConditionedValues dictionary = new ConditionedValues(capacity);
            List<String> remembered = new ArrayList<>();
            for (int op = 0; op < 2_000; op++) {
                String raw = value(r);
                String expected = Conditioning.conditionValue(new String(raw));
                int before = dictionary.size();
                // A copy: the dictionary must find values by content, not identity.
                String got = dictionary.condition(r.nextBoolean() ? new String(raw) : raw);
                assertEquals(expected, got, "conditioned " + raw);
                if (dictionary.size() > before) remembered.add(raw);
                assertEquals(expected, dictionary.condition(new String(raw)), "again " + raw);
            }
            assertTrue(dictionary.size() <= capacity, "bounded: " + dictionary.size() + " > " + capacity);
            // Remembered answers are canonical: one instance per conditioned value, the interned one.
            for (String raw : remembered) {
                String canonical = Conditioning.conditionValue(raw).intern();
                assertSame(canonical, dictionary.condition(new String(raw)), "canonical " + raw);
            }
        }
    }

    @Test
    void spellingsOfOneValueShareOneInstance() {
        ConditionedValues dictionary = new ConditionedValues(100);
        assertSame(dictionary.condition("1"), dictionary.condition(" 1.0 "));
        assertSame(dictionary.condition("1"), dictionary.condition("+1.00"));
        assertSame("N/A", dictionary.condition("not applicable"));
        assertSame("N/A", dictionary.condition("n/a"));
        assertSame("WFC", dictionary.condition(new String("wfc")));
        assertSame("*", dictionary.condition("any"));
        assertEquals("UNDEFINED", dictionary.condition("UNDEFINED"));
    }

    @Test
    void beyondItsBoundItStillAnswers() {
        ConditionedValues dictionary = new ConditionedValues(16);
        for (int i = 0; i < 5_000; i++) {
            String raw = "  " + i + "  ";
            assertEquals(Conditioning.conditionValue(raw), dictionary.condition(raw));
        }
        assertEquals(16, dictionary.size());
        assertSame("3.0", dictionary.condition(new String("  3  ")));   // remembered early: canonical
    }

    @Test
    void racingThreadsGetEqualAnswers() throws Exception {
        Random r = new Random(SEED + 1);
        List<String> raws = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) raws.add(value(r));
        ConditionedValues dictionary = new ConditionedValues(1_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String[]>> parts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 997;
                parts.add(pool.submit(() -> {
                    String[] out = new String[raws.size()];
                    for (int k = 0; k < out.length; k++) {
                        int i = (k + offset) % out.length;
                        out[i] = dictionary.condition(new String(raws.get(i)));
                    }
                    return out;
                }));
            }
            for (Future<String[]> part : parts) {
                String[] out = part.get();
                for (int i = 0; i < out.length; i++) assertEquals(Conditioning.conditionValue(raws.get(i)), out[i]);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(dictionary.size() <= 1_000);
    }
}
