package org.crdsj.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.Test;

/**
 * {@link PythonKey#dictItems} takes a shortcut when a dict's keys are plain (strings, numbers and
 * tuples of them) and distinct; on random dicts built to collide in Python's ways (1 == 1.0 ==
 * True, -0.0 == 0, tuples element by element, huge ints, NaN) it must give exactly what hashing
 * every key as a {@link PythonKey} gives.
 */
class DictItemsPropertyTest {
    private static final long SEED = 20261123L;

    private static Value randomKey(Random r, int depth) {
        SourcePos pos = new SourcePos("t.rmap", r.nextInt(100), r.nextInt(80));
        switch (r.nextInt(depth > 0 ? 9 : 10)) {
            case 0: return new Value.Str(new String[] {"1", "A", "", "1.0", "True", "a", "\u00e9", "\uD835\uDD38"}[r.nextInt(8)], pos);
            case 1: return new Value.Int(BigInteger.valueOf(r.nextInt(5) - 2), pos);
            case 2: {
                double d = new double[] {0.0, -0.0, 1.0, 2.0, -1.0, 0.5, Double.NaN, Double.POSITIVE_INFINITY}[r.nextInt(8)];
                return new Value.Flt(d, Double.toString(d), pos);
            }
            case 3: return new Value.Bool(r.nextBoolean(), pos);
            case 4: return new Value.Int(BigInteger.ONE.shiftLeft(53 + r.nextInt(3)).add(BigInteger.valueOf(r.nextInt(3) - 1)), pos);
            case 5: return new Value.None(pos);
            case 6: case 7: case 8: {
                List<Value> items = new ArrayList<>();
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) items.add(randomKey(r, depth + 1));
                return new Value.Tuple(items, pos);
            }
            default: return new Value.Str("K" + r.nextInt(1000), pos);
        }
    }

    @Test
    void shortcutAgreesWithPythonKeyHashing() {
        Random r = new Random(SEED);
        System.out.println("DictItemsPropertyTest.shortcutAgreesWithPythonKeyHashing seed=" + SEED);
        int shortcut = 0;
        for (int round = 0; round < 20000; round++) {
            List<Value.Entry> entries = new ArrayList<>();
            int n = r.nextInt(6);
            for (int i = 0; i < n; i++) {
                entries.add(new Value.Entry(randomKey(r, 0), new Value.Str("v" + i, SourcePos.UNKNOWN)));
            }
            Value.Dict dict = new Value.Dict(entries, SourcePos.UNKNOWN);
            List<Value.Entry> expected = new ArrayList<>(PythonKey.dictEntries(dict).values());
            List<Value.Entry> actual = PythonKey.dictItems(dict);
            if (expected.size() == entries.size()) shortcut++;
            assertEquals(expected, actual, () -> "dict " + entries);
        }
        System.out.println("DictItemsPropertyTest: " + shortcut + " of 20000 dicts had no repeated key");
    }
}
