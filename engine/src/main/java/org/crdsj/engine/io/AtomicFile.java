package org.crdsj.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file all at once: the new content goes to a temporary sibling, is forced to disk,
 * and is renamed over the target. A crash, a full disk or an exception in the writer leaves
 * either the old file or the new one, never a mix; the temporary file is removed on failure.
 * An existing file's permissions are kept.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** Writes what {@code body} writes to the stream into {@code target}, atomically. */
    public static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch)) {
                body.writeTo(out);
                out.flush();
                ch.force(true);
            }
            keepPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically", e);
            }
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (NoSuchFileException ignored) {
                // renamed already
            }
        }
    }

    /** Writes {@code bytes} into {@code target}, atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes the remaining bytes of {@code buffer} into {@code target}, atomically. */
    public static void write(Path target, ByteBuffer buffer) throws IOException {
        ByteBuffer b = buffer.duplicate();
        write(target, out -> {
            if (b.hasArray()) {
                out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
            } else {
                byte[] chunk = new byte[64 * 1024];
                while (b.hasRemaining()) {
                    int n = Math.min(chunk.length, b.remaining());
                    b.get(chunk, 0, n);
                    out.write(chunk, 0, n);
                }
            }
        });
    }

    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (!Files.exists(target)) return;
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(target);
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the default permissions will do
        }
    }

    /** The content of a file, written to a stream. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
