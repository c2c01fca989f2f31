package org.crdsj.engine.select.match;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a Python {@code re} pattern (as written in a {@code (...)} Match key) to a
 * {@link Pattern} that matches the same strings.
 *
 * <p>The two dialects agree on the everyday syntax; this rewrites the places where they do not:
 * {@code (?P<name>...)}/{@code (?P=name)} groups, {@code (?#...)} comments, {@code \Z}, {@code \v},
 * {@code \U........}, octal escapes, a {@code {} that is not a repeat (literal in Python), a
 * {@code {,n}} repeat, and character classes (where Java gives {@code [} and {@code &&} special
 * meanings). {@code .} and {@code $} treat only {@code \n} as a line end and {@code \d \w \s \b}
 * are Unicode-aware, as in Python. Escapes Python rejects (e.g. {@code \p}) are rejected.
 */
final class PythonRegex {
    private final String src;
    private final StringBuilder out = new StringBuilder();
    private final Map<String, String> groupNames = new HashMap<>();
    private int pos;

    private PythonRegex(String src) {
        this.src = src;
    }

    /**
     * Compiles {@code pythonPattern}.
     *
     * @throws InvalidMatchKeyException with the compiler's detail when the pattern is invalid
     */
    static Pattern compile(String pythonPattern) {
        String java;
        try {
            java = new PythonRegex(pythonPattern).translate();
        } catch (IllegalArgumentException e) {
            throw new InvalidMatchKeyException("Invalid regular expression '" + pythonPattern + "': " + e.getMessage(), e);
        }
        try {
            return Pattern.compile(java, Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS);
        } catch (PatternSyntaxException e) {
            throw new InvalidMatchKeyException("Invalid regular expression '" + pythonPattern + "': "
                    + e.getDescription() + " at position " + e.getIndex(), e);
        }
    }

    /** Exposed for tests: the Java text the Python pattern becomes. */
    static String toJava(String pythonPattern) {
        return new PythonRegex(pythonPattern).translate();
    }

    private String translate() {
        while (pos < src.length()) {
            int c = src.codePointAt(pos);
            switch (c) {
                case '\\': escape(false); break;
                case '[': charClass(); break;
                case '(': group(); break;
                case '{': brace(); break;
                case '}': case ']': pos++; out.append('\\').append((char) c); break;
                default:
                    pos += Character.charCount(c);
                    out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at position " + pos);
    }

    /** Appends one code point so that Java reads it literally inside or outside a class. */
    private void literal(int cp, StringBuilder sb) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) sb.append((char) cp);
        else sb.append("\\x{").append(Integer.toHexString(cp)).append('}');
    }

    /** Python's {@code \...} at {@code pos}; in a class only class escapes are legal. */
    private void escape(boolean inClass) {
        String r = readEscape(inClass);
        out.append(r);
    }

    /** Reads an escape at {@code pos} and returns its Java form. A single code point result is a literal. */
    private String readEscape(boolean inClass) {
        int start = pos;
        pos++; // the backslash
        if (pos >= src.length()) throw error("bad escape (end of pattern)");
        int c = src.codePointAt(pos);
        pos += Character.charCount(c);
        StringBuilder sb = new StringBuilder();
        switch (c) {
            case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
                return "\\" + (char) c;
            case 'A': case 'B':
                if (inClass) throw badEscape(start, c);
                return "\\" + (char) c;
            case 'Z':
                if (inClass) throw badEscape(start, c);
                return "\\z";
            case 'b':
                return inClass ? "\\x{8}" : "\\b";
            case 'a': literal(7, sb); return sb.toString();
            case 'f': literal('\f', sb); return sb.toString();
            case 'n': literal('\n', sb); return sb.toString();
            case 'r': literal('\r', sb); return sb.toString();
            case 't': literal('\t', sb); return sb.toString();
            case 'v': literal(0x0B, sb); return sb.toString();
            case 'x': literal(hex(2, start), sb); return sb.toString();
            case 'u': literal(hex(4, start), sb); return sb.toString();
            case 'U': {
                int cp = hex(8, start);
                if (!Character.isValidCodePoint(cp)) throw error("bad escape " + src.substring(start, pos));
                literal(cp, sb);
                return sb.toString();
            }
            case 'N': {
                if (pos >= src.length() || src.charAt(pos) != '{') throw error("missing {");
                int end = src.indexOf('}', pos);
                if (end < 0) throw error("missing }, unterminated name");
                String name = src.substring(pos + 1, end);
                pos = end + 1;
                int cp;
                try {
                    cp = Character.codePointOf(name);
                } catch (IllegalArgumentException e) {
                    throw error("undefined character name '" + name + "'");
                }
                literal(cp, sb);
                return sb.toString();
            }
            default:
                break;
        }
        if (c >= '0' && c <= '9') {
            // Python: \0, or three octal digits, is an octal escape; otherwise one or two digits are a group reference.
            int p = pos - 1;
            if (c == '0') {
                int v = 0, k = 0;
                p++;
                while (k < 2 && p < src.length() && isOctal(src.charAt(p))) { v = v * 8 + (src.charAt(p) - '0'); p++; k++; }
                pos = p;
                literal(v, sb);
                return sb.toString();
            }
            if (p + 2 < src.length() && isOctal(src.charAt(p)) && isOctal(src.charAt(p + 1)) && isOctal(src.charAt(p + 2))) {
                int v = Integer.parseInt(src.substring(p, p + 3), 8);
                if (v > 0377) throw error("octal escape value " + src.substring(start, p + 3) + " outside of range 0-0o377");
                pos = p + 3;
                literal(v, sb);
                return sb.toString();
            }
            if (inClass) throw badEscape(start, c);
            int q = p + 1;
            if (q < src.length() && Character.isDigit(src.charAt(q)) && src.charAt(q) <= '9') q++;
            pos = q;
            return "(?:\\" + src.substring(p, q) + ")"; // group so Java cannot read following digits into it
        }
        if (c < 128 && Character.isLetter(c)) throw badEscape(start, c);
        literal(c, sb);
        return sb.toString();
    }

    private IllegalArgumentException badEscape(int start, int c) {
        pos = start;
        return error("bad escape \\" + new String(Character.toChars(c)));
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private int hex(int digits, int start) {
        if (pos + digits > src.length()) throw error("incomplete escape " + src.substring(start));
        int v = 0;
        for (int k = 0; k < digits; k++) {
            int d = Character.digit(src.charAt(pos + k), 16);
            if (d < 0 || src.charAt(pos + k) > 'f') throw error("incomplete escape " + src.substring(start, pos + k + 1));
            v = v * 16 + d;
        }
        pos += digits;
        return v;
    }

    /** A Python character class: {@code [} is literal inside, {@code ]} first is literal, no {@code &&}. */
    private void charClass() {
        int start = pos;
        pos++;
        StringBuilder cls = new StringBuilder("[");
        if (pos < src.length() && src.charAt(pos) == '^') { cls.append('^'); pos++; }
        boolean first = true;
        while (true) {
            if (pos >= src.length()) { pos = start; throw error("unterminated character set"); }
            int c = src.codePointAt(pos);
            if (c == ']' && !first) { pos++; break; }
            first = false;
            String item1;
            int lo; // literal code point, or -1 for a class escape such as \d
            if (c == '\\') {
                item1 = readEscape(true);
                lo = literalValue(item1);
            } else {
                pos += Character.charCount(c);
                StringBuilder sb = new StringBuilder();
                literal(c, sb);
                item1 = sb.toString();
                lo = c;
            }
            if (pos < src.length() && src.charAt(pos) == '-') {
                pos++;
                if (pos >= src.length()) { pos = start; throw error("unterminated character set"); }
                int d = src.codePointAt(pos);
                if (d == ']') {
                    cls.append(item1).append("\\x{2d}");
                    pos++;
                    break;
                }
                int hi;
                if (d == '\\') {
                    hi = literalValue(readEscape(true));
                } else {
                    pos += Character.charCount(d);
                    hi = d;
                }
                if (lo < 0 || hi < 0 || hi < lo) throw error("bad character range");
                StringBuilder sb = new StringBuilder();
                literal(lo, sb);
                sb.append('-');
                literal(hi, sb);
                cls.append(sb);
            } else {
                cls.append(item1);
            }
        }
        out.append(cls).append(']');
    }

    /** The code point a translated single-character escape stands for, or -1 for a class like {@code \d}. */
    private static int literalValue(String javaItem) {
        if (javaItem.startsWith("\\x{")) return Integer.parseInt(javaItem.substring(3, javaItem.length() - 1), 16);
        if (javaItem.codePointCount(0, javaItem.length()) == 1 && !javaItem.startsWith("\\")) return javaItem.codePointAt(0);
        return -1;
    }

    /** Groups: rewrites Python-only group syntax, leaves the rest to Java. */
    private void group() {
        if (src.startsWith("(?P<", pos)) {
            int end = src.indexOf('>', pos + 4);
            if (end < 0) throw error("missing >, unterminated name");
            String name = src.substring(pos + 4, end);
            if (name.isEmpty() || !isIdentifier(name)) throw error("bad character in group name '" + name + "'");
            if (groupNames.containsKey(name)) throw error("redefinition of group name '" + name + "'");
            String javaName = "g" + groupNames.size() + "x" + name.replaceAll("[^A-Za-z0-9]", "");
            groupNames.put(name, javaName);
            out.append("(?<").append(javaName).append('>');
            pos = end + 1;
        } else if (src.startsWith("(?P=", pos)) {
            int end = src.indexOf(')', pos + 4);
            if (end < 0) throw error("missing ), unterminated name");
            String name = src.substring(pos + 4, end);
            String javaName = groupNames.get(name);
            if (javaName == null) throw error("unknown group name '" + name + "'");
            out.append("\\k<").append(javaName).append('>');
            pos = end + 1;
        } else if (src.startsWith("(?#", pos)) {
            int end = src.indexOf(')', pos);
            if (end < 0) throw error("missing ), unterminated comment");
            pos = end + 1;
        } else {
            out.append('(');
            pos++;
        }
    }

    private static boolean isIdentifier(String s) {
        if (!Character.isUnicodeIdentifierStart(s.codePointAt(0)) && s.charAt(0) != '_') return false;
        return s.codePoints().allMatch(cp -> Character.isUnicodeIdentifierPart(cp) || cp == '_');
    }

    /** Python reads {@code {m}}, {@code {m,}}, {@code {,n}}, {@code {m,n}} as repeats and any other brace literally. */
    private void brace() {
        int p = pos + 1;
        int loStart = p;
        while (p < src.length() && src.charAt(p) >= '0' && src.charAt(p) <= '9') p++;
        String lo = src.substring(loStart, p);
        String hi = lo;
        boolean comma = false;
        if (p < src.length() && src.charAt(p) == ',') {
            comma = true;
            int hiStart = ++p;
            while (p < src.length() && src.charAt(p) >= '0' && src.charAt(p) <= '9') p++;
            hi = src.substring(hiStart, p);
        }
        boolean closed = p < src.length() && src.charAt(p) == '}';
        if (!closed || (!comma && lo.isEmpty())) {
            out.append("\\{");
            pos++;
            return;
        }
        String javaLo = lo.isEmpty() ? "0" : lo;
        if (!hi.isEmpty() && new java.math.BigInteger(javaLo).compareTo(new java.math.BigInteger(hi)) > 0) {
            throw error("min repeat greater than max repeat");
        }
        out.append('{').append(javaLo);
        if (comma) out.append(',').append(hi);
        out.append('}');
        pos = p + 1;
    }
}
