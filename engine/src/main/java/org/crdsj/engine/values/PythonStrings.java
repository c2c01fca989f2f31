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

    /** Python's {@code str.strip()} with no arguments. */
    public static String strip(String s) {
        int b = 0, e = s.length();
        while (b < e && isPythonSpace(s.charAt(b))) b++;
        while (e > b && isPythonSpace(s.charAt(e - 1))) e--;
        return (b == 0 && e == s.length()) ? s : s.substring(b, e);
    }
}
