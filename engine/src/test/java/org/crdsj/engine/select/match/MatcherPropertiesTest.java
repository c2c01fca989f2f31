package org.crdsj.engine.select.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random checks of the matcher laws (spec 4.1.3) and of globs against a slow reference fnmatch. */
class MatcherPropertiesTest {
    private static final long SEED = 20240611L;

    /** One key of every kind, as conditioned rules would contain them. */
    private static final List<String> KEYS = List.of(
            "HRC", "", "{A|B}", "{N/A}", "(F.*R)", "([0-9]+X)", "A*|B?", "*", "UVIS|IR", "[!A]*",
            ">1.5", "<=-3", "#>1 AND <=20#", "#>20 OR <5#", "BETWEEN 3000 3200", "N/A",
            "NOT HRC", "NOT BETWEEN 1 2", "NOT (F.*R)", "NOT A*|B", "NOT N/A", "NOT {N/A}");

    private static String randomValue(Random r) {
        String[] pieces = {"A", "B", "F", "R", "X", "HRC", "1", "2", "5", "20", "3000", "3199.99", "-3", ".", "e", "*",
            "N/A", " ", "|", "UVIS", "IR", "a"};
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) sb.append(pieces[r.nextInt(pieces.length)]);
        return sb.toString();
    }

    @Test
    void notInvertsItsInnerMatcher() {
        Random r = new Random(SEED);
        System.out.println("MatcherPropertiesTest.notInvertsItsInnerMatcher seed=" + SEED);
        for (String key : KEYS) {
            Matcher plain = Matchers.forKey(key);
            Matcher not = Matchers.forKey("NOT " + key);
            for (int i = 0; i < 500; i++) {
                String v = randomValue(r);
                assertEquals(-plain.match(v), not.match(v), () -> "NOT " + key + " on '" + v + "'");
            }
            assertEquals(-plain.match("*"), not.match("*"));
            assertEquals(-plain.match("N/A"), not.match("N/A"));
        }
    }

    @Test
    void naValueIsDontCareExceptForBracedNa() {
        for (String key : KEYS) {
            Matcher m = Matchers.forKey(key);
            int expected = key.equals("{N/A}") ? 1 : key.equals("NOT {N/A}") ? -1 : 0;
            assertEquals(expected, m.match("N/A"), key);
        }
    }

    @Test
    void starValueMatchesEveryKeyButNaAndNot() {
        for (String key : KEYS) {
            Matcher m = Matchers.forKey(key);
            int expected = m.kind() == MatcherKind.NA ? 0 : m.kind() == MatcherKind.NOT ? (key.equals("NOT N/A") ? 0 : -1) : 1;
            assertEquals(expected, m.match("*"), key);
        }
    }

    @Test
    void resultsAreAlwaysOneZeroOrMinusOne() {
        Random r = new Random(SEED + 1);
        System.out.println("MatcherPropertiesTest.resultsAreAlwaysOneZeroOrMinusOne seed=" + (SEED + 1));
        for (String key : KEYS) {
            Matcher m = Matchers.forKey(key);
            for (int i = 0; i < 300; i++) {
                int res = m.match(randomValue(r));
                assertEquals(true, res == 1 || res == 0 || res == -1, key);
            }
        }
    }

    @Test
    void inequalityAgreesWithDoubleComparison() {
        Random r = new Random(SEED + 2);
        System.out.println("MatcherPropertiesTest.inequalityAgreesWithDoubleComparison seed=" + (SEED + 2));
        String[] ops = {">", ">=", "<", "<="};
        for (int i = 0; i < 20000; i++) {
            double bound = randomNumber(r);
            double value = r.nextInt(5) == 0 ? bound : randomNumber(r);
            String op = ops[r.nextInt(ops.length)];
            String boundText = plainDecimal(bound);
            Matcher m = Matchers.forKey(op + boundText);
            double b = Double.parseDouble(boundText);
            boolean expected;
            switch (op) {
                case ">": expected = value > b; break;
                case ">=": expected = value >= b; break;
                case "<": expected = value < b; break;
                default: expected = value <= b;
            }
            String valueText = Double.toString(value);
            assertEquals(expected ? 1 : -1, m.match(valueText), op + boundText + " on " + valueText);
        }
    }

    private static double randomNumber(Random r) {
        switch (r.nextInt(3)) {
            case 0: return r.nextInt(2001) - 1000;
            case 1: return (r.nextDouble() - 0.5) * 1e6;
            default: return (r.nextInt(200001) - 100000) / 100.0;
        }
    }

    /** The key's number must fit CRDS's number syntax (no exponent needed here). */
    private static String plainDecimal(double d) {
        return new java.math.BigDecimal(Double.toString(d)).toPlainString();
    }

    @Test
    void globAgreesWithReferenceFnmatch() {
        Random r = new Random(SEED + 3);
        System.out.println("MatcherPropertiesTest.globAgreesWithReferenceFnmatch seed=" + (SEED + 3));
        String patternAlphabet = "ab*?[]!";
        String valueAlphabet = "ab[]!*?\n";
        for (int i = 0; i < 50000; i++) {
            String p = random(r, patternAlphabet, 8);
            String v = random(r, valueAlphabet, 6);
            boolean expected = ReferenceFnmatch.matches(p, v);
            assertEquals(expected, new GlobPattern(p).matches(v), () -> "glob '" + p + "' on '" + v + "'");
        }
    }

    private static String random(Random r, String alphabet, int maxLen) {
        int n = r.nextInt(maxLen + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return sb.toString();
    }

    /**
     * A deliberately simple recursive fnmatch for patterns without '-' or '\\': '*' any run,
     * '?' one char, '[...]' a set (']' first is a member, leading '!' negates), an unclosed '['
     * literal, everything else literal.
     */
    static final class ReferenceFnmatch {
        static boolean matches(String p, String v) {
            return match(p, 0, v, 0);
        }

        private static boolean match(String p, int i, String v, int j) {
            if (i == p.length()) return j == v.length();
            char c = p.charAt(i);
            if (c == '*') {
                for (int k = j; k <= v.length(); k++) if (match(p, i + 1, v, k)) return true;
                return false;
            }
            if (j == v.length()) return false;
            if (c == '?') return match(p, i + 1, v, j + 1);
            if (c == '[') {
                int close = closing(p, i + 1);
                if (close >= 0) {
                    int start = i + 1;
                    boolean neg = p.charAt(start) == '!';
                    if (neg) start++;
                    List<Character> set = new ArrayList<>();
                    for (int k = start; k < close; k++) set.add(p.charAt(k));
                    boolean in = set.contains(v.charAt(j));
                    return in != neg && match(p, close + 1, v, j + 1);
                }
            }
            return c == v.charAt(j) && match(p, i + 1, v, j + 1);
        }

        /** Index of the ']' closing a set that starts at {@code from}, or -1. */
        private static int closing(String p, int from) {
            int k = from;
            if (k < p.length() && p.charAt(k) == '!') k++;
            if (k < p.length() && p.charAt(k) == ']') k++;
            while (k < p.length() && p.charAt(k) != ']') k++;
            return k < p.length() ? k : -1;
        }
    }
}
