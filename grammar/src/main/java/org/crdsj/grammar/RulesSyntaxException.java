package org.crdsj.grammar;

import java.util.Objects;
import org.crdsj.grammar.syntax.SourcePos;

/**
 * A mapping file or header expression that CRDS would refuse to load: a Python syntax error, or a
 * construct the CRDS screener forbids (attribute access, arithmetic, unknown selectors, ...).
 * The message is {@code file:line:column: detail} with a 1-based line and column.
 */
public final class RulesSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SourcePos pos;
    private final String detail;

    /** Creates the exception for the problem {@code detail} found at {@code pos}. */
    public RulesSyntaxException(SourcePos pos, String detail) {
        super(Objects.requireNonNull(pos, "pos") + ": " + Objects.requireNonNull(detail, "detail"));
        this.pos = pos;
        this.detail = detail;
    }

    /** Where the problem is. */
    public SourcePos pos() {
        return pos;
    }

    /** What is wrong, without the position prefix. */
    public String detail() {
        return detail;
    }
}
