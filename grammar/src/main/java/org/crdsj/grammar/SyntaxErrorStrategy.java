package org.crdsj.grammar;

import static org.crdsj.grammar.antlr.RulesParser.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Stops at the first syntax error (no recovery: a rules file is either loadable or not) and turns
 * it into a {@link RulesSyntaxException} saying what was expected and what was found, or, for
 * tokens that are never legal (keywords, arithmetic, bad literals), what is wrong with them.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {
    /** Tokens that can start a value; listed collectively as "a value" / "an expression". */
    private static final int[] VALUE_START = {
        NAME, INT, FLOAT, STRING, TRUE, FALSE, NONE, LPAREN, LBRACK, LBRACE, MINUS, NOT
    };
    /** Tokens that would continue a complete expression; noise in an "expected" list. */
    private static final int[] CONTINUATION = {
        LPAREN, LBRACK, DOT, EQ, NE, LT, LE, GT, GE, IN, NOT, IS, AND, OR, IF, STRING
    };

    private final PositionMap positions;
    private final String valueWord;
    private final boolean statements;

    /**
     * @param valueWord how to name "the start of an expression" in messages, e.g. {@code a value}
     * @param statements whether line ends separate statements; if not, they are not mentioned
     */
    SyntaxErrorStrategy(PositionMap positions, String valueWord, boolean statements) {
        this.positions = positions;
        this.valueWord = valueWord;
        this.statements = statements;
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        Token offending = e.getOffendingToken();
        IntervalSet expected = null;
        if (!(e instanceof NoViableAltException nva) || nva.getStartToken() == offending) {
            expected = e.getExpectedTokens();
        }
        throw describe(offending, expected, recognizer.getInputStream());
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw new ParseCancellationException(e); // unreachable: reportError always throws
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        InputMismatchException e = nextTokensContext == null
                ? new InputMismatchException(recognizer)
                : new InputMismatchException(recognizer, nextTokensState, nextTokensContext);
        reportError(recognizer, e);
        return null; // unreachable
    }

    /** Like the default sync, but a token that cannot follow is an error at once, never skipped. */
    @Override
    public void sync(Parser recognizer) {
        ATNState s = recognizer.getInterpreter().atn.states.get(recognizer.getState());
        int la = recognizer.getInputStream().LA(1);
        IntervalSet next = recognizer.getATN().nextTokens(s);
        if (next.contains(la)) {
            nextTokensContext = null;
            nextTokensState = ATNState.INVALID_STATE_NUMBER;
            return;
        }
        if (next.contains(Token.EPSILON)) {
            if (nextTokensContext == null) {
                nextTokensContext = recognizer.getContext();
                nextTokensState = recognizer.getState();
            }
            return;
        }
        switch (s.getStateType()) {
            case ATNState.BLOCK_START, ATNState.STAR_BLOCK_START, ATNState.PLUS_BLOCK_START,
                    ATNState.STAR_LOOP_ENTRY, ATNState.PLUS_LOOP_BACK, ATNState.STAR_LOOP_BACK ->
                reportError(recognizer, new InputMismatchException(recognizer));
            default -> { }
        }
    }

    private RulesSyntaxException describe(Token offending, IntervalSet expected, TokenStream tokens) {
        String special = whatIsWrong(offending, expected);
        if (special != null) return new RulesSyntaxException(positions.of(offending), special);
        String found = "found " + describeToken(offending);
        if (expected == null || expected.isNil()) {
            return new RulesSyntaxException(positions.of(offending), "invalid syntax, " + found);
        }
        IntervalSet wanted = new IntervalSet(expected);
        int index = offending.getTokenIndex();
        if (index > 0) {
            // The grammar admits a doubled separator only to reject it later; don't suggest one.
            int previous = tokens.get(index - 1).getType();
            if (previous == COMMA || previous == SEMI) wanted.remove(previous);
        }
        return new RulesSyntaxException(positions.of(offending),
                "expected " + describeExpected(wanted) + " but " + found);
    }

    /** A specific complaint for tokens that are never legal, or null to use expected/found. */
    private static String whatIsWrong(Token t, IntervalSet expected) {
        String text = t.getText();
        boolean valuePosition = expected != null && expected.contains(INT);
        switch (t.getType()) {
            case KEYWORD:
                return "Python keyword '" + text + "' is not allowed in CRDS rules";
            case LAMBDA:
                return "lambda expressions are not allowed";
            case AUGASSIGN:
                return "augmented assignment '" + text + "' is not allowed";
            case WALRUS:
                return "assignment expressions (':=') are not allowed";
            case ARROW:
                return "'->' is not allowed";
            case ARITH_OP:
                return valuePosition ? "unary operator '" + text + "' is not allowed"
                                     : "arithmetic operator '" + text + "' is not allowed";
            case MINUS:
                return "arithmetic operator '-' is not allowed";
            case BAD_NUMBER:
                return badNumber(text);
            case BAD_PREFIX_STRING:
                return text.toLowerCase(Locale.ROOT).contains("f")
                        ? "f-strings are not allowed" : "bytes literals are not allowed";
            case UNTERMINATED_STRING:
                return "unterminated string literal";
            case UNTERMINATED_LONG_STRING:
                return "unterminated triple-quoted string literal";
            case ERROR_CHAR:
                return badCharacter(text);
            default:
                return null;
        }
    }

    private static String badNumber(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.matches("0[xob].*")) {
            return "hexadecimal, octal and binary literals are not allowed: " + text;
        }
        if (text.contains("_")) return "digit separators ('_') are not allowed in numbers: " + text;
        if (lower.matches("[0-9.e+-]+j")) return "complex literals are not allowed: " + text;
        if (text.matches("0+[0-9]+")) {
            return "leading zeros in decimal integer literals are not permitted: " + text;
        }
        return "invalid number literal: " + text;
    }

    private static String badCharacter(String text) {
        int c = text.codePointAt(0);
        if (c == '\\') return "line continuation character '\\' is not allowed";
        if (c > 0x20 && c < 0x7f) return "unexpected character '" + text + "'";
        return String.format(Locale.ROOT, "invalid character U+%04X", c);
    }

    private static String describeToken(Token t) {
        switch (t.getType()) {
            case Token.EOF:
                return "end of input";
            case NEWLINE:
                return "end of line";
            case NAME:
                return "name '" + t.getText() + "'";
            case INT:
            case FLOAT:
                return "number " + t.getText();
            case STRING: {
                String s = t.getText();
                return "string " + (s.length() > 30 ? s.substring(0, 27) + "..." : s);
            }
            default:
                return "'" + RulesParsing.text(t) + "'";
        }
    }

    private String describeExpected(IntervalSet expected) {
        IntervalSet set = new IntervalSet(expected);
        if (!statements && set.size() > 1) set.remove(NEWLINE);
        Set<String> names = new LinkedHashSet<>();
        if (set.contains(NAME) && set.contains(INT) && set.contains(STRING)) {
            names.add(valueWord);
            for (int type : VALUE_START) set.remove(type);
        }
        IntervalSet withoutContinuation = new IntervalSet(set);
        for (int type : CONTINUATION) withoutContinuation.remove(type);
        if (!withoutContinuation.isNil() || !names.isEmpty()) set = withoutContinuation;
        for (int type : set.toList()) names.add(expectedName(type));
        List<String> list = new ArrayList<>(names);
        if (list.size() == 1) return list.get(0);
        return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
    }

    private static String expectedName(int type) {
        switch (type) {
            case Token.EOF:
                return "end of input";
            case NEWLINE:
                return "end of line";
            case NAME:
                return "a name";
            case INT:
            case FLOAT:
                return "a number";
            case STRING:
                return "a string";
            case COMMA: // no literal name: the token takes the blanks after it along
                return "','";
            case COLON:
                return "':'";
            default: {
                String literal = VOCABULARY.getLiteralName(type);
                return literal != null ? literal : VOCABULARY.getSymbolicName(type);
            }
        }
    }
}
