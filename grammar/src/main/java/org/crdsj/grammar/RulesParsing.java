package org.crdsj.grammar;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.crdsj.grammar.antlr.RulesLexer;
import org.crdsj.grammar.antlr.RulesParser;
import org.crdsj.grammar.antlr.RulesParser.NumberAtomContext;
import org.crdsj.grammar.antlr.RulesParser.UnaryContext;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;

/**
 * What the mapping and expression builders share: setting up the ANTLR lexer and parser with
 * fail-fast error handling, positions, and the literal forms (numbers, strings).
 */
final class RulesParsing {
    /** The selector names a mapping may call. */
    static final List<String> SELECTORS = List.of(
            "Match", "UseAfter", "VersionAfter", "SelectVersion", "ClosestTime",
            "GeometricallyNearest", "Bracket");

    /**
     * The stage a parse starts with; each later one runs only when the earlier one gives up. Always
     * {@link #ASSEMBLE} except in tests that compare the stages.
     */
    enum Stage {
        /** Mapping files only: no parse tree, the records built by {@link MappingAssembler}. */
        ASSEMBLE,
        /** A parse tree without error bookkeeping ({@link FirstErrorBail}), then the builders. */
        TREE,
        /** A parse tree with {@link SyntaxErrorStrategy}, which describes the first syntax error. */
        DESCRIBE
    }

    final PositionMap positions;
    private final Stage first;
    /** Whether the assembler may read plain dict bodies itself ({@link DictBodyScanner}); off only in tests that compare. */
    final boolean readBodies;

    RulesParsing(PositionMap positions) {
        this(positions, Stage.ASSEMBLE);
    }

    RulesParsing(PositionMap positions, Stage first) {
        this(positions, first, true);
    }

    RulesParsing(PositionMap positions, Stage first, boolean readBodies) {
        this.positions = positions;
        this.first = first;
        this.readBodies = readBodies;
    }

    /**
     * Parses a whole mapping file into its syntax. Nearly every file is assembled while it is
     * parsed, without a parse tree; a file with a syntax error, or with anything the assembler
     * leaves alone, is parsed again from its tokens with a tree and built by
     * {@link MappingParser#build}, so every error is raised by that one path.
     */
    MappingSyntax mapping(String text, String fileName) {
        return mapping(text, null, fileName);
    }

    /** {@link #mapping(String, String)}, given the text's ASCII bytes (one per character) or null. */
    MappingSyntax mapping(String text, byte[] ascii, String fileName) {
        if (first != Stage.ASSEMBLE) return MappingParser.build(this, mappingFile(text), fileName);
        RulesParser parser = parser(text, ascii != null ? ascii : latin1(text));
        Stage next = Stage.TREE;
        try {
            MappingSyntax assembled = assemble(parser, text, fileName);
            if (assembled != null) return assembled;
        } catch (ParseCancellationException firstError) {
            next = Stage.DESCRIBE; // a syntax error: only the describing parse is left to do
        }
        if (((Tokens) parser.getTokenStream()).resumed) {
            parser = parser(text); // the buffer lacks the tokens of the bodies the assembler read itself
        } else {
            parser.reset(); // back to the first token; the tokens already read are kept
            parser.asm = null;
            parser.setBuildParseTree(true);
        }
        return MappingParser.build(this, (RulesParser.MappingFileContext) parse(parser, next, "a value", true), fileName);
    }

    /** The mapping as {@link MappingAssembler} builds it, or null when it leaves the file to the tree parse (tests). */
    MappingSyntax assembled(String text, String fileName) {
        try {
            return assemble(parser(text), text, fileName);
        } catch (ParseCancellationException syntaxError) {
            return null;
        }
    }

    /**
     * Parses without a tree, assembling the syntax as the parser goes; null when the assembler
     * refuses a construct, {@link ParseCancellationException} at the first syntax error.
     */
    private MappingSyntax assemble(RulesParser parser, String text, String fileName) {
        // Token indices are character indices of the text when it was lexed as Latin-1 bytes.
        byte[] latin1 = ((RulesLexer) parser.getTokenStream().getTokenSource()).latin1;
        MappingAssembler assembler = new MappingAssembler(this, (Tokens) parser.getTokenStream(), latin1 == null ? null : text, latin1);
        parser.asm = assembler;
        parser.setBuildParseTree(false);
        parser.setErrorHandler(new FirstErrorBail());
        try {
            parser.mappingFile();
            return assembler.finish(fileName);
        } catch (MappingAssembler.Unusual unusual) {
            return null;
        }
    }

    /**
     * Parses a whole mapping file; the first syntax error is thrown as a {@link RulesSyntaxException}.
     *
     * @see #parse
     */
    RulesParser.MappingFileContext mappingFile(String text) {
        return (RulesParser.MappingFileContext) parse(text, "a value", true);
    }

