package org.crdsj.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.crdsj.engine.io.Sha1;

/**
 * A persistent cache of parsed mapping files, so a fresh JVM can load a context without parsing
 * its rules text. Entries are keyed by the SHA-1 of each file's bytes: an edited file is simply a
 * miss, and nothing is ever served for bytes it was not made from. The cache lives in one file
 * ({@value #FILE_NAME}) in a directory of the caller's choice ({@link #defaultDirectory()} by
 * convention), read through a memory map and replaced whole by {@link #flush()}.
 *
 * <p>Opening never fails because of the file's state: a missing, truncated, corrupt or foreign
 * cache counts as empty and is rewritten on the next flush. A cache may be shared by loaders on
 * several threads; it is safe for concurrent use. Several processes may share a directory: each
 * flush merges what is on disk and replaces the file by an atomic rename (on systems that cannot
 * rename over a mapped file, such a flush fails and only costs the entries it would have added).
 */
public final class SyntaxCache {
    /** The cache file's name within its directory. */
    public static final String FILE_NAME = "mapping-syntax.cache";
    /** The environment variable naming the default cache directory. */
    public static final String CACHE_DIR_ENV = "CRDS_CACHE_DIR";
    /** Past this many bytes, entries not used by this process are dropped at flush. */
    static final long MAX_BYTES = 256L << 20;
    /** Temporary files older than this are left-overs of a process that died while writing. */
    private static final Duration STALE_TEMP = Duration.ofHours(1);
    private static final HexFormat HEX = HexFormat.of();

    private final Path file;
    private final byte[] fingerprint;
    private volatile SyntaxCacheFile stored;
    private final Map<String, CachedSyntax> added = new ConcurrentHashMap<>();
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final AtomicInteger hits = new AtomicInteger(), misses = new AtomicInteger();
    private final FileStamps stamps;

    private SyntaxCache(Path file, byte[] fingerprint) {
        this.file = file;
        this.stamps = new FileStamps(file.resolveSibling(FileStamps.FILE_NAME));
        this.fingerprint = fingerprint;
    }

    /** The file as last read; mapped (and checked) on first use, so a load served whole by compiled contexts never opens it. */
    private SyntaxCacheFile stored() {
        SyntaxCacheFile f = stored;
        if (f == null) {
            synchronized (this) {
                if (stored == null) stored = SyntaxCacheFile.open(file, fingerprint);
                f = stored;
            }
        }
        return f;
    }

    /** Opens the cache in {@code directory} (which need not exist yet; it is created on flush). */
    public static SyntaxCache open(Path directory) {
        return new SyntaxCache(directory.resolve(FILE_NAME), ParserFingerprint.current());
    }

    /** Opens the cache in {@link #defaultDirectory()}. */
    public static SyntaxCache openDefault() {
        return open(defaultDirectory());
    }

