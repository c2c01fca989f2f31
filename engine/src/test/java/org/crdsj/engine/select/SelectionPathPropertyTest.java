package org.crdsj.engine.select;

import static org.crdsj.engine.rules.RmapFixtures.render;
import static org.crdsj.engine.rules.RmapFixtures.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: for random rmaps (a Match over one or two parameters, or none, above every
 * selector kind, with ties merged or refused) and random headers, the traced lookup returns the
 * same choice as the normal lookup, and walking its steps down from the top selector reaches that
 * same terminal.
 */
class SelectionPathPropertyTest {
    private static final long SEED = 20261123L;
    private static final String[] MATCH_KEYS = {"A", "B", "C", "*", "N/A", "A|B"};
    private static final String[] MATCH_VALUES = {"A", "B", "C", "D", "*", "N/A"};
    private static final String[] DATES = {"2000-01-01 00:00:00", "2005-01-01 00:00:00", "2010-01-01 00:00:00"};
    private static final String[] LOOKUP_DATES = {"1995-01-01", "2000-01-01", "2003-06-01", "2005-01-01", "2012-01-01", "2003/13/45"};
    private static final String[] VERSIONS = {"1", "1.2", "2.0.1", "3"};
    private static final String[] LOOKUP_VERSIONS = {"0.5", "1.2", "2.5", "9", "1.2.3"};
    private static final String[] RELATIONS = {"<3.1", "<5", "default", "2.0", "<=4"};
    private static final String[] LOOKUP_SW = {"1", "3.1", "4", "6", "default", "x"};
    private static final String[] NUMBERS = {"1.2", "1.5", "5.0", "3"};
    private static final String[] LOOKUP_NUMBERS = {"1.0", "1.3", "1.5", "2", "6", "x"};

    private enum Kind { PLAIN, USE_AFTER, CLOSEST_TIME, VERSION_AFTER, SELECT_VERSION, NEAREST, BRACKET }

    @Test
    void tracedLookupChoosesAsTheLookupAndItsStepsLeadThere() {
        System.out.println("SelectionPathPropertyTest seed=" + SEED);
        Random r = new Random(SEED);
        int checked = 0, answered = 0, ties = 0;
        for (int round = 0; round < 500; round++) {
            Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
            boolean match = kind == Kind.PLAIN || r.nextInt(5) > 0;
            int np = 1 + r.nextInt(2);
            String text = rules(r, kind, match, np);
            Selector s = selector(parkey(kind, match, np), r.nextInt(4) > 0 ? "" : "    'merge_overlaps' : 'false',\n", text);
            for (int q = 0; q < 25; q++) {
                Map<String, String> header = header(r, np);
                String where = "seed " + SEED + " round " + round + " rules " + text + " header " + header;
                Choice expected = s.select(header);
                SelectionPath path = s.trace(header);
                assertEquals(describe(expected), describe(path.choice()), where);
                checked++;
                if (expected instanceof Choice.Failed) continue;
                assertFalse(path.steps().isEmpty(), where);
                assertEquals(describe(expected), describe(rewalk(s, path, where)), where);
                answered++;
                if (path.steps().get(0).chosen().size() > 1) ties++;
            }
        }
        System.out.println("SelectionPathPropertyTest checked " + checked + " lookups, " + answered
                + " answered, " + ties + " through a tie");
        assertTrue(answered > checked / 4 && ties > 0, "the generator reaches answers and ties");
    }

    /**
     * Walks the path's steps from {@code top}: each step's entries belong to its selector, which is
     * the selector the previous step's entry leads to (or, below a tie, a merge whose entries all
     * come from the tied entries' selectors); the last step's entries give the terminal.
     */
    private static Choice rewalk(Selector top, SelectionPath path, String where) {
        List<Selector> expected = List.of(top);
        List<SelectionPath.Step> steps = path.steps();
        for (int i = 0; i < steps.size(); i++) {
            SelectionPath.Step step = steps.get(i);
            assertFalse(step.chosen().isEmpty(), where);
            if (expected.size() == 1) {
                assertSame(expected.get(0), step.selector(), where);
            } else {
                Set<Selection> pool = identitySet();
                for (Selector e : expected) pool.addAll(e.selections());
                for (Selection c : step.chosen()) assertTrue(pool.contains(c), "from a tied case: " + where);
                assertEquals(expected.get(0).kind(), step.selector().kind(), where);
            }
            Set<Selection> own = identitySet();
            own.addAll(step.selector().selections());
            for (Selection c : step.chosen()) assertTrue(own.contains(c), where);
            if (i == steps.size() - 1) {
                List<Choice> terminals = new ArrayList<>();
                for (Selection c : step.chosen()) terminals.add(c.choice());
                if (terminals.size() == 1 && step.selector().kind().equals("Bracket")) terminals.add(terminals.get(0));
                return terminals.size() == 1 ? terminals.get(0) : new Choice.Several(terminals);
            }
            List<Selector> next = new ArrayList<>();
            for (Selection c : step.chosen()) {
                assertTrue(c.choice() instanceof Choice.Nested, where);
                next.add(((Choice.Nested) c.choice()).selector());
            }
            expected = next;
        }
        throw new AssertionError("no steps: " + where);
    }

