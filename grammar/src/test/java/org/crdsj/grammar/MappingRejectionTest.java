package org.crdsj.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.crdsj.grammar.syntax.SourcePos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every construct CRDS refuses in a mapping file is rejected, with an exact position and message. */
class MappingRejectionTest {
    static Stream<Arguments> rejected() {
        return Stream.of(
            Arguments.of("x = {}",
                    "t.rmap:1:1: cannot assign to 'x'; only 'header', 'selector' and 'comment' may be assigned"),
            Arguments.of("header.x = {}",
                    "t.rmap:1:1: invalid assignment target; expected 'header', 'selector' or 'comment'"),
            Arguments.of("a = b = 1",
                    "t.rmap:1:7: multiple assignment targets are not allowed"),
            Arguments.of("header = selector = {}",
                    "t.rmap:1:19: multiple assignment targets are not allowed"),
            Arguments.of("header, selector = {}, {}",
                    "t.rmap:1:1: invalid assignment target; expected 'header', 'selector' or 'comment'"),
            Arguments.of("header = {}\nselector = Match(x={})",
                    "t.rmap:2:18: keyword arguments are not allowed in selector calls"),
            Arguments.of("header = {}\nselector = Match(selections={})",
                    "t.rmap:2:18: keyword arguments are not allowed in selector calls"),
            Arguments.of("header = {}\nselector = Foo({})",
                    "t.rmap:2:12: unknown selector 'Foo'"),
            Arguments.of("header = {'a': x}\nselector = Match({})",
                    "t.rmap:1:16: name 'x' is not defined"),
            Arguments.of("header = {'a': Match}\nselector = Match({})",
                    "t.rmap:1:16: selector 'Match' must be called with a dict of selections"),
            Arguments.of("header = {'a': 1+2}\nselector = Match({})",
                    "t.rmap:1:17: arithmetic operator '+' is not allowed"),
            Arguments.of("header = {'a': 1 - 2}\nselector = Match({})",
                    "t.rmap:1:18: arithmetic operator '-' is not allowed"),
            Arguments.of("header = {'a': 2*3}\nselector = Match({})",
                    "t.rmap:1:17: arithmetic operator '*' is not allowed"),
            Arguments.of("header = {'a': +2}\nselector = Match({})",
                    "t.rmap:1:16: unary operator '+' is not allowed"),
            Arguments.of("header = {'a': --2}\nselector = Match({})",
                    "t.rmap:1:16: unary minus is allowed only directly before a number"),
            Arguments.of("header = {'a': -x}\nselector = Match({})",
                    "t.rmap:1:16: unary minus is allowed only directly before a number"),
            Arguments.of("header = {'a': os.path}\nselector = Match({})",
                    "t.rmap:1:18: attribute access is not allowed"),
            Arguments.of("header = {'a': b[0]}\nselector = Match({})",
                    "t.rmap:1:17: subscripts are not allowed"),
            Arguments.of("header = {'a': {1, 2}}\nselector = Match({})",
                    "t.rmap:1:16: set displays are not allowed"),
            Arguments.of("header = {'a': lambda: 1}\nselector = Match({})",
                    "t.rmap:1:16: lambda expressions are not allowed"),
            Arguments.of("import os",
                    "t.rmap:1:1: Python keyword 'import' is not allowed in CRDS rules"),
            Arguments.of("from os import path",
                    "t.rmap:1:1: Python keyword 'from' is not allowed in CRDS rules"),
            Arguments.of("def f(): pass",
                    "t.rmap:1:1: Python keyword 'def' is not allowed in CRDS rules"),
            Arguments.of("header = {'a': f'x'}\nselector = Match({})",
                    "t.rmap:1:16: f-strings are not allowed"),
            Arguments.of("header = {'a': b'x'}\nselector = Match({})",
                    "t.rmap:1:16: bytes literals are not allowed"),
            Arguments.of("header = {'a': 0x10}\nselector = Match({})",
                    "t.rmap:1:16: hexadecimal, octal and binary literals are not allowed: 0x10"),
            Arguments.of("header = {'a': 1_000}\nselector = Match({})",
                    "t.rmap:1:16: digit separators ('_') are not allowed in numbers: 1_000"),
            Arguments.of("header = {'a': 1j}\nselector = Match({})",
                    "t.rmap:1:16: complex literals are not allowed: 1j"),
            Arguments.of("header = {'a': 0123}\nselector = Match({})",
                    "t.rmap:1:16: leading zeros in decimal integer literals are not permitted: 0123"),
            Arguments.of("header = [1]\nselector = Match({})",
                    "t.rmap:1:10: the value of 'header' must be a selector call, a dict or a constant, not a list"),
            Arguments.of("header = (1, 2)\nselector = Match({})",
                    "t.rmap:1:10: the value of 'header' must be a selector call, a dict or a constant, not a tuple"),
            Arguments.of("header = -1\nselector = Match({})",
                    "t.rmap:1:10: the value of 'header' must be a selector call, a dict or a constant, not a negated value"),
            Arguments.of("header = 1\nselector = Match({})",
                    "t.rmap:1:10: 'header' must be a dict"),
            Arguments.of("header = {}\nselector = Match({}, {})",
                    "t.rmap:2:22: selector 'Match' takes exactly one argument, a dict of selections (got 2)"),
            Arguments.of("header = {}\nselector = Match()",
                    "t.rmap:2:18: selector 'Match' needs one argument, a dict of selections"),
            Arguments.of("header = {}\nselector = Match([])",
                    "t.rmap:2:18: the argument of selector 'Match' must be a dict"),
            Arguments.of("header = {}\nselector = Match({})({})",
                    "t.rmap:2:21: the result of a selector call cannot be called"),
            Arguments.of("header = {}",
                    "t.rmap:2:1: missing 'selector'"),
            Arguments.of("selector = Match({})",
                    "t.rmap:2:1: missing 'header'"),
            Arguments.of("header = {}\ncomment = 1\nselector = Match({})",
                    "t.rmap:2:11: 'comment' must be a string"),
            Arguments.of("header = {'a': 'abc}\nselector = Match({})",
                    "t.rmap:1:16: unterminated string literal"),
            Arguments.of("header = {}\ncomment = \"\"\"abc\nselector = Match({})",
                    "t.rmap:2:11: unterminated triple-quoted string literal"),
            Arguments.of("header = {'a': 1 $}\nselector = Match({})",
                    "t.rmap:1:18: unexpected character '$'"),
            Arguments.of("header = {'a': 1} \\\nselector = Match({})",
                    "t.rmap:1:19: line continuation character '\\' is not allowed"),
            Arguments.of("header = {'a': 1,,}\nselector = Match({})",
                    "t.rmap:1:18: expected a value or '}' but found ','"),
            Arguments.of("header = {'a' 1}\nselector = Match({})",
                    "t.rmap:1:15: expected '}', ':' or ',' but found number 1"),
            Arguments.of("header = {'a': 1\nselector = Match({})",
                    "t.rmap:2:1: expected '}' or ',' but found name 'selector'"),
            Arguments.of("header = {'a': 1}}\nselector = Match({})",
                    "t.rmap:1:18: expected ';' or end of line but found '}'"),
            Arguments.of("header = {'a': 1}\n  selector = Match({})",
                    "t.rmap:2:3: unexpected indent"),
            Arguments.of("header = {}\nselector = Match({})\nheader += {}",
                    "t.rmap:3:8: augmented assignment '+=' is not allowed"),
            Arguments.of("header = {}\nselector = Match({});;",
                    "t.rmap:2:22: expected a statement or end of line but found ';'"),
            Arguments.of("header = {'a': 1 if 2 else 3}\nselector = Match({})",
                    "t.rmap:1:18: conditional expressions are not allowed in mapping values"),
            Arguments.of("header = {'a': 1 == 1}\nselector = Match({})",
                    "t.rmap:1:18: comparisons are not allowed in mapping values"),
            Arguments.of("header = {'a': not 1}\nselector = Match({})",
                    "t.rmap:1:16: 'not' is not allowed in mapping values"),
            Arguments.of("header = {[1]: 2}\nselector = Match({})",
                    "t.rmap:1:11: unhashable type: 'list' used as a dict key"),
            Arguments.of("header = {'a': '\\N{DASH}'}\nselector = Match({})",
                    "t.rmap:1:17: \\N{...} escapes are not supported"),
            Arguments.of("header = {'a': '\\x4'}\nselector = Match({})",
                    "t.rmap:1:17: truncated \\xXX escape"),
            Arguments.of("1\nheader = {}\nselector = Match({})",
                    "t.rmap:1:1: only assignments to 'header', 'selector' and 'comment' are allowed"),
            Arguments.of("header = {'a': (x := 1)}\nselector = Match({})",
                    "t.rmap:1:19: assignment expressions (':=') are not allowed"),
            Arguments.of("header = {'a': 1 is 1}\nselector = Match({})",
                    "t.rmap:1:18: comparisons are not allowed in mapping values"),
            Arguments.of("header = {'a': 'x'.upper()}\nselector = Match({})",
                    "t.rmap:1:19: attribute access is not allowed"),
            // Several operators: the loosest-binding one is reported, as Python's nesting implies.
            Arguments.of("header = {'k': not 1 or 2}\nselector = Match({})",
                    "t.rmap:1:22: 'or' is not allowed in mapping values"),
            Arguments.of("header = {'k': 1 == 2 and 3}\nselector = Match({})",
                    "t.rmap:1:23: 'and' is not allowed in mapping values"),
            Arguments.of("header = {'k': 1 and 2 or 3 if 4 else 5}\nselector = Match({})",
                    "t.rmap:1:29: conditional expressions are not allowed in mapping values"),
            Arguments.of("header = {'k': x.y == 2}\nselector = Match({})",
                    "t.rmap:1:20: comparisons are not allowed in mapping values"),
            Arguments.of("header = {'k': -x.y}\nselector = Match({})",
                    "t.rmap:1:16: unary minus is allowed only directly before a number"),
            Arguments.of("header = {'k': - not 1}\nselector = Match({})",
                    "t.rmap:1:18: expected a value but found 'not'"),
            Arguments.of("header = {'k': Match(1=2)}\nselector = Match({})",
                    "t.rmap:1:23: expected ',' or ')' but found '='"),
            // Commas, colons and newlines carry the blanks after them in one token: messages and
            // positions must not show it (these are the messages of the lexer that skipped blanks).
            Arguments.of("header = {'a' : 1 ,  ,  'b' : 2}\nselector = Match({})",
                    "t.rmap:1:22: expected a value or '}' but found ','"),
            Arguments.of("header = {'a' :\t  :}\nselector = Match({})",
                    "t.rmap:1:19: expected a value but found ':'"),
            Arguments.of("header = {}\nselector = Match({'a' :   })",
                    "t.rmap:2:27: expected a value but found '}'"),
            Arguments.of("header = {}\n   selector = Match({})",
                    "t.rmap:2:4: unexpected indent"),
            Arguments.of("header = {},   \nselector = Match({})",
                    "t.rmap:1:10: the value of 'header' must be a selector call, a dict or a constant, not a tuple"),
            Arguments.of("header = {'a' : 1, # note\n    'b' :\n  2 ,}\nselector = Match({'x' :  ,})",
                    "t.rmap:4:26: expected a value but found ','"),
            Arguments.of("header = {'a' : 1}\nselector = Match({'x' : 'y' ,\t\f})\ncomment = 'c' , ",
                    "t.rmap:3:11: the value of 'comment' must be a selector call, a dict or a constant, not a tuple"),
            Arguments.of("header = {'a' ,  : 1}\nselector = Match({})",
                    "t.rmap:1:18: expected a value or '}' but found ':'"));
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void isRejected(String text, String message) {
        RulesSyntaxException e = assertThrows(RulesSyntaxException.class, () -> MappingParser.parse(text, "t.rmap"));
        assertEquals(message, e.getMessage());
        assertEquals(e.pos() + ": " + e.detail(), e.getMessage());
        assertEquals("t.rmap", e.pos().file());
    }

    @Test
    void accessorsReportPositionAndDetail() {
        RulesSyntaxException e = assertThrows(RulesSyntaxException.class,
                () -> MappingParser.parse("header = {}\nselector = Foo({})\n", "f.rmap"));
        assertEquals(new SourcePos("f.rmap", 2, 12), e.pos());
        assertEquals("unknown selector 'Foo'", e.detail());
    }
}
