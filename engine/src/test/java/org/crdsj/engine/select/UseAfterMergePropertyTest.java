package org.crdsj.engine.select;

import static org.crdsj.engine.rules.RmapFixtures.choose;
import static org.crdsj.engine.rules.RmapFixtures.header;
import static org.crdsj.engine.rules.RmapFixtures.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: merging equal-weight UseAfters does not depend on which tied Match entry holds
 * which UseAfter; per date the greatest file name wins (spec 4.1.5, 4.2.5).
 */
class UseAfterMergePropertyTest {
    private static final long SEED = 4_2_5L;
    /** Keys that all match OBSTYPE=A with weight 2 together with DETECTOR=FUV. */
    private static final List<String> TIED_KEYS = List.of("'A'", "'A|B'", "'A|C'", "'*'", "'A|B|C'", "'B|A|D'");

    @Test
    void mergeIsOrderIndependentAndPicksTheGreatestNamePerDate() {
        System.out.println("UseAfterMergePropertyTest seed=" + SEED);
        Random r = new Random(SEED);
        for (int round = 0; round < 60; round++) {
            int ties = 2 + r.nextInt(TIED_KEYS.size() - 1);
            List<Map<String, String>> useAfters = new ArrayList<>();
            TreeMap<String, String> reference = new TreeMap<>();   // date -> greatest name
            List<String> dates = new ArrayList<>();
            for (int i = 0; i < 8; i++) dates.add(UseAfterFloorPropertyTest.randomDate(r));
            for (int t = 0; t < ties; t++) {
                Map<String, String> entries = new TreeMap<>();
                int n = 1 + r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    String date = dates.get(r.nextInt(dates.size()));   // shared dates force collisions
                    String file = "f" + (char) ('a' + r.nextInt(6)) + r.nextInt(10) + ".fits";
                    entries.put(date, file);
                }
                useAfters.add(entries);
                entries.forEach((d, f) -> reference.merge(d, f, (a, b) -> a.compareTo(b) >= 0 ? a : b));
            }
            List<Selector> permutations = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                List<Map<String, String>> order = new ArrayList<>(useAfters);
                Collections.shuffle(order, r);
                permutations.add(build(order));
            }
            for (int q = 0; q < 25; q++) {
                String lookup = r.nextInt(3) == 0 ? dates.get(r.nextInt(dates.size())) : UseAfterFloorPropertyTest.randomDate(r);
                var floor = reference.floorEntry(lookup);
                String expected = floor == null ? "NOT FOUND No match found." : floor.getValue();
                for (Selector s : permutations) {
                    assertEquals(expected, choose(s, header("DETECTOR", "FUV", "OBSTYPE", "A",
                            "DATE-OBS", lookup.substring(0, 10), "TIME-OBS", lookup.substring(11))),
                            "seed " + SEED + " round " + round + " date " + lookup + " useafters " + useAfters);
                }
            }
        }
    }

    private static Selector build(List<Map<String, String>> useAfters) {
        StringBuilder body = new StringBuilder("Match({\n");
        for (int t = 0; t < useAfters.size(); t++) {
            body.append("    ('FUV', ").append(TIED_KEYS.get(t)).append(") : UseAfter({\n");
            useAfters.get(t).forEach((d, f) -> body.append("        '").append(d).append("' : '").append(f).append("',\n"));
            body.append("    }),\n");
        }
        return selector("(('DETECTOR', 'OBSTYPE'), ('DATE-OBS', 'TIME-OBS'))", "", body.append("})").toString());
    }
}
