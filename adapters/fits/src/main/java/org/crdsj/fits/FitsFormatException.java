package org.crdsj.fits;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a readable (or not a complete) FITS file; the message names the file. */
public final class FitsFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What is wrong, for callers that phrase it as another tool does. */
    public enum Kind { NOT_FITS, MISSING_END, OTHER }

    private final Kind kind;

    public FitsFormatException(Path file, String problem) {
        this(file, Kind.OTHER, problem);
    }

    public FitsFormatException(Path file, Kind kind, String problem) {
        super(file + ": " + problem);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
