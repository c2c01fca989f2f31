package org.crdsj.grammar.syntax;

/** A place in a rules file: file name, 1-based line and 1-based column. */
public record SourcePos(String file, int line, int column) {
    public static final SourcePos UNKNOWN = new SourcePos("<unknown>", 0, 0);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