    /** {@code $CRDS_CACHE_DIR} when set and not blank, else {@code ~/.cache/crds-j}. */
    public static Path defaultDirectory() {
        String env = System.getenv(CACHE_DIR_ENV);
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".cache", "crds-j");
    }

    /** The cache file. */
    public Path file() { return file; }

    /**
     * The cached syntax of a file whose bytes have SHA-1 {@code sha1Hex} (see {@link #sha1Hex}),
     * with positions naming {@code fileName}; empty on a miss. An entry that cannot be decoded is
     * a miss.
     */
    public Optional<CachedSyntax> get(String sha1Hex, String fileName) {
        CachedSyntax fresh = added.get(sha1Hex);
        if (fresh != null && fileName.equals(fresh.syntax().file())) return hit(sha1Hex, fresh);
        ByteBuffer bytes = stored().entry(sha1Hex);
        if (bytes == null && fresh == null) {
            misses.incrementAndGet();
            return Optional.empty();
        }
        try {
            if (bytes == null) bytes = ByteBuffer.wrap(SyntaxCodec.encode(fresh));
            return hit(sha1Hex, SyntaxCodec.decode(bytes, fileName));
        } catch (RuntimeException | InternalError e) {
            // InternalError: the mapped file was cut short in place by something other than flush()
            misses.incrementAndGet();
            return Optional.empty();
        }
    }

    private Optional<CachedSyntax> hit(String sha1Hex, CachedSyntax entry) {
        used.add(sha1Hex);
        hits.incrementAndGet();
        return Optional.of(entry);
    }

    /** Adds the syntax parsed from a file whose bytes have SHA-1 {@code sha1Hex}; kept at the next flush. */
    public void put(String sha1Hex, CachedSyntax entry) {
        if (HEX.parseHex(sha1Hex).length != 20) throw new IllegalArgumentException("not a SHA-1: " + sha1Hex);
        used.add(sha1Hex);
        if (stored().entry(sha1Hex) == null) added.put(sha1Hex, entry);
    }

    /**
     * The SHA-1 this cache recorded for {@code file} when the file's stat stamp (size, modification
     * and status-change times, inode, device) is still the same, so its bytes need neither reading
     * nor hashing; empty when unknown or possibly changed. See {@link #fileStamp}.
     */
    public Optional<String> unchangedSha1(Path file) {
        return Optional.ofNullable(stamps.unchangedSha1(file));
    }

    /**
     * An opaque stamp of {@code file} to pass to {@link #rememberSha1} once its bytes are hashed;
     * take it before reading the bytes. Null when the file cannot be stamped or changed too
     * recently to be trusted (then nothing is remembered).
     */
    public String fileStamp(Path file) {
        return stamps.settledStamp(file);
    }

    /** Remembers that {@code file}, as of {@code stamp} from {@link #fileStamp}, has SHA-1 {@code sha1Hex}. */
    public void rememberSha1(Path file, String stamp, String sha1Hex) {
        stamps.record(file, stamp, sha1Hex);
    }

    /** Lookups answered from the cache so far. */
    public int hits() { return hits.get(); }

    /** Lookups the cache could not answer so far. */
    public int misses() { return misses.get(); }

    /** Entries added since the last flush. */
    public int pending() { return added.size(); }

    /**
     * Writes the cache file once if entries were added: what is on disk now (another process may
     * have written meanwhile), plus this cache's entries, in one atomic replacement. Entries not
     * used by this process are dropped first when the file would exceed its size limit.
     *
     * @return whether a file was written
     */
    public synchronized boolean flush() throws IOException {
        stamps.flush();
        if (added.isEmpty()) return false;
        Map<String, CachedSyntax> batch = Map.copyOf(added);
        SortedMap<String, ByteBuffer> keep = new TreeMap<>();
        for (Map.Entry<String, CachedSyntax> e : batch.entrySet()) {
            ByteBuffer b;
            try {
                b = ByteBuffer.wrap(SyntaxCodec.encode(e.getValue()));
            } catch (IllegalArgumentException tooDeep) {
                continue;   // not cacheable; it will be parsed each time
            }
            keep.put(e.getKey(), b);
        }
        SortedMap<String, ByteBuffer> others = new TreeMap<>();
        for (SyntaxCacheFile f : new SyntaxCacheFile[] {stored(), SyntaxCacheFile.open(file, fingerprint)}) {
            f.forEach((k, b) -> (used.contains(k) ? keep : others).putIfAbsent(k, b));
        }
        long size = 0;
        for (ByteBuffer b : keep.values()) size += b.remaining() + SyntaxCacheFile.ROW_SIZE;
        for (Map.Entry<String, ByteBuffer> e : others.entrySet()) {
            long more = e.getValue().remaining() + SyntaxCacheFile.ROW_SIZE;
            if (size + more > MAX_BYTES) continue;
            keep.put(e.getKey(), e.getValue());
            size += more;
        }
        SyntaxCacheFile.write(file, fingerprint, keep);
        removeStaleTemporaries();
        stored = SyntaxCacheFile.open(file, fingerprint);
        batch.keySet().forEach(added::remove);
        return true;
    }

    /** Deletes temporary files a crashed writer left behind (they are never read). */
    private void removeStaleTemporaries() {
        Instant before = Instant.now().minus(STALE_TEMP);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(file.toAbsolutePath().getParent(), FILE_NAME + ".*.tmp")) {
            for (Path p : s) {
                try {
                    if (Files.getLastModifiedTime(p).compareTo(FileTime.from(before)) < 0) Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // another process may be cleaning up too
                }
            }
        } catch (IOException ignored) {
            // clean-up is best effort
        }
    }

    /** The SHA-1 of {@code bytes}, 40 lower-case hex digits: the key of a file's entry. */
    public static String sha1Hex(byte[] bytes) {
        return Sha1.hex(bytes);
    }
}
