package org.crdsj.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PrettyPrint against outputs of Python 3's {@code pprint.pformat} for the same values. */
class PrettyPrintTest {

    @Test
    void dictWithLongStringTupleAndMultiLineText() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("C", "line one\nline two is a bit longer than the others in this text, so it wraps around here\n\nend");
        d.put("A", "x".repeat(100));
        d.put("B", List.of("1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "7.0", "8.0", "9.0", "10.0", "11.0", "12.0", "13.0"));
        String expected = "{'A': '" + "x".repeat(100) + "',\n"
                + " 'B': ('1.0',\n       '2.0',\n       '3.0',\n       '4.0',\n       '5.0',\n       '6.0',\n"
                + "       '7.0',\n       '8.0',\n       '9.0',\n       '10.0',\n       '11.0',\n       '12.0',\n"
                + "       '13.0'),\n"
                + " 'C': 'line one\\n'\n"
                + "      'line two is a bit longer than the others in this text, so it wraps '\n"
                + "      'around here\\n'\n      '\\n'\n      'end'}";
        assertEquals(expected, PrettyPrint.format(d));
    }

    @Test
    void nestedTuplesWrapOnePerLine() {
        Object value = List.of(List.of(List.of("MODE", "FULL"), List.of("ATODGAIN", "15")),
                List.of(List.of("DATE-OBS", "2017-07-30"), List.of("TIME-OBS", "00:00:00")));
        assertEquals("((('MODE', 'FULL'), ('ATODGAIN', '15')),\n (('DATE-OBS', '2017-07-30'), ('TIME-OBS', '00:00:00')))",
                PrettyPrint.format(value));
    }

    @Test
    void shortValuesPrintAsRepr() {
        assertEquals("('only',)", PrettyPrint.format(List.of("only")));
        assertEquals("{'a': ('b',), 'c': 'd'}", PrettyPrint.format(Map.of("c", "d", "a", List.of("b"))));
    }

    @Test
    void topLevelLongStringIsParenthesised() {
        assertEquals("('a top-level string that is long enough to need wrapping because it exceeds '\n 'eighty columns of text')",
                PrettyPrint.format("a top-level string that is long enough to need wrapping because it exceeds eighty columns of text"));
    }
}
