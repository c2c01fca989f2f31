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
 * The lexer's loop for plain short strings ({@code RulesLexer.plainString}, over the text's bytes
 * or through the character stream) makes exactly the
 * tokens the lexer's own rules make: same types, character ranges, lines, columns and texts, on
 * every corpus file and on seeded texts full of quotes, escapes, prefixes and line ends.
 */
class PlainStringLexingTest {
    private static final long SEED = 20261125L;
    private static final int TEXTS = 20_000;
    private static final String[] PIECES = {
        "'", "\"", "''", "\"\"", "'''", "\"\"\"", "'a'", "\"a\"", "'N/A'", "\\", "\\'", "\\\"", "\\n", "\n", " ",
        "\t", "u", "r", "b", "f", "U", "R", "x", "1", "(", ")", ",", ":", "#", "{", "}", "é", "\ud83d\ude00",
        "'a b'", "'a\\'b'", "'''a'''", "'a''b'", "\"a'b\"", "'a\"b'",
    };

    @Test
    void corpusFilesLexTheSameWithAndWithoutTheLoop() {
        int strings = 0;
        for (Path file : Corpus.mappingFiles()) {
            String text = Corpus.read(file);
            strings += same(text, file.getFileName().toString());
        }
        System.out.println("PlainStringLexingTest corpus: " + strings + " string tokens");
        assertTrue(strings > 10_000, "too few strings: " + strings);
    }

    @Test
    void seededTextsLexTheSameWithAndWithoutTheLoop() {
        System.out.println("PlainStringLexingTest seed=" + SEED);
        Random r = new Random(SEED);
        int strings = 0;
        for (int i = 0; i < TEXTS; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = 1 + r.nextInt(12); n > 0; n--) sb.append(PIECES[r.nextInt(PIECES.length)]);
            strings += same(sb.toString(), "seed " + SEED + " text " + i + ": " + sb);
        }
        System.out.println("PlainStringLexingTest: " + TEXTS + " texts, " + strings + " string tokens");
        assertTrue(strings > TEXTS / 4, "too few strings: " + strings);
    }

    /** Compares both token lists; returns the number of STRING tokens. */
    private static int same(String text, String what) {
        List<String> plain = tokens(text, false, false);
        List<String> fast = tokens(text, true, true);
        assertEquals(plain, fast, what);
        assertEquals(plain, tokens(text, true, false), what + " (through the character stream)");
        int strings = 0;
        for (String t : fast) {
            if (t.startsWith(RulesLexer.STRING + " ")) strings++;
        }
        return strings;
    }

    private static List<String> tokens(String text, boolean loop, boolean bytes) {
        RulesLexer lexer = new RulesLexer(RulesParsing.chars(text));
        lexer.removeErrorListeners();
        lexer.plainStrings = loop;
        if (bytes) lexer.latin1 = RulesParsing.latin1(text);
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            out.add(t.getType() + " " + t.getStartIndex() + "-" + t.getStopIndex() + " " + t.getLine() + ":"
                    + t.getCharPositionInLine() + " " + t.getText());
            if (t.getType() == Token.EOF) return out;
        }
    }
}
