package org.crdsj.engine.select;

import static org.crdsj.engine.rules.RmapFixtures.choose;
import static org.crdsj.engine.rules.RmapFixtures.header;
import static org.crdsj.engine.rules.RmapFixtures.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crdsj.engine.values.CodePointOrder;
import org.junit.jupiter.api.Test;

/**
 * A UseAfter written in ascending date order is built without hashing its keys; written any
 * other way (repeated dates, out of order, dates of other layouts) it goes the general way. Either
 * way its entries are Python's dict of the written pairs (a repeated key keeps the last file)
 * sorted by key, and lookups find the greatest key not after the date.
 */
class UseAfterEntriesPropertyTest {
    private static final long SEED = 20261127L;

    private static String randomKey(Random r) {
        String d = UseAfterFloorPropertyTest.randomDate(r);
        switch (r.nextInt(12)) {
            case 0: return d.substring(0, 10);              // date only
            case 1: return d + ".5";                         // fractional seconds
            case 2: return d.substring(0, 10) + "T" + d.substring(11);
            default: return d;
        }
    }

    @Test
    void entriesAreThePythonDictSortedWhateverTheWrittenOrder() {
        Random r = new Random(SEED);
        System.out.println("UseAfterEntriesPropertyTest seed=" + SEED);
        for (int round = 0; round < 400; round++) {
            int n = r.nextInt(20);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                keys.add(!keys.isEmpty() && r.nextInt(8) == 0 ? keys.get(r.nextInt(keys.size())) : randomKey(r));
            }
            switch (r.nextInt(3)) {
                case 0: keys.sort(CodePointOrder.STRINGS); break;        // ascending, maybe with repeats
                case 1: Collections.shuffle(keys, r); break;
                default: break;
            }
            StringBuilder body = new StringBuilder("UseAfter({\n");
            Map<String, String> dict = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                String file = "f" + i + "_" + keys.get(i).replace(' ', '_') + ".fits";
                body.append("    '").append(keys.get(i)).append("' : '").append(file).append("',\n");
                dict.put(keys.get(i), file);
            }
            Selector s = selector("(('DATE-OBS', 'TIME-OBS'),)", "", body.append("})").toString());
            List<String> expectedKeys = new ArrayList<>(dict.keySet());
            expectedKeys.sort(CodePointOrder.STRINGS);
            List<String> actualKeys = new ArrayList<>();
            for (Selection sel : s.selections()) {
                actualKeys.add((String) sel.key());
                assertEquals(dict.get((String) sel.key()), sel.choice().toString(), "file of " + sel.key());
            }
            assertEquals(expectedKeys, actualKeys, "written " + keys);

            for (int q = 0; q < 10; q++) {
                String lookup = UseAfterFloorPropertyTest.randomDate(r);
                String expected = "NOT FOUND No selection <= '" + lookup + "'";
                for (String k : expectedKeys) {
                    if (CodePointOrder.compare(k, lookup) <= 0) expected = dict.get(k);
                }
                assertEquals(expected, choose(s, header("DATE-OBS", lookup.substring(0, 10), "TIME-OBS", lookup.substring(11))),
                        "lookup " + lookup + " in " + expectedKeys);
            }
        }
    }
}
