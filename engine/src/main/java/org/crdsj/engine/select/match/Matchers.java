package org.crdsj.engine.select.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.crdsj.engine.values.PythonFloat;
import org.crdsj.engine.values.PythonStrings;

/** The CRDS matcher factory: compiles one conditioned Match key element (spec 4.1.2). */
public final class Matchers {
    private Matchers() {}

    /**
     * Compiles a key element; the first rule that applies wins: {@code (regex)}, {@code {literal}},
     * {@code #relation#}, {@code between lo hi}, {@code NOT x}, globs (containing {@code |} or
     * {@code *}), {@code N/A}, inequalities ({@code >}/{@code <} prefix), otherwise a literal.
     *
     * @param key a conditioned key element (the doctests also feed raw text: upper-casing is not
     *     required, only {@code #...#} keys are upper-cased here, as CRDS does)
     * @throws InvalidMatchKeyException for a malformed {@code between}, regex or inequality
     */
    public static Matcher forKey(String key) {
        if (key.startsWith("(") && key.endsWith(")")) return new RegexMatcher(inner(key));
        if (key.startsWith("{") && key.endsWith("}")) return new LiteralMatcher(inner(key));
        if (key.startsWith("#") && key.endsWith("#")) {
            String upper = key.toUpperCase(Locale.ROOT);
            if (upper.contains(" AND ")) return BinaryMatcher.parse(upper, BinaryMatcher.Operator.AND);
            if (upper.contains(" OR ")) return BinaryMatcher.parse(upper, BinaryMatcher.Operator.OR);
            return forKey(inner(upper)); // deliberately not stripped: '# >5 #' is the literal ' >5 '
        }
        String upper = key.toUpperCase(Locale.ROOT);
        if (upper.startsWith("BETWEEN")) return between(key);
        if (upper.startsWith("NOT ")) return new NotMatcher(key, forKey(PythonStrings.strip(key.substring(4))));
        if (key.indexOf('|') >= 0 || key.indexOf('*') >= 0) return new GlobMatcher(key);
        if (key.equals("N/A")) return NaMatcher.INSTANCE;
        if (key.startsWith(">") || key.startsWith("<")) return new InequalityMatcher(key);
        return new LiteralMatcher(key);
    }

    /**
     * The matcher CRDS builds for a tuple of alternatives (a glob of the members joined with
     * {@code |}). Conditioned keys never take this form; it exists for parity with the factory.
     */
    public static Matcher forAlternatives(List<String> members) {
        return new GlobMatcher(String.join("|", members));
    }

    /** The text between the first and last character ("" for a one-character key such as {@code #}). */
    private static String inner(String key) {
        return key.length() >= 2 ? key.substring(1, key.length() - 1) : "";
    }

    /** {@code between lo hi}: the half-open range {@code >=lo AND <hi}. */
    private static Matcher between(String key) {
        List<String> words = splitWhitespace(key);
        if (words.size() != 3) throw new InvalidMatchKeyException("Invalid between relation " + pythonRepr(key));
        double lo = pythonFloat(words.get(1));
        double hi = pythonFloat(words.get(2));
        if (!(lo <= hi)) {
            throw new InvalidMatchKeyException("Invalid between relation " + pythonRepr(key)
                    + " should be 'between lower_bound upper_bound'");
        }
        return BinaryMatcher.parse(">=" + words.get(1) + " AND <" + words.get(2), BinaryMatcher.Operator.AND);
    }

    private static double pythonFloat(String word) {
        OptionalDouble v = PythonFloat.parse(word);
        if (v.isEmpty()) throw new InvalidMatchKeyException("could not convert string to float: " + pythonRepr(word));
        return v.getAsDouble();
    }

    /** Python's {@code str.split()} with no arguments: runs of whitespace separate, no empty words. */
    static List<String> splitWhitespace(String s) {
        List<String> words = new ArrayList<>();
        int i = 0, n = s.length();
        while (i < n) {
            while (i < n && PythonStrings.isPythonSpace(s.charAt(i))) i++;
            int start = i;
            while (i < n && !PythonStrings.isPythonSpace(s.charAt(i))) i++;
            if (i > start) words.add(s.substring(start, i));
        }
        return words;
    }

    /** Python's {@code repr(str)}, for error messages that quote a key the way CRDS does. */
    static String pythonRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') sb.append('\\').appendCodePoint(cp);
            else if (cp == '\n') sb.append("\\n");
            else if (cp == '\r') sb.append("\\r");
            else if (cp == '\t') sb.append("\\t");
            else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) sb.append(String.format("\\x%02x", cp));
            else sb.appendCodePoint(cp);
        }
        return sb.append(quote).toString();
    }
}