    /** Parses a header or constraint expression; the first syntax error is thrown. */
    RulesParser.ExpressionInputContext expressionInput(String text) {
        return (RulesParser.ExpressionInputContext) parse(text, "an expression", false);
    }

    /**
     * Parses {@code text} in two stages. The first parse does no error bookkeeping (see
     * {@link FirstErrorBail}); valid text, nearly all text, is parsed once. At its first error
     * the same tokens are parsed again from the start with {@link SyntaxErrorStrategy}, which
     * stops at that error and describes it, so errors read as if there were one stage. The grammar
     * is LL(1) (its generated parser never calls adaptive prediction), so both stages take the
     * same decisions and build the same tree.
     *
     * @param valueWord how error messages name the start of an expression
     * @param statements whether line ends matter (a mapping file) or not (an expression)
     */
    private ParserRuleContext parse(String text, String valueWord, boolean statements) {
        return parse(parser(text), first == Stage.DESCRIBE ? Stage.DESCRIBE : Stage.TREE, valueWord, statements);
    }

    private static RulesParser parser(String text) {
        return parser(text, latin1(text));
    }

    /** A parser of {@code text}, whose ISO-8859-1 bytes are {@code latin1} (null when it has other characters). */
    private static RulesParser parser(String text, byte[] latin1) {
        RulesLexer lexer = new RulesLexer(latin1 == null ? CharStreams.fromString(text) : chars(latin1));
        lexer.latin1 = latin1;
        lexer.removeErrorListeners(); // ERROR_CHAR catches everything, so the lexer never fails
        // Every token is on the default channel (white space and comments make none), so the
        // plain buffered stream serves: it has no per-token channel filtering to do.
        BufferedTokenStream tokens = new Tokens(lexer);
        RulesParser parser = new RulesParser(tokens);
        parser.removeErrorListeners();
        return parser;
    }

    private ParserRuleContext parse(RulesParser parser, Stage stage, String valueWord, boolean statements) {
        if (stage == Stage.TREE) {
            parser.setErrorHandler(new FirstErrorBail());
            try {
                return statements ? parser.mappingFile() : parser.expressionInput();
            } catch (ParseCancellationException firstError) {
                parser.reset(); // back to the first token; the tokens already read are kept
            }
        }
        parser.setErrorHandler(new SyntaxErrorStrategy(positions, valueWord, statements));
        return statements ? parser.mappingFile() : parser.expressionInput();
    }

    /**
     * The characters of {@code text} for the lexer. Rules files are ASCII (Latin-1 at most), so they
     * are handed over as one byte per character (a block copy) rather than converted character by
     * character as {@link CharStreams#fromString} does; other text goes through {@code fromString}.
     * With every character below U+0100 (see {@link #latin1}) both streams hold the same code points.
     */
    static CharStream chars(String text) {
        byte[] latin1 = latin1(text);
        return latin1 == null ? CharStreams.fromString(text) : chars(latin1);
    }

    private static CharStream chars(byte[] latin1) {
        return CodePointCharStream.fromBuffer(CodePointBuffer.withBytes(ByteBuffer.wrap(latin1)));
    }

    /** The ISO-8859-1 bytes of {@code text}, one per character, or null when it has other characters. */
    static byte[] latin1(String text) {
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        // The encoder writes '?' for every character it cannot encode: only those need a look.
        for (int i = 0; i < latin1.length; i++) {
            if (latin1[i] == '?' && text.charAt(i) != '?') return null;
        }
        return latin1;
    }

    /**
     * ANTLR's buffered token stream with short ways to the two look-ups the parser makes for
     * every token and rule, the next token and the previous one, once they are buffered; every
     * other case, and every other method, is the stream's own.
     */
    static final class Tokens extends BufferedTokenStream {
        /** The stream's tokens, also in a plain array: the parser reads one per token and rule. */
        private Token[] buffered = new Token[256];
        private int count;
        /** Whether {@link #resume} has dropped tokens: the buffer no longer holds every token of the text. */
        boolean resumed;

        Tokens(RulesLexer lexer) {
            super(lexer);
        }

        @Override
        protected int fetch(int n) {
            int fetched = super.fetch(n);
            int size = tokens.size();
            if (size > buffered.length) buffered = Arrays.copyOf(buffered, Math.max(size, 2 * buffered.length));
            for (int i = count; i < size; i++) buffered[i] = tokens.get(i);
            count = size;
            return fetched;
        }

