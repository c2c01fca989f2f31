package org.crdsj.engine.values;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal that reads back as a given double, chosen the way Python's {@code repr}
 * chooses it: fewest significant digits first, then nearest to the exact binary value, then an
 * even last digit. Java 17's {@code Double.toString} is trusted only when it prints at most 15
 * significant digits for a normal double (provably shortest then); otherwise it is just the first
 * guess of the digit count, because it sometimes prints one digit too many (e.g.
 * {@code 9.999999999999999E22} for 1e23, {@code 4.9E-324} for 2^-1074).
 *
 * <p>The decision "does this decimal read back as d" is made exactly with BigDecimal against the
 * rounding interval of d (midpoints to the neighbours; a midpoint itself belongs to d only when
 * d's significand is even, as round-half-even parsing does), so no parser quirk can leak in.
 */
final class ShortestDecimal {
    /** The digits without leading or trailing zeros, and the value as 0.digits × 10^decimalPoint. */
    final String digits;
    final int decimalPoint;

    private ShortestDecimal(String digits, int decimalPoint) {
        this.digits = digits;
        this.decimalPoint = decimalPoint;
    }

    /** Shortest digits of a finite, strictly positive double. */
    static ShortestDecimal of(double d) {
        if (!(d > 0) || Double.isInfinite(d)) throw new IllegalArgumentException("need a finite positive double: " + d);
        ShortestDecimal java = fromJava(d);
        // Any decimal of at most 15 significant digits survives a round trip through a normal
        // double (DBL_DIG), so two different such decimals never read back as the same double:
        // Java's digits are then the only ones of their length, hence shortest and nearest.
        if (java.digits.length() <= 15 && d >= Double.MIN_NORMAL) return java;
        return exact(d, java.digits.length());
    }

    /** The exact search, starting from a guessed digit count. */
    private static ShortestDecimal exact(double d, int guess) {
        Interval interval = new Interval(d);
        BigDecimal best;
        BigDecimal below = interval.candidate(guess - 1);
        if (below == null) {
            // The guess is not too long; it is the answer unless it was too short.
            int p = guess;
            best = interval.candidate(p);
            while (best == null) best = interval.candidate(++p);
        } else {
            // Java printed too many digits: walk down while a shorter candidate still reads back.
            int p = guess - 1;
            best = below;
            while (p > 1) {
                BigDecimal shorter = interval.candidate(p - 1);
                if (shorter == null) break;
                best = shorter;
                p--;
            }
        }
        BigDecimal stripped = best.stripTrailingZeros();
        String ds = stripped.unscaledValue().toString();
        return new ShortestDecimal(ds, ds.length() - stripped.scale());
    }

    /** The significant digits and decimal point of Java's own rendering ("123.45", "1.0E-5") of a positive double. */
    private static ShortestDecimal fromJava(double d) {
        String s = Double.toString(d);
        int e = s.indexOf('E');
        int end = e < 0 ? s.length() : e;
        int exp = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        StringBuilder digits = new StringBuilder(20);
        int point = 0;
        boolean seenDot = false;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') { seenDot = true; continue; }
            if (digits.length() == 0 && c == '0') {
                if (seenDot) point--; // leading zeros after the point move it left
                continue;
            }
            digits.append(c);
            if (!seenDot) point++;
        }
        int last = digits.length();
        while (last > 1 && digits.charAt(last - 1) == '0') last--;
        digits.setLength(last);
        return new ShortestDecimal(digits.toString(), point + exp);
    }

    /** The set of reals that parse (round-half-even) to one double. */
    private static final class Interval {
        private final BigDecimal exact;
        private final BigDecimal low;
        private final BigDecimal high;
        private final boolean closed;

        Interval(double d) {
            exact = new BigDecimal(d);
            BigDecimal half = BigDecimal.valueOf(5, 1);
            BigDecimal pred = new BigDecimal(Math.nextDown(d));
            BigDecimal succ = d == Double.MAX_VALUE
                    ? exact.add(new BigDecimal(Math.ulp(d)))
                    : new BigDecimal(Math.nextUp(d));
            low = exact.add(pred).multiply(half);
            high = exact.add(succ).multiply(half);
            closed = (Double.doubleToRawLongBits(d) & 1L) == 0;
        }

        boolean contains(BigDecimal c) {
            int lo = c.compareTo(low), hi = c.compareTo(high);
            return closed ? lo >= 0 && hi <= 0 : lo > 0 && hi < 0;
        }

        /**
         * The decimal with at most p significant digits nearest to the exact value that still
         * reads back, or null if none does. Only the nearest p-digit value and its two neighbours
         * can qualify, since the interval is convex and contains the exact value.
         */
        BigDecimal candidate(int p) {
            if (p < 1) return null;
            BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (contains(nearest)) return nearest;
            BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-nearest.scale());
            BigDecimal up = nearest.add(unit);
            if (contains(up)) return up;
            BigDecimal down = nearest.subtract(unit);
            if (contains(down)) return down;
            return null;
        }
    }
}
