package org.crdsj.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.crdsj.engine.io.AtomicFile;

/**
 * Where the rules-editing commands put the files they write: atomically, through
 * {@link AtomicFile}, unless a test substitutes a sink that fails part-way to prove that an
 * interrupted write leaves nothing half done.
 */
@FunctionalInterface
interface FileSink {
    /** The normal sink: each file replaced atomically. */
    FileSink ATOMIC = AtomicFile::write;

    void write(Path target, byte[] bytes) throws IOException;
}
