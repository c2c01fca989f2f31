/*
 * CRDS mapping files and header expressions: a restricted Python.
 *
 * The parser rules deliberately accept a little more than CRDS allows (keyword arguments,
 * attribute access, subscripts, set displays, 'is', chained assignment, ...) so that the Java
 * builders can reject those constructs with a precise message instead of a bare syntax error.
 * Lexer rules named BAD_* / UNTERMINATED_* / ERROR_CHAR never occur in a parser rule: they exist
 * only so that the error strategy can describe what is wrong at that spot.
 */
grammar Rules;

@lexer::members {
    /** Whether {@link #shortcut} may make tokens (off only in tests that compare). */
    public boolean shortcuts = true;

    /**
     * The input as ISO-8859-1 bytes, one per character, when it is that; else null (and then every
     * token comes from the lexer's ATN).
     */
    public byte[] latin1;

    /** Open bracket depth: like Python, newlines inside (), [] and {} are not statement ends. */
    private int depth = 0;

    /** What {@link #shortcut} returns when the ATN has to find the next token. */
    private static final Token BY_THE_RULES = new CommonToken(Token.INVALID_TYPE);

    /**
     * Tracks the bracket depth here rather than in lexer actions, which would have to run through
     * the action executor for every bracket and newline.
     */
    @Override
    public Token nextToken() {
        while (true) {
            Token token = shortcuts && latin1 != null ? shortcut() : BY_THE_RULES;
            if (token == BY_THE_RULES) token = super.nextToken();
            if (token == null) continue; // nothing made, see emit()
            switch (token.getType()) {
                case LPAREN: case LBRACK: case LBRACE:
                    depth++;
                    break;
                case RPAREN: case RBRACK: case RBRACE:
                    if (depth > 0) depth--;
                    break;
                default:
                    break;
            }
            return token;
        }
    }

    /**
     * The tokens that make up nearly all of a mapping, taken straight from the bytes instead of
     * stepping the lexer's DFA through each character: plain short strings (no prefix, escape or
     * newline; most of a mapping's characters are inside them), brackets, commas and colons with
     * their trailing blanks, newlines with the next line's indentation, blanks, comments, and
     * names that can be nothing but a NAME (see {@link #plainNameEnd}).
     * Each is exactly the token the rules make there, because it is the longest match and no
     * earlier rule matches as much: a plain string's closing quote ends STRING while
     * UNTERMINATED_STRING stops before it; a colon before '=' is left alone (WALRUS); an empty
     * string is left alone (it may open a triple-quoted one). Returns the token, null when what
     * was passed makes none (see {@link #emit}), or {@link #BY_THE_RULES}.
     */
    private Token shortcut() {
        byte[] text = latin1;
        int start = _input.index();
        if (start >= text.length) return BY_THE_RULES;
        int end = start + 1;
        int type;
        switch (text[start]) {
            case '\'': case '"':
                end = plainStringEnd(text, start);
                if (end < 0) return BY_THE_RULES;
                type = STRING;
                break;
            case '(': type = LPAREN; break;
            case ')': type = RPAREN; break;
            case '[': type = LBRACK; break;
            case ']': type = RBRACK; break;
            case '{': type = LBRACE; break;
            case '}': type = RBRACE; break;
            case ',':
                type = COMMA;
                end = blanksEnd(text, end);
                break;
            case ':':
                if (end < text.length && text[end] == '=') return BY_THE_RULES;
                type = COLON;
                end = blanksEnd(text, end);
                break;
            case ' ': case '\t': case '\f':
                type = WS;
                end = blanksEnd(text, end);
                break;
            case '#':
                type = COMMENT;
                while (end < text.length && text[end] != '\n') end++;
                break;
            case '\n':
                type = NEWLINE;
                end = blanksEnd(text, end);
                break;
            default:
                end = plainNameEnd(text, start);
                if (end < 0) return BY_THE_RULES;
                type = NAME;
                break;
        }
        LexerATNSimulator interpreter = getInterpreter();
        int line = interpreter.getLine(), column = interpreter.getCharPositionInLine();
        _input.seek(end);
        if (type == NEWLINE) {
            interpreter.setLine(line + 1);
            interpreter.setCharPositionInLine(end - start - 1);
        } else {
            interpreter.setCharPositionInLine(column + end - start);
        }
        // What emit() keeps, made as the token factory would (no text copied).
        if (type == WS || type == COMMENT || (type == NEWLINE && depth > 0)) return null;
        Token token = new ShortcutToken(_tokenFactorySourcePair, type, start, end - 1, line, column);
        emit(token);
        return token;
    }

    /**
     * A token made by {@link #shortcut}: what the default token factory makes, with its fields
     * set directly (the factory's constructor asks the lexer again for the line and column).
     */
    private static final class ShortcutToken extends CommonToken {
        private static final long serialVersionUID = 1L;

        ShortcutToken(Pair<TokenSource, CharStream> source, int type, int start, int stop, int line, int column) {
            super(type);
            this.source = source;
            this.start = start;
            this.stop = stop;
            this.line = line;
            this.charPositionInLine = column;
        }
    }

    /** The end (exclusive) of the plain short string at {@code start}, or -1 (also for '' or ""). */
    private static int plainStringEnd(byte[] text, int start) {
        byte quote = text[start];
        for (int i = start + 1; i < text.length; i++) {
            byte c = text[i];
            if (c == quote) return i == start + 1 ? -1 : i + 1;
            if (c == '\\' || c == '\n') return -1;
        }
        return -1;
    }

    /** The number of brackets open after the last token made. */
    public int bracketDepth() {
        return depth;
    }

    /**
     * Goes on at character {@code index}, which is at {@code line}, {@code column} with
     * {@code bracketDepth} brackets open: for a caller that has read the text up to there itself.
     */
    public void resume(int index, int line, int column, int bracketDepth) {
        _input.seek(index);
        getInterpreter().setLine(line);
        getInterpreter().setCharPositionInLine(column);
        depth = bracketDepth;
    }

    /**
     * The end (exclusive) of the name at {@code start} when it can only be a NAME token, else -1.
     * Every keyword rule is lower-case letters only, or True, False or None; a name followed by a
     * quote may be a string's prefix. Header expressions' names are upper-case (DETECTOR), so most
     * names are taken here and the lexer's DFA is not grown for each new letter after them.
     */
    private static int plainNameEnd(byte[] text, int start) {
        byte c = text[start];
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return -1;
        boolean lowerOnly = c >= 'a' && c <= 'z';
        int end = start + 1;
        for (; end < text.length; end++) {
            c = text[end];
            if (c >= 'a' && c <= 'z') continue;
            if (c == '_' || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                lowerOnly = false;
                continue;
            }
            break;
        }
        if (lowerOnly || (end < text.length && (text[end] == '\'' || text[end] == '"'))) return -1;
        int length = end - start;
        if ((length == 4 || length == 5) && isConstant(text, start, length)) return -1;
        return end;
    }

    /** Whether the name at {@code start} is True, False or None. */
    private static boolean isConstant(byte[] text, int start, int length) {
        String word = length == 4 ? (text[start] == 'T' ? "True" : "None") : "False";
        for (int i = 0; i < length; i++) {
            if (text[start + i] != word.charAt(i)) return false;
        }
        return true;
    }

    /** The end of the run of blanks (space, tab, form feed) from {@code from}. */
    private static int blanksEnd(byte[] text, int from) {
        int i = from;
        while (i < text.length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f')) i++;
        return i;
    }

    /**
     * White space, comments and newlines inside brackets make no token. Dropping them here rather
     * than with a skip command spares the lexer's action executor on every blank between two
     * tokens, and no token object is made only to be thrown away.
     */
    @Override
    public Token emit() {
        if (_type == WS || _type == COMMENT || (_type == NEWLINE && depth > 0)) return null;
        return super.emit();
    }
}

@parser::members {
    /**
     * What the actions of the mapping-value rules report to when a mapping is parsed without a
     * parse tree (see MappingAssembler); null in every other parse, where the actions do nothing.
     * Any construct it does not assemble itself it refuses by throwing {@link #unusual()}'s
     * exception, and the caller parses again with a tree.
     */
    public interface Assembly {
        /** The exception to throw at a construct left to the tree-building parse. */
        RuntimeException unusual();
        /** Statement level: a line's first token (anything but column 0 is unusual). */
        void line(Token first);
        /** Statement level: a statement has ended, with this many '=' (0 or 1). */
        void statement(int assigns);
        /** A number literal (no sign). */
        void number(Token literal);
        /** Adjacent string literals, {@code first} to {@code last} (token indices in between). */
        void strings(Token first, Token last);
        /** True, False or None. */
        void constant(Token literal);
        /** An opening bracket of a display or a call. */
        void open();
        /** The opening brace of a dict or set display (after it, the assembler may read the body itself). */
        void openBrace();
        /** A comma inside a display. */
        void comma();
        void closeParen(Token open);
        void closeList(Token open);
        void closeDict(Token open);
        /** The closing parenthesis of a call. */
        void closeCall();
        /** A whole value: its first token, its atom, its leading minus signs and trailers. */
        void value(Token start, ValueAtomContext atom, int minus, int trailers);
    }

    /** Non-null while a mapping is assembled without a tree. */
    public Assembly asm;
}

// ---------------------------------------------------------------------------------- parser

/*
 * Comma-separated lists are written "x (COMMA x?)*" instead of "x (COMMA x)* COMMA?": the former
 * needs one token of lookahead, so a syntax error is reported exactly where it is, with what was
 * expected there. It also admits ",," which the builders reject (RulesParsing.checkSeparators).
 */

/** A whole mapping file (text is expected to end with a newline). */
mappingFile : (NEWLINE | statementLine)* EOF ;

statementLine : {if (asm != null) asm.line($start);} statement (SEMI {if (asm != null) throw asm.unusual();} statement?)* NEWLINE ;

/** An expression statement, an assignment, or a chained assignment (rejected later). */
statement locals [int assigns] : valueList (ASSIGN {$assigns++;} valueList)* {if (asm != null) asm.statement($assigns);} ;

/** One mapping value, or a bare tuple when commas appear. */
valueList : value (COMMA {if (asm != null) throw asm.unusual();} value?)* ;

/*
 * A mapping-file value. It accepts exactly the token sequences 'test' accepts, but the common
 * case (a literal, a display or a selector call) takes two rule levels instead of Python's whole
 * precedence chain; operators only occur in 'valueOperators', which the builder always rejects.
 * A minus before a number is the only operator CRDS accepts; the builder checks the rest.
 */
value locals [int minus, int trailers]
    : (MINUS {$minus++;})* a=valueAtom (valueTrailer {$trailers++;})*
      ({if (asm != null) throw asm.unusual();} valueOperators)?
      {if (asm != null) asm.value($start, $a.ctx, $minus, $trailers);}
    | NOT {if (asm != null) throw asm.unusual();} notTest valueLogic?
    ;

/** What may follow a value's first operand, with Python's precedence: never allowed. */
valueOperators
    : (compOp unary)+ valueLogic?
    | valueLogic
    ;

/** Boolean operators and conditionals after a value's first operand: never allowed. */
valueLogic
    : (AND notTest)+ (OR andTest)* (IF orTest ELSE test)?
    | (OR andTest)+ (IF orTest ELSE test)?
    | IF orTest ELSE test
    ;

valueTrailer
    : LPAREN {if (asm != null) asm.open();}
      (valueArgument (COMMA {if (asm != null) throw asm.unusual();} valueArgument?)*)?
      RPAREN {if (asm != null) asm.closeCall();}                                  # valueCall
    | LBRACK {if (asm != null) throw asm.unusual();} testList RBRACK              # valueSubscript
    | DOT {if (asm != null) throw asm.unusual();} NAME                            # valueAttribute
    ;

/** A selector argument; "name = value" is a keyword argument (rejected later). */
valueArgument : value (ASSIGN {if (asm != null) throw asm.unusual();} value)? ;

valueAtom
    : LPAREN {if (asm != null) asm.open();}
      (value (COMMA {if (asm != null) asm.comma();} value?)*)?
      RPAREN {if (asm != null) asm.closeParen($start);}                           # parenValue
    | LBRACK {if (asm != null) asm.open();}
      (value (COMMA {if (asm != null) asm.comma();} value?)*)?
      RBRACK {if (asm != null) asm.closeList($start);}                            # listValue
    | LBRACE {if (asm != null) asm.openBrace();}
      (value (valueDictRest | valueSetRest))?
      RBRACE {if (asm != null) asm.closeDict($start);}                            # braceValue
    | NAME                                                                        # nameValue
    | (INT | FLOAT) {if (asm != null) asm.number($start);}                        # numberValue
    | STRING+ {if (asm != null) asm.strings($start, _input.LT(-1));}              # stringValue
    | (TRUE | FALSE | NONE) {if (asm != null) asm.constant($start);}              # constantValue
    ;

/** After the first key of a dict display: its value and the other entries. */
valueDictRest : COLON value (COMMA {if (asm != null) asm.comma();} valueEntry?)* ;

/** After the first item of a set display (which CRDS rejects). */
valueSetRest : {if (asm != null) throw asm.unusual();} (COMMA value?)* ;

valueEntry : value COLON value ;

// Header expressions (and the operands of operators a mapping value rejects) use Python's rules.

/** The source of an rmap_relevance / rmap_omit / parkey_relevance expression. */
expressionInput : NEWLINE* testList NEWLINE* EOF ;

/** One expression, or a bare tuple when commas appear. */
testList : test (COMMA test?)* ;

test : orTest (IF orTest ELSE test)? ;

orTest : andTest (OR andTest)* ;

andTest : notTest (AND notTest)* ;

notTest : NOT notTest | comparison ;

comparison : unary (compOp unary)* ;

compOp : EQ | NE | LT | LE | GT | GE | IN | NOT IN | IS NOT? ;

unary : MINUS unary | primary ;

primary : atom trailer* ;

trailer
    : LPAREN (argument (COMMA argument?)*)? RPAREN   # callTrailer
    | LBRACK testList RBRACK                        # subscriptTrailer
    | DOT NAME                                      # attributeTrailer
    ;

/** A call argument; "name = value" is a keyword argument (rejected later). */
argument : test (ASSIGN test)? ;

atom
    : LPAREN (test (COMMA test?)*)? RPAREN                          # parenAtom
    | LBRACK (test (COMMA test?)*)? RBRACK                          # listAtom
    | LBRACE (test (dictRest | setRest))? RBRACE                    # braceAtom
    | NAME                                                          # nameAtom
    | (INT | FLOAT)                                                 # numberAtom
    | STRING+                                                       # stringAtom
    | (TRUE | FALSE | NONE)                                         # constantAtom
    ;

/** After the first key of a dict display: its value and the other entries. */
dictRest : COLON test (COMMA dictEntry?)* ;

/** After the first item of a set display (which CRDS rejects). */
setRest : (COMMA test?)* ;

dictEntry : test COLON test ;

// ----------------------------------------------------------------------------------- lexer

TRUE   : 'True' ;
FALSE  : 'False' ;
NONE   : 'None' ;
AND    : 'and' ;
OR     : 'or' ;
NOT    : 'not' ;
IN     : 'in' ;
IS     : 'is' ;
IF     : 'if' ;
ELSE   : 'else' ;
LAMBDA : 'lambda' ;

/** The other Python keywords: never legal in a mapping, named in the error message. */
KEYWORD
    : 'import' | 'from' | 'def' | 'class' | 'return' | 'pass' | 'del' | 'assert' | 'for'
    | 'while' | 'with' | 'try' | 'except' | 'finally' | 'raise' | 'global' | 'nonlocal'
    | 'yield' | 'async' | 'await' | 'break' | 'continue' | 'elif' | 'as'
    ;

/** Strings with a prefix CRDS does not accept (f-strings, bytes); must precede NAME. */
BAD_PREFIX_STRING : ([bBfF] [rR]? | [rR] [bBfF]) ['"] ;

STRING : STRING_PREFIX? (LONG_SQ | LONG_DQ | SHORT_SQ | SHORT_DQ) ;

/** A triple-quoted string that runs to the end of the file. */
UNTERMINATED_LONG_STRING
    : STRING_PREFIX? ( '\'\'\'' ('\''? '\''? (~['\\] | '\\' .))* ('\'' '\''?)? EOF
                     | '"""' ('"'? '"'? (~["\\] | '\\' .))* ('"' '"'?)? EOF )
    ;

/** A short string that runs to the end of its line. */
UNTERMINATED_STRING
    : STRING_PREFIX? ( '\'' (~['\\\n] | '\\' .)* | '"' (~["\\\n] | '\\' .)* )
    ;

NAME : [a-zA-Z_] [a-zA-Z_0-9]* ;

FLOAT : FLOAT_BODY ;

INT : '0'+ | [1-9] [0-9]* ;

/** Hex/octal/binary, digit separators, complex, leading zeros, '1.e', '1if': all rejected. */
BAD_NUMBER : (FLOAT_BODY | DIGITS) [a-zA-Z0-9_]+ ;

LPAREN : '(' ;
RPAREN : ')' ;
LBRACK : '[' ;
RBRACK : ']' ;
LBRACE : '{' ;
RBRACE : '}' ;

EQ     : '==' ;
NE     : '!=' ;
LE     : '<=' ;
GE     : '>=' ;
LT     : '<' ;
GT     : '>' ;
WALRUS : ':=' ;
ARROW  : '->' ;
AUGASSIGN : '+=' | '-=' | '*=' | '/=' | '//=' | '%=' | '**=' | '@=' | '&=' | '|=' | '^=' | '<<=' | '>>=' ;
ASSIGN : '=' ;
/** A colon or comma takes the blanks after it along: fewer tokens to make and to skip. */
COLON  : ':' [ \t\f]* ;
COMMA  : ',' [ \t\f]* ;
SEMI   : ';' ;
DOT    : '.' ;
MINUS  : '-' ;

/** Operators that exist in Python but have no place in CRDS rules. */
ARITH_OP : '+' | '*' | '**' | '/' | '//' | '%' | '@' | '|' | '&' | '^' | '~' | '<<' | '>>' ;

/**
 * Outside brackets a newline ends a statement; inside brackets emit() drops it. The next
 * line's indentation comes along (fewer tokens); its first token still has its own position.
 */
NEWLINE : '\n' [ \t\f]* ;

/** Dropped by emit(). */
WS : [ \t\f]+ ;

/** Dropped by emit(). */
COMMENT : '#' ~[\n]* ;

/** Anything else: a stray character the error strategy will name. */
ERROR_CHAR : . ;

fragment STRING_PREFIX : [uUrR] ;
fragment SHORT_SQ : '\'' (~['\\\n] | '\\' .)* '\'' ;
fragment SHORT_DQ : '"' (~["\\\n] | '\\' .)* '"' ;
fragment LONG_SQ  : '\'\'\'' (~'\\' | '\\' .)*? '\'\'\'' ;
fragment LONG_DQ  : '"""' (~'\\' | '\\' .)*? '"""' ;
fragment DIGITS   : [0-9]+ ;
fragment EXPONENT : [eE] [+-]? DIGITS ;
fragment FLOAT_BODY : (DIGITS '.' DIGITS? | '.' DIGITS) EXPONENT? | DIGITS EXPONENT ;
