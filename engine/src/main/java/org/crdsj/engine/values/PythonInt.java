package org.crdsj.engine.values;

import java.math.BigInteger;

/** Python's {@code int(str)} in base 10, which CRDS date parsing uses for every numeric field. */
public final class PythonInt {
    private PythonInt() {}

    /** Python's default {@code sys.get_int_max_str_digits()} (3.11+). */
    static final int MAX_STR_DIGITS = 4300;

    /**
     * Parses like Python's {@code int(s)}: surrounding whitespace, a sign, single underscores
     * between digits, Unicode decimal digits.
     *
     * @throws NumberFormatException with Python's ValueError text, e.g.
     *     {@code invalid literal for int() with base 10: 'foo 01'} (the repr cut to 200
     *     characters, as Python's {@code %.200R} does) or the 4300-digit limit message
     */
    public static BigInteger parse(String s) {
        String t = PythonStrings.asciiDigitsAndSpaces(s);
        int n = t.length();
        int p = 0;
        while (p < n && PythonStrings.isAsciiSpace(t.charAt(p))) p++;
        boolean negative = false;
        if (p < n && (t.charAt(p) == '+' || t.charAt(p) == '-')) negative = t.charAt(p++) == '-';
        // Scan digits and underscores the way CPython does: bad underscores fail at once, the
        // digit limit is checked next, trailing junk last.
        if (p >= n || !isDigit(t.charAt(p))) throw invalid(s);
        StringBuilder digits = new StringBuilder(n - p);
        boolean prevUnderscore = false;
        while (p < n) {
            char c = t.charAt(p);
            if (isDigit(c)) { digits.append(c); prevUnderscore = false; }
            else if (c == '_') {
                if (prevUnderscore) throw invalid(s);
                prevUnderscore = true;
            } else break;
            p++;
        }
        if (prevUnderscore) throw invalid(s);
        if (digits.length() > MAX_STR_DIGITS) {
            throw new NumberFormatException("Exceeds the limit (" + MAX_STR_DIGITS
                    + " digits) for integer string conversion: value has " + digits.length()
                    + " digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        while (p < n && PythonStrings.isAsciiSpace(t.charAt(p))) p++;
        if (p != n) throw invalid(s);
        BigInteger v = new BigInteger(digits.toString());
        return negative ? v.negate() : v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static NumberFormatException invalid(String s) {
        String r = PythonRepr.str(s);
        if (r.codePointCount(0, r.length()) > 200) r = r.substring(0, r.offsetByCodePoints(0, 200));
        return new NumberFormatException("invalid literal for int() with base 10: " + r);
    }
}
