package org.crdsj.engine.store;

import java.util.Map;
import java.util.Objects;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.syntax.MappingSyntax;

/**
 * What the syntax cache keeps for one mapping file: its parsed {@code syntax}, the CRDS
 * {@code checksum} of its text (see {@link org.crdsj.engine.rules.Checksums#compute}), and the
 * parsed header {@code expressions} (keyed by {@link #expressionKey}), so a hit needs neither a
 * parse nor the checksum pass.
 */
public record CachedSyntax(MappingSyntax syntax, String checksum, Map<String, Expr> expressions) {
    public CachedSyntax {
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(checksum, "checksum");
        expressions = Map.copyOf(expressions);
    }

    public CachedSyntax(MappingSyntax syntax, String checksum) {
        this(syntax, checksum, Map.of());
    }

    /** The key of an expression: its source (as compiled) and where its string starts. */
    public static String expressionKey(String source, org.crdsj.grammar.syntax.SourcePos origin) {
        // (StringBuilder, not '+': it runs at start-up, where each concatenation shape costs a bootstrap)
        return new StringBuilder().append(origin.line()).append(':').append(origin.column()).append(':').append(source).toString();
    }
}
