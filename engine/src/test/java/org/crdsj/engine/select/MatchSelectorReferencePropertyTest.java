package org.crdsj.engine.select;

import static org.crdsj.engine.rules.RmapFixtures.choose;
import static org.crdsj.engine.rules.RmapFixtures.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: for random Match rmaps whose keys are literals, {@code *} and {@code N/A}, the
 * engine's answer equals a slow reference written from spec 4.1.3-4.1.9 (validation, weights,
 * groups, ties, merges, fall-through, exhaustion).
 */
class MatchSelectorReferencePropertyTest {
    private static final long SEED = 4_1_4L;
    private static final String[] LITERALS = {"A", "B", "C"};
    private static final String[] VALUES = {"A", "B", "C", "D", "*", "N/A"};
    private static final String[] DATES = {"2000-01-01 00:00:00", "2005-01-01 00:00:00", "2010-01-01 00:00:00"};
    private static final Comparator<List<String>> TUPLES = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) return c;
        }
        return 0;
    };

    /** One generated rmap: its keys (in written order) and each key's choice. */
    record Rules(int params, List<List<String>> keys, List<Object> choices, boolean merge, boolean nested) {}

    @Test
    void engineAgreesWithTheReference() {
        System.out.println("MatchSelectorReferencePropertyTest seed=" + SEED);
        Random r = new Random(SEED);
        int checked = 0;
        for (int round = 0; round < 400; round++) {
            Rules rules = randomRules(r);
            Selector s = build(rules);
            for (int q = 0; q < 20; q++) {
                Map<String, String> header = new LinkedHashMap<>();
                for (int i = 0; i < rules.params(); i++) {
                    if (r.nextInt(10) > 0) header.put("P" + i, VALUES[r.nextInt(VALUES.length)]);
                }
                String date = DATES[r.nextInt(DATES.length)].replace("00:00:00", "12:00:00");
                if (r.nextBoolean()) date = "1995-01-01 00:00:00";
                header.put("DATE-OBS", date.substring(0, 10));
                header.put("TIME-OBS", date.substring(11));
                String expected = reference(rules, header, date);
                assertEquals(expected, choose(s, header),
                        "seed " + SEED + " round " + round + " rules " + rules + " header " + header);
                checked++;
            }
        }
        System.out.println("MatchSelectorReferencePropertyTest checked " + checked + " lookups");
    }

    private static Rules randomRules(Random r) {
        int np = 1 + r.nextInt(3);
        int n = r.nextInt(8);
        Set<List<String>> keys = new LinkedHashSet<>();
        for (int tries = 0; keys.size() < n && tries < 50; tries++) {
            List<String> key = new ArrayList<>();
            for (int i = 0; i < np; i++) {
                int k = r.nextInt(10);
                key.add(k < 6 ? LITERALS[r.nextInt(LITERALS.length)] : k < 8 ? "*" : "N/A");
            }
            keys.add(key);
        }
        boolean nested = r.nextBoolean();
        List<Object> choices = new ArrayList<>();
        for (int e = 0; e < keys.size(); e++) {
            if (!nested) {
                choices.add("f" + r.nextInt(5) + ".fits");
            } else {
                TreeMap<String, String> ua = new TreeMap<>();
                int m = 1 + r.nextInt(2);
                for (int i = 0; i < m; i++) ua.put(DATES[r.nextInt(DATES.length)], "u" + r.nextInt(5) + ".fits");
                choices.add(ua);
            }
        }
        return new Rules(np, new ArrayList<>(keys), choices, r.nextInt(4) > 0, nested);
    }

    private static Selector build(Rules rules) {
        StringBuilder params = new StringBuilder("((");
        for (int i = 0; i < rules.params(); i++) params.append("'P").append(i).append("', ");
        params.append("), ('DATE-OBS', 'TIME-OBS'))");
        StringBuilder body = new StringBuilder("Match({\n");
        for (int e = 0; e < rules.keys().size(); e++) {
            body.append("    (");
            for (String k : rules.keys().get(e)) body.append("'").append(k).append("', ");
            body.append(") : ");
            Object c = rules.choices().get(e);
            if (c instanceof String f) {
                body.append("'").append(f).append("',\n");
            } else {
                body.append("UseAfter({ ");
                ((Map<?, ?>) c).forEach((d, f) -> body.append("'").append(d).append("' : '").append(f).append("', "));
                body.append("}),\n");
            }
        }
        String merge = rules.merge() ? "" : "    'merge_overlaps' : 'false',\n";
        return selector(params.toString(), merge, body.append("})").toString());
    }

    // ------------------------------------------------------------------ the reference, from the spec

    private static String reference(Rules rules, Map<String, String> header, String date) {
        int np = rules.params();
        List<TreeSet<String>> columns = new ArrayList<>();
        for (int i = 0; i < np; i++) {
            TreeSet<String> col = new TreeSet<>();
            for (List<String> k : rules.keys()) col.add(k.get(i));
            columns.add(col);
        }
        // 4.0 step 1: an absent parameter is an error unless its column has N/A.
        for (int i = 0; i < np; i++) {
            if (!header.containsKey("P" + i) && !columns.get(i).contains("N/A")) {
                return "NOT FOUND Match required lookup parameter 'P" + i + "' is undefined.";
            }
        }
        // 4.1.9: validation against the column's literal values.
        String[] values = new String[np];
        for (int i = 0; i < np; i++) {
            String v = header.getOrDefault("P" + i, "UNDEFINED");
            values[i] = v;
            TreeSet<String> col = columns.get(i);
            boolean ok = col.contains(v) || col.contains("*") || col.contains("N/A") || col.isEmpty()
                    || v.equals("*") || v.equals("N/A");
            if (!ok) {
                return "NOT FOUND  parameter='P" + i + "' value='" + v + "' is not in "
                        + String.join(", ", col.stream().map(x -> "'" + x + "'").toList()).transform(x -> "[" + x + "]");
            }
        }
        // 4.1.4: winnow and weigh.
        TreeMap<Integer, List<Integer>> groups = new TreeMap<>();
        List<Integer> order = new ArrayList<>();
        for (int e = 0; e < rules.keys().size(); e++) order.add(e);
        order.sort((a, b) -> TUPLES.compare(rules.keys().get(a), rules.keys().get(b)));
        for (int e : order) {
            int weight = 0;
            boolean alive = true;
            for (int i = 0; i < np && alive; i++) {
                int m = match(rules.keys().get(e).get(i), values[i]);
                if (m < 0) alive = false; else weight -= m;
            }
            if (alive) groups.computeIfAbsent(weight, w -> new ArrayList<>()).add(e);
        }
        // 4.1.5-4.1.7: groups best first; ties merge or list; nested failures fall through.
        for (List<Integer> group : groups.values()) {
            if (group.size() > 1 && !rules.merge()) return "NOT FOUND More than one match clause matched.";
            if (!rules.nested()) {
                if (group.size() == 1) return (String) rules.choices().get(group.get(0));
                return "(" + String.join(", ", group.stream().map(e -> "'" + rules.choices().get(e) + "'").toList()) + ")";
            }
            TreeMap<String, String> merged = new TreeMap<>();
            for (int e : group) {
                @SuppressWarnings("unchecked")
                Map<String, String> ua = (Map<String, String>) rules.choices().get(e);
                ua.forEach((d, f) -> merged.merge(d, f, (a, b) -> a.compareTo(b) >= 0 ? a : b));
            }
            var floor = merged.floorEntry(date);
            if (floor != null) return floor.getValue();
        }
        return "NOT FOUND No match found.";
    }

    /** 4.1.3 for the key kinds generated here: N/A keys weigh 0, '*' and exact values 1. */
    private static int match(String key, String v) {
        if (key.equals("N/A")) return 0;
        if (v.equals(key) || v.equals("*")) return 1;
        if (v.equals("N/A")) return 0;
        if (key.equals("*")) return 1;
        return -1;
    }
}
