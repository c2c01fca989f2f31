package org.crdsj.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.Token;
import org.crdsj.grammar.antlr.RulesLexer;
import org.junit.jupiter.api.Test;

/**
 * The lexer's shortcuts ({@code RulesLexer.shortcut}: plain strings, brackets, commas, colons,
 * blanks, comments and newlines taken straight from the bytes) make exactly the tokens the lexer's
 * own rules make: same types, character ranges, lines, columns and texts, on every corpus file and
 * on seeded texts full of quotes, escapes, prefixes, names, keywords, separators, blanks and line ends.
 */
class LexerShortcutsTest {
    private static final long SEED = 20261125L;
    private static final int TEXTS = 30_000;
    private static final String[] PIECES = {
        "'", "\"", "''", "\"\"", "'''", "\"\"\"", "'a'", "\"a\"", "'N/A'", "\\", "\\'", "\\\"", "\\n", "\n", " ",
        "\t", "u", "r", "b", "f", "U", "R", "x", "1", "(", ")", ",", ":", "#", "{", "}", "\u00e9", "\ud83d\ude00",
        "'a b'", "'a\\'b'", "'''a'''", "'a''b'", "\"a'b\"", "'a\"b'", ":", ":=", ": =", ", ", ",\t\f ", "  ",
        "\f", "[", "]", "# c", "\n  ", "\n\t", "\r", "=", "==", "-", ".", "N", "and", "0x", "1.5",
        "True", "False", "None", "Truex", "TRUE", "Non", "Nonee", "FalseX", "Tru", "not", "in", "is", "if", "else",
        "lambda", "import", "elif", "as", "A_1", "DETECTOR", "Match", "UseAfter", "_", "_x", "x1", "Rb", "bR", "F",
        "rB", "Ub", "header", "\u00e9x", "9", "A.B",
    };

    @Test
    void corpusFilesLexTheSameWithAndWithoutShortcuts() {
        int tokens = 0;
        for (Path file : Corpus.mappingFiles()) {
            tokens += same(Corpus.read(file), file.getFileName().toString());
        }
        System.out.println("LexerShortcutsTest corpus: " + tokens + " tokens");
        assertTrue(tokens > 100_000, "too few tokens: " + tokens);
    }

    @Test
    void seededTextsLexTheSameWithAndWithoutShortcuts() {
        System.out.println("LexerShortcutsTest seed=" + SEED);
        Random r = new Random(SEED);
        int tokens = 0;
        for (int i = 0; i < TEXTS; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = 1 + r.nextInt(12); n > 0; n--) sb.append(PIECES[r.nextInt(PIECES.length)]);
            tokens += same(sb.toString(), "seed " + SEED + " text " + i + ": " + sb);
        }
        System.out.println("LexerShortcutsTest: " + TEXTS + " texts, " + tokens + " tokens");
    }

    /** Compares both token lists; returns the number of tokens. */
    private static int same(String text, String what) {
        List<String> plain = tokens(text, false);
        assertEquals(plain, tokens(text, true), what);
        return plain.size();
    }

    private static List<String> tokens(String text, boolean shortcuts) {
        RulesLexer lexer = new RulesLexer(RulesParsing.chars(text));
        lexer.removeErrorListeners();
        lexer.shortcuts = shortcuts;
        lexer.latin1 = RulesParsing.latin1(text);
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            out.add(t.getType() + " " + t.getStartIndex() + "-" + t.getStopIndex() + " " + t.getLine() + ":"
                    + t.getCharPositionInLine() + " " + t.getChannel() + " " + t.getTokenIndex() + " "
                    + (t.getTokenSource() == lexer) + " " + (t.getInputStream() == lexer.getInputStream()) + " "
                    + t.getText() + " " + t);
            if (t.getType() == Token.EOF) return out;
        }
    }
}
