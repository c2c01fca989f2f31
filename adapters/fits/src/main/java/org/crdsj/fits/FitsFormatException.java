package org.crdsj.fits;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a readable (or not a complete) FITS file; the message names the file. */
public final class FitsFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public FitsFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
