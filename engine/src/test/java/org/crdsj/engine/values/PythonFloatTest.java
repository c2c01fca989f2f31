package org.crdsj.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFloatTest {

    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        // spec 3.1 / 3.2
        "1.0|1.0", "100000.0|100000.0", "0.0001|0.0001", "1234567890123456.0|1234567890123456.0",
        "1e16|1e+16", "1e-5|1e-05", "1.2345678901234568e16|1.2345678901234568e+16", "1.5e-7|1.5e-07",
        "0.5|0.5", "-0.0005|-0.0005", "1.5e16|1.5e+16", "7|7.0", "-9|-9.0", "4294967295|4294967295.0",
        // Java 17's Double.toString is not shortest / not positional here
        "1e23|1e+23", "4.9e-324|5e-324", "2e-3|0.002", "1e22|1e+22", "1e21|1e+21", "1e17|1e+17",
        "9007199254740993|9007199254740992.0", "1152921504606846976|1.152921504606847e+18",
        "123456789012345678|1.2345678901234568e+17", "1.7976931348623157e308|1.7976931348623157e+308",
        "2.2250738585072014E-308|2.2250738585072014e-308", "0.1|0.1", "-123.456|-123.456",
        // ties between two shortest candidates go to the even digit, as in Python
        "1125899906842624.25|1125899906842624.2", "1125899906842624.75|1125899906842624.8",
        "2251799813685248.5|2251799813685248.5", "1e-4|0.0001", "0.00009|9e-05", "9999999999999998|9999999999999998.0",
        "1e15|1000000000000000.0", "12345678901234567890|1.2345678901234567e+19",
    })
    void reprMatchesPython(String literal, String expected) {
        assertEquals(expected, PythonFloat.repr(Double.parseDouble(literal)));
    }

    @Test
    void reprSpecialValues() {
        assertEquals("inf", PythonFloat.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PythonFloat.repr(Double.NEGATIVE_INFINITY));
        assertEquals("nan", PythonFloat.repr(Double.NaN));
        assertEquals("-0.0", PythonFloat.repr(-0.0));
        assertEquals("0.0", PythonFloat.repr(0.0));
        assertEquals("0.30000000000000004", PythonFloat.repr(0.1 + 0.2));
        assertEquals("-5e-324", PythonFloat.repr(-Double.MIN_VALUE));
    }

    @Test
    void reprMatchesPythonGoldenTable() {
        int checked = 0;
        for (GoldenTable.Row row : GoldenTable.read("python_float_repr.txt", ' ')) {
            double d = Double.longBitsToDouble(Long.parseUnsignedLong(row.input(), 16));
            assertEquals(row.expected(), PythonFloat.repr(d), "line " + row.line() + " bits " + row.input());
            checked++;
        }
        assertTrue(checked > 2000);
    }

    @Test
    void reprRoundTripsAndIsShortestForRandomDoubles() {
        long seed = 0x5EEDF10A7L;
        System.out.println("PythonFloatTest random seed " + seed);
        Random rnd = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            double d;
            switch (i % 4) {
                case 0: d = Double.longBitsToDouble(rnd.nextLong()); break;           // any magnitude
                case 1: d = Double.longBitsToDouble(rnd.nextLong() >>> (12 + rnd.nextInt(52))); break; // subnormal
                case 2: d = rnd.nextDouble() * Math.pow(10, rnd.nextInt(40) - 20); break;
                default: d = Math.round(rnd.nextDouble() * 1e6) / Math.pow(10, rnd.nextInt(8)); break; // short decimals
            }
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) continue;
            String r = PythonFloat.repr(d);
            assertEquals(d, Double.parseDouble(r), "round trip of " + r);
            assertShortestAndNearest(d, r);
        }
    }

    /** Brute force with BigDecimal and Double.parseDouble: nothing shorter reads back, nothing as short is nearer. */
    private static void assertShortestAndNearest(double d, String repr) {
        BigDecimal shown = new BigDecimal(repr).abs().stripTrailingZeros();
        int digits = shown.precision();
        BigDecimal exact = new BigDecimal(d).abs();
        if (digits > 1) {
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal shorter = exact.round(new MathContext(digits - 1, mode));
                assertNotEquals(Math.abs(d), Double.parseDouble(shorter.toString()),
                        repr + " is not shortest: " + shorter + " also reads back");
            }
        }
        BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-shown.scale());
        BigDecimal distance = shown.subtract(exact).abs();
        for (BigDecimal other : new BigDecimal[] {shown.add(unit), shown.subtract(unit)}) {
            if (other.signum() > 0 && Double.parseDouble(other.toString()) == Math.abs(d)) {
                int cmp = other.subtract(exact).abs().compareTo(distance);
                assertTrue(cmp > 0 || (cmp == 0 && shown.unscaledValue().testBit(0) == false),
                        repr + " is not the nearest shortest digits; " + other + " is nearer");
            }
        }
    }

    @ParameterizedTest(name = "repr(float({0})) = {1}")
    @CsvSource(delimiter = '|', value = {
        "0|0.0", "1|1.0", "-9|-9.0", "12345678901234567|1.2345678901234568e+16", "4294967295|4294967295.0",
        "9007199254740993|9007199254740992.0", "9007199254740995|9007199254740996.0",
        "-2147483648|-2147483648.0", "100000000000000000000000|1e+23",
    })
    void reprOfInteger(String integer, String expected) {
        assertEquals(expected, PythonFloat.reprOfInteger(new BigInteger(integer)));
    }

    @Test
    void reprOfIntegerAtTheOverflowEdge() {
        BigInteger limit = BigInteger.TWO.pow(1024);
        BigInteger halfway = limit.subtract(BigInteger.TWO.pow(970)); // between MAX_VALUE and 2^1024: ties to even overflow
        assertEquals("1.7976931348623157e+308", PythonFloat.reprOfInteger(halfway.subtract(BigInteger.ONE)));
        assertEquals("-1.7976931348623157e+308", PythonFloat.reprOfInteger(halfway.subtract(BigInteger.ONE).negate()));
        for (BigInteger tooBig : new BigInteger[] {halfway, limit, limit.negate(), BigInteger.TEN.pow(400)}) {
            ArithmeticException e = assertThrows(ArithmeticException.class, () -> PythonFloat.reprOfInteger(tooBig));
            assertEquals("int too large to convert to float", e.getMessage());
        }
    }

    @ParameterizedTest(name = "float({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "1|1.0", "' 1.5 '|1.5", "+5|5.0", "-.5e-3|-5.0E-4", "1_000.5|1000.5", "1e5_0|1.0E50", "1.|1.0", ".5_0|0.5",
        "inf|Infinity", "-Infinity|-Infinity", "iNf|Infinity", "1e400|Infinity", "1e-400|0.0",
        "'\u00a01\u2003'|1.0", "'\u0661.\u0665'|1.5", "'\u0085 2'|2.0",
    })
    void parseAccepts(String text, double expected) {
        OptionalDouble v = PythonFloat.parse(text);
        assertTrue(v.isPresent(), text);
        assertEquals(expected, v.getAsDouble());
    }

    /**
     * Plain decimals (the fast path: digits and one dot, up to 15 digits, and just beyond it) read
     * as the correctly rounded value, which is what Python's float() and Double.parseDouble give;
     * the same digits with a sign, spaces or an exponent read the same value through the general path.
     */
    @Test
    void plainDecimalsReadCorrectlyRounded() {
        long seed = 0xF10A7L;
        System.out.println("PythonFloatTest plain decimals seed " + seed);
        Random rnd = new Random(seed);
        for (int i = 0; i < 200_000; i++) {
            int count = 1 + rnd.nextInt(17);
            StringBuilder digits = new StringBuilder();
            for (int k = 0; k < count; k++) digits.append((char) ('0' + rnd.nextInt(10)));
            int dot = rnd.nextInt(count + 2) - 1;    // -1: no dot
            String text = dot < 0 ? digits.toString() : digits.substring(0, Math.min(dot, count)) + "." + digits.substring(Math.min(dot, count));
            double expected = Double.parseDouble(text);
            assertEquals(expected, PythonFloat.parse(text).getAsDouble(), text);
            assertEquals(expected, PythonFloat.parse(" +" + text + "e0 ").getAsDouble(), text);
        }
    }

    @Test
    void parseNaN() {
        assertTrue(Double.isNaN(PythonFloat.parse("nan").getAsDouble()));
        assertTrue(Double.isNaN(PythonFloat.parse("-NaN").getAsDouble()));
    }

    @ParameterizedTest(name = "float({0}) fails")
    @CsvSource(delimiter = '|', value = {
        "''", "' '", "00QM", "1_e5", "1._5", "1_.5", "_1", "1_", "1__0", ".", "e5", "1e", "0x10", "infinit", "1.5d",
        "'\u001c1'", "'1\u001f'", "'1.5\u0000'", "1,5", "'1 5'", "--1", "+-1", "'\u0661x'",
    })
    void parseRejects(String text) {
        assertTrue(PythonFloat.parse(text).isEmpty(), text);
    }
}
