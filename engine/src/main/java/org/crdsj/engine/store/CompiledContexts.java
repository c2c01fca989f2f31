package org.crdsj.engine.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.crdsj.engine.io.Sha1;

/**
 * The compiled-context cache: one {@link CompiledContextFile} per context (root file and load
 * options) in the cache directory, next to the syntax cache. A file is trusted only when it is
 * intact, written by this build, and every file of the closure it records still has the SHA-1
 * it had (known from its unchanged stat stamp without reading it, else by hashing its bytes);
 * otherwise the context is loaded normally and the file rewritten. Safe for concurrent use; files
 * are replaced atomically, so concurrent loads (threads or processes) see a whole file or none.
 */
public final class CompiledContexts {
    /** How the compiled-context cache served a load. */
    public enum Outcome {
        /** Not used (no cache, or the load did not go through it). */
        OFF,
        /** Loaded from the compiled file. */
        HIT,
        /** No compiled file yet: loaded normally, file written. */
        MISS,
        /**
         * A file of the closure changed (or a name resolves elsewhere), or the file was written by
         * another build: loaded normally, file rewritten.
         */
        STALE,
        /** The compiled file was damaged or foreign: loaded normally, file rewritten. */
        DAMAGED
    }

    static final String PREFIX = "context-", SUFFIX = ".cache";
    /** Past this many compiled contexts in the directory, the least recently written are removed. */
    static final int MAX_FILES = 64;

    private final Path directory;
    private final Consumer<String> notes;
    private volatile byte[] parser, engine;

    private CompiledContexts(Path directory, Consumer<String> notes) {
        this.directory = directory;
        this.notes = notes;
    }

    /** The cache in {@code directory} (created on first write); damaged files are noted to {@code notes}. */
    public static CompiledContexts open(Path directory, Consumer<String> notes) {
        return new CompiledContexts(directory, notes == null ? s -> { } : notes);
    }

    public static CompiledContexts open(Path directory) {
        return open(directory, null);
    }

    public Path directory() { return directory; }

    /** The file that holds the compiled context of {@code root} (absolute, normalised) under {@code options}. */
    public Path fileFor(Path root, int options) {
        // FNV-1a over the path and options: a name, not a check (the file records its root and options).
        long h = 0xcbf29ce484222325L;
        // (StringBuilder, not '+': each new concatenation shape costs a bootstrap at start-up)
        for (byte b : new StringBuilder(root.toString()).append('\0').append(options).toString().getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        StringBuilder name = new StringBuilder(PREFIX);
        String hex = Long.toHexString(h);
        for (int i = hex.length(); i < 16; i++) name.append('0');
        return directory.resolve(name.append(hex).append(SUFFIX).toString());
    }

    /**
     * The compiled context of {@code root}, if a trustworthy one exists: intact, of this build,
     * for this root and options. A damaged one is noted and reported as {@link Outcome#DAMAGED}.
     */
    public Lookup find(Path root, int options) {
        Path file = fileFor(root, options);
        CompiledContextFile f;
        try {
            f = CompiledContextFile.open(file, parser(), engine(), options);
        } catch (CompiledContextFile.OtherBuild e) {
            return new Lookup(null, Outcome.STALE);
        } catch (IOException e) {
            notes.accept("compiled context cache " + file + " not used: " + e.getMessage() + "; loading the rules instead");
            return new Lookup(null, Outcome.DAMAGED);
        }
        if (f == null) return new Lookup(null, Outcome.MISS);
        if (!f.root().equals(root.toString())) return new Lookup(null, Outcome.MISS);   // a name collision
        return new Lookup(f, Outcome.HIT);
    }

    /**
     * What {@link #find} found: the file when it is intact and of this build, and how the cache
     * served. The caller must still check its members with {@link #changedMember} before trusting
     * what it builds from it (it may do so while building, on another thread).
     */
    public record Lookup(CompiledContextFile file, Outcome outcome) {}

    /**
     * The first member whose file changed since it was compiled (its path), or null when none did.
     * A member whose stat stamp is as recorded is unchanged (see {@link FileStamps}); any other is
     * read and hashed, so a change that restored the size and modification time is still seen.
     */
    public static String changedMember(CompiledContextFile f) {
        for (CompiledContextFile.Member m : f.members()) {
            Path p = Path.of(m.path());
            if (!m.stamp().isEmpty() && m.stamp().equals(FileStamps.stamp(p))) continue;
            try {
                byte[] digest = new Sha1().update(Files.readAllBytes(p)).digest();
                if (!Arrays.equals(digest, m.sha1())) return m.path();
            } catch (IOException | RuntimeException e) {
                return m.path();
            }
        }
        return null;
    }

    /**
     * Writes the compiled context of {@code root}: its members in load order, the loader's
     * keyword numbering. The closure key is the SHA-1 of every member's file name and SHA-1 and
     * the options. Removes the least recently written files beyond {@value #MAX_FILES}.
     */
    public void write(Path root, int options, String[] keywords, List<CompiledContextFile.Source> members) throws IOException {
        Sha1 key = new Sha1();
        for (CompiledContextFile.Source m : members) {
            key.update(Path.of(m.path()).getFileName().toString().getBytes(StandardCharsets.UTF_8));
            key.update((byte) 0);
            key.update(m.sha1Hex().getBytes(StandardCharsets.US_ASCII));
            key.update((byte) '\n');
        }
        key.update((byte) options);
        Files.createDirectories(directory);
        CompiledContextFile.write(fileFor(root, options), parser(), engine(), options, key.digest(), root.toString(),
                keywords, members);
        trim();
    }

    private void trim() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path p : s) files.add(p);
        } catch (IOException e) {
            return;
        }
        if (files.size() <= MAX_FILES) return;
        files.sort((a, b) -> Long.compare(modified(a), modified(b)));
        for (Path p : files.subList(0, files.size() - MAX_FILES)) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // another process may be trimming too
            }
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private byte[] parser() {
        byte[] b = parser;
        if (b == null) parser = b = ParserFingerprint.current();
        return b;
    }

    private byte[] engine() {
        byte[] b = engine;
        if (b == null) engine = b = ParserFingerprint.engine();
        return b;
    }
}
