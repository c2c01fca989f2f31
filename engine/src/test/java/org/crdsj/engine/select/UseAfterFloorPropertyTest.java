package org.crdsj.engine.select;

import static org.crdsj.engine.rules.RmapFixtures.choose;
import static org.crdsj.engine.rules.RmapFixtures.header;
import static org.crdsj.engine.rules.RmapFixtures.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Seeded property: UseAfter's search equals a linear scan for the greatest key not after the date (spec 4.2.3). */
class UseAfterFloorPropertyTest {
    private static final long SEED = 4_2_3L;

    static String randomDate(Random r) {
        return String.format("%04d-%02d-%02d %02d:%02d:%02d", 1990 + r.nextInt(40), 1 + r.nextInt(12),
                1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60));
    }

    @Test
    void floorSearchEqualsLinearScan() {
        floorSearchEqualsLinearScan(SEED, 200, 0, 25);
    }

    /** Long lists (searched through every eighth key first), with lengths around the block edges. */
    @Test
    void floorSearchEqualsLinearScanOnLongLists() {
        floorSearchEqualsLinearScan(SEED + 1, 60, 60, 1500);
    }

    private static void floorSearchEqualsLinearScan(long seed, int rounds, int minKeys, int maxKeys) {
        System.out.println("UseAfterFloorPropertyTest seed=" + seed);
        Random r = new Random(seed);
        for (int round = 0; round < rounds; round++) {
            int n = minKeys + r.nextInt(maxKeys - minKeys);
            TreeSet<String> keys = new TreeSet<>();
            while (keys.size() < n) keys.add(randomDate(r));
            List<String> keyList = new ArrayList<>(keys);
            StringBuilder body = new StringBuilder("UseAfter({\n");
            List<String> shuffled = new ArrayList<>(keyList);
            java.util.Collections.shuffle(shuffled, r);   // written order must not matter
            for (String k : shuffled) body.append("    '").append(k).append("' : 'f_").append(k.replace(' ', '_')).append("',\n");
            Selector s = selector("(('DATE-OBS', 'TIME-OBS'),)", "", body.append("})").toString());

            for (int q = 0; q < 30; q++) {
                String lookup;
                String time;
                int pick = r.nextInt(4);
                if (pick == 0 && !keyList.isEmpty()) lookup = keyList.get(r.nextInt(keyList.size()));
                else lookup = randomDate(r);
                String date = lookup.substring(0, 10);
                time = lookup.substring(11);
                if (pick == 3) { time += ".5"; lookup += ".500000"; }
                String expected = "NOT FOUND No selection <= '" + lookup + "'";
                for (String k : keyList) {
                    if (k.compareTo(lookup) <= 0) expected = "f_" + k.replace(' ', '_');
                }
                assertEquals(expected, choose(s, header("DATE-OBS", date, "TIME-OBS", time)),
                        "seed " + seed + " round " + round + " lookup " + lookup + " keys " + keyList);
            }
        }
    }
}
