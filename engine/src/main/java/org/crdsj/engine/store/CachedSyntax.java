package org.crdsj.engine.store;

import java.util.Objects;
import org.crdsj.grammar.syntax.MappingSyntax;

/**
 * What the syntax cache keeps for one mapping file: its parsed {@code syntax} and the CRDS
 * {@code checksum} of its text (see {@link org.crdsj.engine.rules.Checksums#compute}), so a hit
 * needs neither the parse nor the checksum pass.
 */
public record CachedSyntax(MappingSyntax syntax, String checksum) {
    public CachedSyntax {
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(checksum, "checksum");
    }
}
