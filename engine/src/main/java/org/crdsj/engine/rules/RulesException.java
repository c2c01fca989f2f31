package org.crdsj.engine.rules;

import org.crdsj.grammar.syntax.SourcePos;

/**
 * A rules file that cannot be loaded: its message names the file (and line and column when
 * known) and what is wrong. {@link Kind} says which of CRDS's load failures it corresponds to.
 */
public final class RulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kinds of load failure, as CRDS distinguishes them. */
    public enum Kind {
        /** Not valid rules syntax (CRDS: Python SyntaxError or MappingFormatError). */
        SYNTAX,
        /** A header expression that does not parse or uses forbidden constructs. */
        BAD_EXPRESSION,
        /** {@code sha1sum} missing or not matching the text (CRDS: ChecksumError). */
        CHECKSUM,
        /** A required header field is absent (CRDS: MissingHeaderKeyError / MappingError). */
        MISSING_HEADER_KEY,
        /** A nested mapping or the file itself cannot be found or read. */
        MISSING_FILE,
        /** Well-formed text whose structure CRDS rejects (wrong key length, duplicate keys, ...). */
        STRUCTURE
    }

    private final Kind kind;
    private final SourcePos pos;
    private final String detail;

    public RulesException(Kind kind, SourcePos pos, String detail) {
        super(format(pos, detail));
        this.kind = kind;
        this.pos = pos;
        this.detail = detail;
    }

    public RulesException(Kind kind, String file, String detail) {
        this(kind, new SourcePos(file, 0, 0), detail);
    }

    public Kind kind() { return kind; }

    /** Where the problem is; line and column are 0 when the whole file is concerned. */
    public SourcePos pos() { return pos; }

    public String detail() { return detail; }

    private static String format(SourcePos pos, String detail) {
        if (pos == null) return detail;
        if (pos.line() <= 0) return pos.file() + ": " + detail;
        return pos + ": " + detail;
    }
}
