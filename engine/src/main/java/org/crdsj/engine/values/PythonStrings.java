package org.crdsj.engine.values;

/** Python {@code str} operations whose Java counterparts differ. */
public final class PythonStrings {
    private PythonStrings() {}

    /** Python's {@code str.isspace()} for one character (Java's isWhitespace misses some, e.g. U+00A0, U+0085, U+001C..1F). */
    public static boolean isPythonSpace(char c) {
        switch (c) {
            case ' ': case '\t': case '\n': case 0x0B: case '\f': case '\r':
            case 0x1C: case 0x1D: case 0x1E: case 0x1F: case 0x85: case 0xA0:
            case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
                return true;
            default:
                return c >= 0x2000 && c <= 0x200A;
        }
    }

    /** Python's {@code bytes.isspace()} for one character: the six ASCII whitespace characters. */
    public static boolean isAsciiSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** Strips only the six ASCII whitespace characters, as Python's number parsers do. */
    public static String stripAscii(String s) {
        int b = 0, e = s.length();
        while (b < e && isAsciiSpace(s.charAt(b))) b++;
        while (e > b && isAsciiSpace(s.charAt(e - 1))) e--;
        return (b == 0 && e == s.length()) ? s : s.substring(b, e);
    }

    /** Python's {@code str.strip()} with no arguments. */
    public static String strip(String s) {
        int b = 0, e = s.length();
        while (b < e && isPythonSpace(s.charAt(b))) b++;
        while (e > b && isPythonSpace(s.charAt(e - 1))) e--;
        return (b == 0 && e == s.length()) ? s : s.substring(b, e);
    }

    /**
     * The ASCII form Python's {@code int()} and {@code float()} parse: non-ASCII Unicode decimal
     * digits become ASCII digits, non-ASCII spaces become {@code ' '}, any other code point from
     * U+007F up becomes {@code '?'} (which no number syntax accepts). Other ASCII is kept, so
     * U+001C..U+001F stay and make the number invalid, as in Python.
     */
    public static String asciiDigitsAndSpaces(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) < 0x7F) i++;
        if (i == n) return s;
        StringBuilder out = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x7F) out.append((char) cp);
            else if (cp <= 0xFFFF && isPythonSpace((char) cp)) out.append(' ');
            else if (Character.isDigit(cp)) out.append((char) ('0' + Character.digit(cp, 10)));
            else out.append('?');
        }
        return out.toString();
    }
}
