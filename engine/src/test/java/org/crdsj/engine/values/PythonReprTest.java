package org.crdsj.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PythonReprTest {

    static Stream<Arguments> strings() {
        // Expected values printed by CPython 3.11 repr().
        return Stream.of(
            Arguments.of("abc", "'abc'"),
            Arguments.of("", "''"),
            Arguments.of("it's", "\"it's\""),
            Arguments.of("say \"hi\"", "'say \"hi\"'"),
            Arguments.of("both ' and \"", "'both \\' and \"'"),
            Arguments.of("back\\slash", "'back\\\\slash'"),
            Arguments.of("a\nb\rc\td", "'a\\nb\\rc\\td'"),
            Arguments.of("\u0000\u001f\u007f", "'\\x00\\x1f\\x7f'"),
            Arguments.of("\u0080\u009f\u00a0\u00ad", "'\\x80\\x9f\\xa0\\xad'"),
            Arguments.of("stra\u00dfe", "'stra\u00dfe'"),
            Arguments.of("\u2028\u3000", "'\\u2028\\u3000'"),
            Arguments.of("\ud83d\ude00", "'\ud83d\ude00'"),
            Arguments.of("\ud800", "'\\ud800'"),
            Arguments.of("\udb40\udc01", "'\\U000e0001'"),
            Arguments.of("caf\u00e9 \u00b5", "'caf\u00e9 \u00b5'"),
            Arguments.of("2003/messed/up 01:28:00", "'2003/messed/up 01:28:00'"),
            Arguments.of("invalid literal for int() with base 10: 'foo 01'",
                "\"invalid literal for int() with base 10: 'foo 01'\""));
    }

    @ParameterizedTest(name = "repr({0})")
    @MethodSource("strings")
    void str(String text, String expected) {
        assertEquals(expected, PythonRepr.str(text));
    }

    @Test
    void listAndTuple() {
        assertEquals("[]", PythonRepr.list(List.of()));
        assertEquals("['HRC', 'WFC']", PythonRepr.list(List.of("HRC", "WFC")));
        assertEquals("[\"it's\"]", PythonRepr.list(List.of("it's")));
        assertEquals("()", PythonRepr.tuple(List.of()));
        assertEquals("('A',)", PythonRepr.tuple(List.of("A")));
        assertEquals("('DATE-OBS', 'TIME-OBS')", PythonRepr.tuple(List.of("DATE-OBS", "TIME-OBS")));
    }
}