    private static Set<Selection> identitySet() {
        return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }

    private static String describe(Choice c) {
        if (c instanceof Choice.Failed f) {
            return "FAILED " + f.failure().category() + " " + f.failure().getMessage();
        }
        return render(c);
    }

    // ------------------------------------------------------------------ generators

    private static String parkey(Kind kind, boolean match, int np) {
        StringBuilder sb = new StringBuilder("(");
        if (match) {
            sb.append("(");
            for (int i = 0; i < np; i++) sb.append("'P").append(i).append("', ");
            sb.append("), ");
        }
        switch (kind) {
            case USE_AFTER, CLOSEST_TIME -> sb.append("('DATE-OBS', 'TIME-OBS'), ");
            case VERSION_AFTER -> sb.append("('CAL_VER',), ");
            case SELECT_VERSION -> sb.append("('SW_VERSION',), ");
            case NEAREST, BRACKET -> sb.append("('WAVELENGTH',), ");
            default -> { }
        }
        return sb.append(")").toString();
    }

    private static String rules(Random r, Kind kind, boolean match, int np) {
        if (!match) return nested(r, kind);
        Set<String> keys = new LinkedHashSet<>();
        int n = 1 + r.nextInt(6);
        for (int tries = 0; keys.size() < n && tries < 40; tries++) {
            StringBuilder key = new StringBuilder("(");
            for (int i = 0; i < np; i++) key.append("'").append(MATCH_KEYS[r.nextInt(MATCH_KEYS.length)]).append("', ");
            keys.add(key.append(")").toString());
        }
        StringBuilder body = new StringBuilder("Match({\n");
        for (String k : keys) body.append("    ").append(k).append(" : ").append(nested(r, kind)).append(",\n");
        return body.append("})").toString();
    }

    private static String nested(Random r, Kind kind) {
        String[] keys = switch (kind) {
            case PLAIN -> null;
            case USE_AFTER, CLOSEST_TIME -> DATES;
            case VERSION_AFTER -> VERSIONS;
            case SELECT_VERSION -> RELATIONS;
            case NEAREST, BRACKET -> NUMBERS;
        };
        if (keys == null) return "'f" + r.nextInt(5) + ".fits'";
        String name = switch (kind) {
            case USE_AFTER -> "UseAfter";
            case CLOSEST_TIME -> "ClosestTime";
            case VERSION_AFTER -> "VersionAfter";
            case SELECT_VERSION -> "SelectVersion";
            case NEAREST -> "GeometricallyNearest";
            default -> "Bracket";
        };
        boolean numeric = kind == Kind.NEAREST || kind == Kind.BRACKET;
        Set<String> chosen = new LinkedHashSet<>();
        int m = 1 + r.nextInt(3);
        for (int i = 0; i < m; i++) chosen.add(keys[r.nextInt(keys.length)]);
        StringBuilder sb = new StringBuilder(name).append("({ ");
        for (String k : chosen) {
            sb.append(numeric ? k : "'" + k + "'").append(" : 'u").append(r.nextInt(5)).append(".fits', ");
        }
        return sb.append("})").toString();
    }

    private static Map<String, String> header(Random r, int np) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < np; i++) {
            if (r.nextInt(10) > 0) h.put("P" + i, MATCH_VALUES[r.nextInt(MATCH_VALUES.length)]);
        }
        if (r.nextInt(12) > 0) {
            h.put("DATE-OBS", LOOKUP_DATES[r.nextInt(LOOKUP_DATES.length)]);
            h.put("TIME-OBS", r.nextBoolean() ? "00:00:00" : "12:30:00");
        }
        if (r.nextInt(12) > 0) h.put("CAL_VER", LOOKUP_VERSIONS[r.nextInt(LOOKUP_VERSIONS.length)]);
        if (r.nextInt(12) > 0) h.put("SW_VERSION", LOOKUP_SW[r.nextInt(LOOKUP_SW.length)]);
        if (r.nextInt(12) > 0) h.put("WAVELENGTH", LOOKUP_NUMBERS[r.nextInt(LOOKUP_NUMBERS.length)]);
        return h;
    }
}
