package org.crdsj.engine.values;

import java.math.BigInteger;
import java.util.OptionalDouble;

/**
 * Python's {@code float}: reading one from a string ({@code float(str)}), converting an int
 * ({@code float(int)}) and printing one ({@code repr(float)}), as CRDS conditioning relies on.
 */
public final class PythonFloat {
    private PythonFloat() {}

    private static final double TWO_TO_53 = 9007199254740992.0;

    /**
     * Python's {@code repr(d)} (equal to {@code str(d)}): the shortest digits that read back as
     * {@code d}, positional when the decimal point falls within -4 < p <= 16 (always with a digit
     * after the point), otherwise {@code d.ddde±XX}; {@code inf}, {@code -inf}, {@code nan},
     * {@code -0.0}.
     */
    public static String repr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (Double.doubleToRawLongBits(d) < 0) ? "-0.0" : "0.0";
        // Integers below 2^53 are their own shortest digits: any shorter decimal is >= 1 away.
        if (Math.abs(d) < TWO_TO_53 && d == Math.rint(d)) return Long.toString((long) d) + ".0";
        ShortestDecimal sd = ShortestDecimal.of(Math.abs(d));
        return layout(d < 0, sd.digits, sd.decimalPoint);
    }

    /**
     * Python's {@code repr(float(i))}: round-half-even to the nearest double, then {@link #repr}.
     *
     * @throws ArithmeticException {@code int too large to convert to float} (Python's
     *     OverflowError text) when the rounded value is at least 2^1024 in magnitude
     */
    public static String reprOfInteger(BigInteger i) {
        return repr(fromInteger(i));
    }

    /**
     * Python's {@code float(i)} for an int: correctly rounded (half-even).
     *
     * @throws ArithmeticException {@code int too large to convert to float} on overflow
     */
    public static double fromInteger(BigInteger i) {
        double d = i.doubleValue(); // correctly rounded, half-even, Infinity past the largest double
        if (Double.isInfinite(d)) throw new ArithmeticException("int too large to convert to float");
        return d;
    }

    /** Places shortest digits per Python's float_repr_style 'short' rules. */
    private static String layout(boolean negative, String digits, int point) {
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (negative) out.append('-');
        int n = digits.length();
        if (point > -4 && point <= 16) {
            if (point <= 0) {
                out.append("0.");
                for (int i = point; i < 0; i++) out.append('0');
                out.append(digits);
            } else if (point < n) {
                out.append(digits, 0, point).append('.').append(digits, point, n);
            } else {
                out.append(digits);
                for (int i = n; i < point; i++) out.append('0');
                out.append(".0");
            }
        } else {
            out.append(digits.charAt(0));
            if (n > 1) out.append('.').append(digits, 1, n);
            int exp = point - 1;
            out.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            if (abs < 10) out.append('0');
            out.append(abs);
        }
        return out.toString();
    }

    /**
     * Parses like Python's {@code float(s)}: surrounding whitespace allowed (Unicode spaces, but
     * not U+001C..U+001F), optional sign, digits
     * with single underscores between them, optional fraction and exponent, or
     * {@code inf}/{@code infinity}/{@code nan} in any case; Unicode decimal digits count as
     * digits. Empty when Python would raise ValueError.
     */
    /** Powers of ten a double holds exactly. */
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    /**
     * The value of a plain ASCII decimal ({@code 12}, {@code 1.5}, {@code .5}, {@code 4.}) of at
     * most 15 digits, as {@code float()} reads it: the digits and the power of ten are exact
     * doubles, so one division is the correctly rounded value. -1 for any other text (signs,
     * spaces, exponents, underscores, more digits), which the general parse reads.
     */
    private static double plainDecimal(String s) {
        int n = s.length();
        if (n == 0 || n > 16) return -1;
        long digits = 0;
        int count = 0, dot = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = digits * 10 + (c - '0');
                count++;
            } else if (c == '.' && dot < 0) {
                dot = i;
            } else {
                return -1;
            }
        }
        if (count == 0 || count > 15) return -1;
        return dot < 0 ? (double) digits : digits / POW10[n - dot - 1];
    }

    public static OptionalDouble parse(String s) {
        double plain = plainDecimal(s);
        if (plain >= 0) return OptionalDouble.of(plain);
        // Python first maps Unicode decimal digits and spaces to ASCII ('١.٥' reads as 1.5).
        String t = PythonStrings.stripAscii(PythonStrings.asciiDigitsAndSpaces(s));
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
            if (isAsciiDigit(c)) { out.append(c); lastDigit = true; p++; }
            else if (c == '_') {
                if (!lastDigit || p + 1 >= n || !isAsciiDigit(s.charAt(p + 1))) return -1;
                lastDigit = false; p++;
            } else break;
        }
        return p;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
