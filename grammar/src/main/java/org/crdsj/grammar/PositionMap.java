package org.crdsj.grammar;

import org.antlr.v4.runtime.Token;
import org.crdsj.grammar.syntax.SourcePos;

/**
 * Turns ANTLR token coordinates (1-based line, 0-based character in line) into a {@link SourcePos}
 * of the file being reported on. Expressions are parsed from a string that lives inside a mapping
 * file, so their coordinates are shifted to the place of that string literal.
 */
interface PositionMap {
    SourcePos at(int line, int charPositionInLine);

    default SourcePos of(Token token) {
        return at(token.getLine(), token.getCharPositionInLine());
    }

    /** Positions in a file parsed as a whole. */
    static PositionMap ofFile(String fileName) {
        return new InFile(fileName);
    }

    /**
     * Positions in a source held by a string literal whose opening quote is at {@code origin}: the
     * first line of the source starts one column after the quote; later lines start at column 1.
     * An origin without a line (such as {@link SourcePos#UNKNOWN}) counts from line 1, column 1.
     */
    static PositionMap inside(SourcePos origin) {
        int baseLine = origin.line() < 1 ? 1 : origin.line();
        int baseColumn = origin.line() < 1 ? 0 : origin.column();
        return new InString(origin.file(), baseLine, baseColumn);
    }

    // Classes rather than lambdas: a lambda's first use costs a cold JVM a bootstrap.

    /** Positions in a file parsed as a whole. */
    record InFile(String fileName) implements PositionMap {
        @Override
        public SourcePos at(int line, int charPositionInLine) {
            return new SourcePos(fileName, line, charPositionInLine + 1);
        }
    }

    /** Positions in a string literal whose opening quote is at line {@code baseLine}, column {@code baseColumn}. */
    record InString(String file, int baseLine, int baseColumn) implements PositionMap {
        @Override
        public SourcePos at(int line, int charPositionInLine) {
            return line == 1
                    ? new SourcePos(file, baseLine, baseColumn + 1 + charPositionInLine)
                    : new SourcePos(file, baseLine + line - 1, charPositionInLine + 1);
        }
    }
}
