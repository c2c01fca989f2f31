package org.crdsj.engine.values;

import java.util.OptionalDouble;

/** Python's {@code float(str)}: what CRDS uses to read numbers out of header values. */
public final class PythonFloat {
    private PythonFloat() {}

    /**
     * Parses like Python's {@code float(s)}: surrounding whitespace allowed, optional sign, digits
     * with single underscores between them, optional fraction and exponent, or
     * {@code inf}/{@code infinity}/{@code nan} in any case. Empty when Python would raise
     * ValueError.
     */
    public static OptionalDouble parse(String s) {
        String t = PythonStrings.strip(s);
        if (t.isEmpty()) return OptionalDouble.empty();
        int i = 0;
        boolean negative = false;
        char c0 = t.charAt(0);
        if (c0 == '+' || c0 == '-') { negative = c0 == '-'; i = 1; }
        String body = t.substring(i);
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return OptionalDouble.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (lower.equals("nan")) return OptionalDouble.of(Double.NaN);
        StringBuilder clean = new StringBuilder(body.length());
        int n = body.length();
        int digitsBefore = 0, digitsAfter = 0;
        int p = 0;
        p = digits(body, p, clean);
        if (p < 0) return OptionalDouble.empty();
        digitsBefore = clean.length();
        if (p < n && body.charAt(p) == '.') {
            clean.append('.');
            int start = clean.length();
            p = digits(body, p + 1, clean);
            if (p < 0) return OptionalDouble.empty();
            digitsAfter = clean.length() - start;
        }
        if (digitsBefore + digitsAfter == 0) return OptionalDouble.empty();
        if (p < n && (body.charAt(p) == 'e' || body.charAt(p) == 'E')) {
            clean.append('e');
            p++;
            if (p < n && (body.charAt(p) == '+' || body.charAt(p) == '-')) clean.append(body.charAt(p++));
            int start = clean.length();
            p = digits(body, p, clean);
            if (p < 0 || clean.length() == start) return OptionalDouble.empty();
        }
        if (p != n) return OptionalDouble.empty();
        double v = Double.parseDouble(clean.toString());
        return OptionalDouble.of(negative ? -v : v);
    }

    /** Reads ASCII digits with single underscores between digits; returns the end or -1 on a bad underscore. */
    private static int digits(String s, int p, StringBuilder out) {
        int n = s.length();
        boolean lastDigit = false;
        while (p < n) {
            char c = s.charAt(p);
            if (c >= '0' && c <= '9') { out.append(c); lastDigit = true; p++; }
            else if (c == '_') {
                if (!lastDigit || p + 1 >= n || !Character.isDigit(s.charAt(p + 1))) return -1;
                lastDigit = false; p++;
            } else break;
        }
        return p;
    }
}
