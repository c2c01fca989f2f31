package org.crdsj.cli;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file read through a byte counter, so that a long import can say how far through the
 * file it is (and so how long is left). The count is read on the thread that reads the file.
 */
final class CountedFile {
    private final Path file;
    private long size = -1;
    private long bytesRead;

    CountedFile(Path file) {
        this.file = file;
    }

    /** A UTF-8 reader over the file; each byte it takes from the file is counted. */
    BufferedReader open() throws IOException {
        size = Files.size(file);
        bytesRead = 0;
        InputStream counting = new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) bytesRead++;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) bytesRead += n;
                return n;
            }
        };
        return new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The part of the file read so far (0 to 1; -1 before {@link #open}). */
    double fraction() {
        if (size < 0) return -1;
        return size == 0 ? 1 : Math.min(1.0, (double) bytesRead / size);
    }
}