        /**
         * Drops the tokens read ahead of the parser (from its current token on) and lexes on from
         * character {@code index} at {@code line}, {@code column}: the text in between has been
         * read by someone else. The lexer's bracket depth is put back to what it was before it
         * made the dropped tokens.
         */
        void resume(int index, int line, int column) {
            RulesLexer lexer = (RulesLexer) getTokenSource();
            int depth = lexer.bracketDepth();
            for (int k = p; k < count; k++) {
                switch (buffered[k].getType()) {
                    case RulesParser.LPAREN: case RulesParser.LBRACK: case RulesParser.LBRACE:
                        depth--;
                        break;
                    case RulesParser.RPAREN: case RulesParser.RBRACK: case RulesParser.RBRACE:
                        depth++;
                        break;
                    default:
                        break;
                }
            }
            tokens.subList(p, tokens.size()).clear();
            Arrays.fill(buffered, p, count, null);
            count = p;
            fetchedEOF = false;
            lexer.resume(index, line, column, depth);
            resumed = true;
        }

        @Override
        public void setTokenSource(TokenSource tokenSource) {
            super.setTokenSource(tokenSource);
            count = 0; // the stream starts again with an empty buffer
        }

        @Override
        public Token LT(int k) {
            if (k == 1) {
                if (p >= 0 && p < count) return buffered[p];
            } else if (k == -1) {
                if (p >= 1 && p <= count) return buffered[p - 1];
            }
            return super.LT(k);
        }

        @Override
        public int LA(int i) {
            return LT(i).getType();
        }
    }

    SourcePos pos(Token token) {
        return positions.of(token);
    }

    SourcePos pos(TerminalNode node) {
        return positions.of(node.getSymbol());
    }

    RulesSyntaxException error(Token at, String detail) {
        return new RulesSyntaxException(pos(at), detail);
    }

    RulesSyntaxException error(TerminalNode at, String detail) {
        return error(at.getSymbol(), detail);
    }

    /** A number literal, with a unary minus folded in when {@code negative}. */
    static Value number(Token token, boolean negative, SourcePos pos) {
        return number(token.getText(), token.getType() == RulesParser.INT, negative, pos);
    }

    /** A number literal written {@code text} (an INT token's when {@code isInt}, else a FLOAT's). */
    static Value number(String text, boolean isInt, boolean negative, SourcePos pos) {
        if (isInt) {
            BigInteger v = new BigInteger(text);
            return new Value.Int(negative ? v.negate() : v, pos);
        }
        double v = Double.parseDouble(text); // same correctly rounded result as Python's float()
        return negative ? new Value.Flt(-v, "-".concat(text), pos) : new Value.Flt(v, text, pos);
    }

    /**
     * Adjacent string literals, concatenated; the position is that of the first.
     *
     * @param literals a string atom: a context whose children are all STRING tokens
     */
    Value.Str string(ParserRuleContext literals) {
        int count = literals.getChildCount();
        if (count == 1) return new Value.Str(decode(literals.getStart()), pos(literals.getStart()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) sb.append(decode(((TerminalNode) literals.getChild(i)).getSymbol()));
        return new Value.Str(sb.toString(), pos(literals.getStart()));
    }

    /** One string literal's value; a bad escape is reported where it is written. */
    private String decode(Token t) {
        try {
            return StringLiterals.decode(t.getText());
        } catch (StringLiterals.BadEscape e) {
            String before = t.getText().substring(0, e.offset);
            int newlines = (int) before.chars().filter(c -> c == '\n').count();
            int charPos = newlines == 0
                    ? t.getCharPositionInLine() + e.offset
                    : e.offset - before.lastIndexOf('\n') - 1;
            throw new RulesSyntaxException(positions.at(t.getLine() + newlines, charPos), e.getMessage());
        }
    }

    /**
     * The grammar writes lists as {@code x (',' x?)*} to keep one-token lookahead, which also
     * admits a doubled separator; Python does not, so report the second one.
     *
     * @param expected what should have been there instead, e.g. {@code a value or ')'}
     */
    void checkSeparators(ParserRuleContext ctx, int separatorType, String expected) {
        List<ParseTree> children = ctx.children;
        if (children == null) return;
        boolean afterSeparator = false;
        for (int i = 0, n = children.size(); i < n; i++) {
            ParseTree child = children.get(i);
            boolean separator = child instanceof TerminalNode node && node.getSymbol().getType() == separatorType;
            if (separator && afterSeparator) {
                Token t = ((TerminalNode) child).getSymbol();
                throw error(t, "expected " + expected + " but found '" + text(t) + "'");
            }
            afterSeparator = separator;
        }
    }

    /** A token's text as written; a comma's or colon's token also holds the blanks after it. */
    static String text(Token t) {
        switch (t.getType()) {
            case RulesParser.COMMA:
                return ",";
            case RulesParser.COLON:
                return ":";
            default:
                return t.getText();
        }
    }

    /** The number token when {@code u} is just a number literal (no parentheses, no trailers). */
    static Token bareNumber(UnaryContext u) {
        if (u.primary() == null || !u.primary().trailer().isEmpty()) return null;
        if (!(u.primary().atom() instanceof NumberAtomContext n)) return null;
        return n.getStart();
    }
}
