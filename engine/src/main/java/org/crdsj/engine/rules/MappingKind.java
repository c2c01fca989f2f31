package org.crdsj.engine.rules;

import java.util.Locale;
import java.util.Optional;

/** The three kinds of rules file, told apart by extension (or by the {@code mapping} header field). */
public enum MappingKind {
    PIPELINE("pmap"), INSTRUMENT("imap"), REFERENCE("rmap");

    private final String extension;

    MappingKind(String extension) { this.extension = extension; }

    public String extension() { return extension; }

    public static Optional<MappingKind> fromFileName(String name) {
        for (MappingKind k : values()) {
            // ".ext" tested without building it: '+' costs a bootstrap on this start-up path
            int dot = name.length() - k.extension.length() - 1;
            if (dot >= 0 && name.charAt(dot) == '.' && name.endsWith(k.extension)) return Optional.of(k);
        }
        return Optional.empty();
    }

    /** From the header's {@code mapping} field: PIPELINE, INSTRUMENT or REFERENCE, any case. */
    public static Optional<MappingKind> fromHeaderField(String value) {
        try {
            return Optional.of(valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
