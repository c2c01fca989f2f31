package org.crdsj.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonIntTest {

    @ParameterizedTest(name = "int({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "1|1", "' 01 '|1", "+5|5", "-0|0", "1_000|1000", "'\t-12\n'|-12", "99999999999999999999|99999999999999999999",
        "'\u0661\u0662'|12", "'\u00a07\u2003'|7", "'\u0085 3'|3",
    })
    void accepts(String text, String expected) {
        assertEquals(new BigInteger(expected), PythonInt.parse(text));
    }

    @ParameterizedTest(name = "int({0}) fails")
    @CsvSource(delimiter = '|', value = {
        "''|''", "foo 01|foo 01", "_1|_1", "1_|1_", "1__0|1__0", "1.0|1.0", "'+ 1'|'+ 1'", "0x10|0x10",
        "2am|2am", "'\u001c1'|\\x1c1", "'\u0661x'|\u0661x",
    })
    void rejects(String text, String reprInsideQuotes) {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> PythonInt.parse(text));
        assertEquals("invalid literal for int() with base 10: '" + reprInsideQuotes + "'", e.getMessage());
    }

    @Test
    void messageCutsTheReprAt200Characters() {
        String x = "x".repeat(300);
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> PythonInt.parse(x));
        assertEquals("invalid literal for int() with base 10: '" + "x".repeat(199), e.getMessage());
    }

    @Test
    void digitLimit() {
        assertEquals(BigInteger.ZERO, PythonInt.parse("0".repeat(4300)));
        assertEquals(BigInteger.ONE, PythonInt.parse("1_".repeat(2200).replace('1', '0') + "1")); // 2201 digits
        String limit = "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits;"
                + " use sys.set_int_max_str_digits() to increase the limit";
        assertEquals(limit, assertThrows(NumberFormatException.class, () -> PythonInt.parse(" " + "0".repeat(4301))).getMessage());
        assertEquals(limit, assertThrows(NumberFormatException.class, () -> PythonInt.parse("-" + "1".repeat(4301))).getMessage());
        // trailing junk is noticed only after the limit, bad underscores before it
        assertEquals(limit.replace("4301 digits;", "5000 digits;"),
                assertThrows(NumberFormatException.class, () -> PythonInt.parse("1".repeat(5000) + "x")).getMessage());
        String badUnderscore = assertThrows(NumberFormatException.class, () -> PythonInt.parse("1".repeat(4301) + "_")).getMessage();
        assertEquals("invalid literal for int() with base 10: '" + "1".repeat(199), badUnderscore);
    }
}
