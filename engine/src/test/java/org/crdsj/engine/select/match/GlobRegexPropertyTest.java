package org.crdsj.engine.select.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Or-globs as CRDS rules write them ({@code *}, {@code ?}, {@code |}, literal text with regex
 * specials, non-ASCII and astral characters, empty parts) against a regex reference: each part
 * translated the way fnmatch does ({@code *} -> {@code .*}, {@code ?} -> {@code .}, everything
 * else quoted, dot matching newlines, whole value), plus CRDS's base rule for {@code *} and
 * {@code N/A} values and its empty alternation. Bracket classes have their own reference test.
 */
class GlobRegexPropertyTest {
    private static final long SEED = 20261125L;
    private static final String[] KEY_PIECES = {"A", "b", "*", "?", "|", " ", "\u00e9", "\uD835\uDD38", ".", "+", "(",
        ")", "$", "^", "\\", "{", "}", "N/A", "F2", "\n", "-"};
    private static final String[] VALUE_PIECES = {"A", "b", "\u00e9", "\uD835\uDD38", ".", "+", "(", ")", "$", "^",
        "\\", "{", "}", "N/A", "F2", "\n", "-", "*", " ", "?"};

    private static String random(Random r, String[] pieces, int max) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) sb.append(pieces[r.nextInt(pieces.length)]);
        return sb.toString();
    }

    /** fnmatch's translation of one glob without brackets, as a Java regex. */
    private static Pattern reference(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); ) {
            int cp = glob.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '*') re.append(".*");
            else if (cp == '?') re.append('.');
            else re.append(Pattern.quote(new String(Character.toChars(cp))));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static int expected(String key, String value) {
        if (value.equals("*")) return Matcher.MATCH;
        if (value.equals("N/A")) return Matcher.DONT_CARE;
        List<String> parts = MatchKeys.globList(key);
        if (parts.isEmpty()) return value.isEmpty() || value.equals("\n") ? Matcher.MATCH : Matcher.NO_MATCH;
        for (String p : parts) if (reference(p).matcher(value).matches()) return Matcher.MATCH;
        return Matcher.NO_MATCH;
    }

    @Test
    void orGlobsAgreeWithTheirRegexTranslation() {
        Random r = new Random(SEED);
        System.out.println("GlobRegexPropertyTest.orGlobsAgreeWithTheirRegexTranslation seed=" + SEED);
        for (int round = 0; round < 4000; round++) {
            String body = random(r, KEY_PIECES, 5);
            String key = r.nextInt(4) == 0 ? body + "|" + random(r, KEY_PIECES, 3) : body;
            if (key.indexOf('*') < 0 && key.indexOf('|') < 0) key = key + "*";   // what the factory sends to globs
            if (MatchKeys.isEsoteric(key)) continue;
            GlobMatcher g = new GlobMatcher(key);
            for (int i = 0; i < 25; i++) {
                String value = i == 0 ? "" : i == 1 ? "*" : i == 2 ? "N/A" : random(r, VALUE_PIECES, 5);
                String k = key;
                assertEquals(expected(key, value), g.match(value), () -> "glob '" + k + "' on '" + value + "'");
            }
        }
    }

    @Test
    void globsWithoutWildcardsAreLiteralAlternatives() {
        Random r = new Random(SEED + 1);
        System.out.println("GlobRegexPropertyTest.globsWithoutWildcardsAreLiteralAlternatives seed=" + (SEED + 1));
        String[] plain = {"A", "b", "\u00e9", "\uD835\uDD38", ".", "+", "$", "\\", "F2", "-", " "};
        for (int round = 0; round < 4000; round++) {
            String key = random(r, plain, 3) + "|" + random(r, plain, 3);
            if (MatchKeys.isEsoteric(key)) continue;
            GlobMatcher g = new GlobMatcher(key);
            List<String> parts = MatchKeys.globList(key);
            for (String p : parts) assertEquals(Matcher.MATCH, g.match(p), key);
            for (int i = 0; i < 10; i++) {
                String value = random(r, plain, 4);
                assertEquals(expected(key, value), g.match(value), () -> "glob '" + key + "' on '" + value + "'");
            }
        }
    }
}
