package org.crdsj.engine.select.match;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
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
 * meanings). {@code .} and {@code $} treat only {@code \n} as a line end; {@code \d \w \s \b}
 * use Python's Unicode definitions (its {@code \s} adds U+001C..U+001F, its {@code \w} is
 * letters, numbers and underscore). Escapes Python rejects (e.g. {@code \p}), repeats of nothing,
 * double repeats and references to missing or open groups are rejected.
 *
 * <p>Known gaps: the ASCII/LOCALE flags ({@code (?a)}, {@code (?L)}) are refused, and a
 * variable-width look-behind that Python refuses is accepted when Java can bound it.
 */
final class PythonRegex {
    /** Python's word character (letters, numbers, underscore) as a Java class. */
    private static final String WORD = "[\\p{L}\\p{N}_]";
    /** {@code \b} built on Python's word characters. */
    private static final String WORD_BOUNDARY = "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
    /** {@code \B}: the other positions, except that Python never finds one in an empty string. */
    private static final String NOT_WORD_BOUNDARY =
            "(?:(?!\\A\\z)(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + ")))";

    private final String src;
    private final StringBuilder out = new StringBuilder();
    private final Map<String, String> groupNames = new HashMap<>();
    /** Python group numbers of the names in {@link #groupNames}. */
    private final Map<String, Integer> groupNumbers = new HashMap<>();
    /** For each open parenthesis: its capture group number, or 0 for a non-capturing one. */
    private final Deque<Integer> openGroups = new ArrayDeque<>();
    private final BitSet closedGroups = new BitSet();
    private int groupCount;
    private int pos;

    /** What the last item was, to reject repeats Python rejects ("nothing to repeat", "multiple repeat"). */
    private enum Prev { NONE, ANCHOR, ATOM, REPEAT, MODIFIED_REPEAT }

    private Prev prev = Prev.NONE;

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
                case '[': charClass(); prev = Prev.ATOM; break;
                case '(': group(); break;
                case ')': closeGroup(); break;
                case '{': brace(); break;
                case '*': case '+': case '?': repeat((char) c); pos++; out.append((char) c); break;
                case '|': pos++; out.append('|'); prev = Prev.NONE; break;
                case '^': case '$': pos++; out.append((char) c); prev = Prev.ANCHOR; break;
                case '}': case ']': pos++; out.append('\\').append((char) c); prev = Prev.ATOM; break;
                default:
                    pos += Character.charCount(c);
                    out.appendCodePoint(c);
                    prev = Prev.ATOM;
            }
        }
        if (!openGroups.isEmpty()) throw error("missing ), unterminated subpattern");
        return out.toString();
    }

    /** Python allows one lazy or possessive modifier after a repeat, and no repeat of nothing or of an anchor. */
    private void repeat(char c) {
        switch (prev) {
            case NONE: case ANCHOR: throw error("nothing to repeat");
            case MODIFIED_REPEAT: throw error("multiple repeat");
            case REPEAT:
                if (c == '?' || c == '+') { prev = Prev.MODIFIED_REPEAT; return; }
                throw error("multiple repeat");
            default:
                prev = Prev.REPEAT;
        }
    }

    private void closeGroup() {
        if (openGroups.isEmpty()) throw error("unbalanced parenthesis");
        int g = openGroups.pop();
        if (g > 0) closedGroups.set(g);
        pos++;
        out.append(')');
        prev = Prev.ATOM;
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
        char kind = pos + 1 < src.length() ? src.charAt(pos + 1) : 0;
        String r = readEscape(inClass);
        out.append(r);
        prev = "AZbB".indexOf(kind) >= 0 ? Prev.ANCHOR : Prev.ATOM;
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
            case 'd': case 'D':
                return "\\" + (char) c;
            // Python's whitespace adds U+001C..U+001F to Unicode White_Space; its word characters
            // are letters, numbers and '_' (Java's would add combining marks and all connectors).
            // Nested classes keep these usable inside [...] too.
            case 's': return "[\\s\\x{1c}-\\x{1f}]";
            case 'S': return "[^\\s\\x{1c}-\\x{1f}]";
            case 'w': return WORD;
            case 'W': return "[^\\p{L}\\p{N}_]";
            case 'A':
                if (inClass) throw badEscape(start, c);
                return "\\A";
            case 'B':
                if (inClass) throw badEscape(start, c);
                return NOT_WORD_BOUNDARY;
            case 'Z':
                if (inClass) throw badEscape(start, c);
                return "\\z";
            case 'b':
                return inClass ? "\\x{8}" : WORD_BOUNDARY;
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
            int p = pos - 1; // the first digit
            if (inClass) {
                // In a class every digit escape is octal, up to three digits; \8 and \9 are errors.
                if (c > '7') throw badEscape(start, c);
                int q = p + 1;
                while (q < src.length() && q < p + 3 && isOctal(src.charAt(q))) q++;
                return octal(start, p, q, sb);
            }
            // Outside: \0 starts an octal escape (up to three digits), so do three octal digits;
            // otherwise one or two digits name a group.
            if (c == '0') {
                int q = p + 1;
                while (q < src.length() && q < p + 3 && isOctal(src.charAt(q))) q++;
                return octal(start, p, q, sb);
            }
            if (p + 2 < src.length() && isOctal(src.charAt(p)) && isOctal(src.charAt(p + 1)) && isOctal(src.charAt(p + 2))) {
                return octal(start, p, p + 3, sb);
            }
            int q = p + 1;
            if (q < src.length() && src.charAt(q) >= '0' && src.charAt(q) <= '9') q++;
            int group = Integer.parseInt(src.substring(p, q));
            checkGroupReference(group, start, src.substring(p, q));
            pos = q;
            return "(?:\\" + group + ")"; // grouped so Java cannot read following digits into it
        }
        if (c < 128 && Character.isLetter(c)) throw badEscape(start, c);
        literal(c, sb);
        return sb.toString();
    }

    private String octal(int start, int from, int to, StringBuilder sb) {
        int v = Integer.parseInt(src.substring(from, to), 8);
        if (v > 0377) throw error("octal escape value " + src.substring(start, to) + " outside of range 0-0o377");
        pos = to;
        literal(v, sb);
        return sb.toString();
    }

    private void checkGroupReference(int group, int start, String text) {
        if (group < 1 || group > groupCount) {
            pos = start;
            throw error("invalid group reference " + text);
        }
        if (!closedGroups.get(group)) {
            pos = start;
            throw error("cannot refer to an open group");
        }
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
            groupNumbers.put(name, ++groupCount);
            openGroups.push(groupCount);
            prev = Prev.NONE;
            out.append("(?<").append(javaName).append('>');
            pos = end + 1;
        } else if (src.startsWith("(?P=", pos)) {
            int end = src.indexOf(')', pos + 4);
            if (end < 0) throw error("missing ), unterminated name");
            String name = src.substring(pos + 4, end);
            String javaName = groupNames.get(name);
            if (javaName == null) throw error("unknown group name '" + name + "'");
            if (!closedGroups.get(groupNumbers.get(name))) throw error("cannot refer to an open group");
            out.append("\\k<").append(javaName).append('>');
            pos = end + 1;
            prev = Prev.ATOM;
        } else if (src.startsWith("(?#", pos)) {
            int end = src.indexOf(')', pos);
            if (end < 0) throw error("missing ), unterminated comment");
            pos = end + 1;
            // a comment ends the chance of a lazy/possessive modifier: a repeat after it is a second repeat
            if (prev == Prev.REPEAT) prev = Prev.MODIFIED_REPEAT;
        } else if (src.startsWith("(?", pos)) {
            extension();
        } else {
            openGroups.push(++groupCount);
            out.append('(');
            pos++;
            prev = Prev.NONE;
        }
    }

    /** {@code (?:}, lookarounds, atomic groups and inline flags. */
    private void extension() {
        int p = pos + 2;
        String[] opens = {":", "=", "!", ">", "<=", "<!"};
        for (String o : opens) {
            if (src.startsWith(o, p)) {
                openGroups.push(0);
                out.append("(?").append(o);
                pos = p + o.length();
                prev = Prev.NONE;
                return;
            }
        }
        // Flags: (?aiLmsux) applies to the whole pattern and must come first; (?flags-flags:...) is scoped.
        int q = p;
        while (q < src.length() && "aiLmsux-".indexOf(src.charAt(q)) >= 0) q++;
        if (q == p || q >= src.length() || (src.charAt(q) != ')' && src.charAt(q) != ':')) {
            throw error("unknown extension ?" + (p < src.length() ? src.charAt(p) : ""));
        }
        String flags = src.substring(p, q);
        if (flags.indexOf('a') >= 0 || flags.indexOf('L') >= 0) {
            throw error("ASCII and LOCALE regex flags are not supported by crds-j");
        }
        String javaFlags = flags.replace("u", "");
        if (src.charAt(q) == ')') {
            if (flags.indexOf('-') >= 0) throw error("missing :");
            if (out.length() != 0 && !onlyGlobalFlagsSoFar()) throw error("global flags not at the start of the expression");
            if (!javaFlags.isEmpty()) out.append("(?").append(javaFlags).append(')');
            pos = q + 1;
            return;
        }
        openGroups.push(0);
        out.append("(?").append(javaFlags).append(':');
        pos = q + 1;
        prev = Prev.NONE;
    }

    /** True when everything translated so far is global flag groups. */
    private boolean onlyGlobalFlagsSoFar() {
        return out.toString().matches("(\\(\\?[imsx]*\\))*");
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
            prev = Prev.ATOM;
            return;
        }
        repeat('{');
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
