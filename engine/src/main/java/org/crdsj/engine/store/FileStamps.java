package org.crdsj.engine.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.crdsj.engine.io.AtomicFile;

/**
 * The SHA-1s of files this cache has hashed, each with the file's stat stamp at the time (size,
 * modification and status-change times in nanoseconds, inode and device), so a later load can
 * know a file's SHA-1 without reading or hashing it. This is git's index trick: a file counts as
 * unchanged only when all five numbers are the same. The status-change time cannot be set by
 * programs (unlike the modification time), and a stamp is only recorded for a file whose times
 * are a few seconds old, so a write within the same clock tick as the recording (git's "racy"
 * case) cannot go unnoticed. Where the file system offers no such stamp (no "unix" attribute
 * view), nothing is recorded and every file is hashed as before.
 *
 * <p>Stored as text, one file per line, in {@value #FILE_NAME} next to the syntax cache, and
 * replaced atomically. Safe for concurrent use.
 */
final class FileStamps {
    static final String FILE_NAME = "file-stamps.cache";
    private static final String MAGIC = "crds-j file stamps 1";
    /** Files whose times are younger than this may still change within the same tick. */
    static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final int MAX_ENTRIES = 50_000;

    private final Path file;
    private final long settleNanos;
    private volatile Map<String, Entry> stored;
    private final Map<String, Entry> added = new ConcurrentHashMap<>();

    /** One file's SHA-1 and the stat stamp it was taken under. */
    record Entry(String sha1, String stamp) {}

    FileStamps(Path file) {
        this(file, SETTLE_NANOS);
    }

    /** With another settling time (tests). */
    FileStamps(Path file, long settleNanos) {
        this.file = file;
        this.settleNanos = settleNanos;
    }

    /** The recorded SHA-1 of {@code path} if its stamp is unchanged, else null. */
    String unchangedSha1(Path path) {
        String stamp = stamp(path);
        if (stamp == null) return null;
        Entry e = added.get(key(path));
        if (e == null) e = stored().get(key(path));
        return e != null && e.stamp.equals(stamp) ? e.sha1 : null;
    }

    /**
     * The stamp to record with a SHA-1 about to be computed: take it BEFORE reading the bytes, so
     * a write racing with the read changes the stamp and the pairing is never trusted. Null when
     * the file is too young or has no stamp.
     */
    String settledStamp(Path path) {
        String stamp = stamp(path);
        if (stamp == null) return null;
        String[] f = stamp.split(" ");
        long now = System.currentTimeMillis() * 1_000_000L;
        long mtime = Long.parseLong(f[1]), ctime = Long.parseLong(f[2]);
        return now - mtime >= settleNanos && now - ctime >= settleNanos ? stamp : null;
    }

    /** Records that the file with {@code stamp} (from {@link #settledStamp}) has SHA-1 {@code sha1}. */
    void record(Path path, String stamp, String sha1) {
        if (stamp == null) return;
        Entry e = new Entry(sha1, stamp);
        if (!e.equals(stored().get(key(path)))) added.put(key(path), e);
    }

    /** Writes the recorded stamps, merged with what is on disk, if any were added. */
    synchronized void flush() throws IOException {
        if (added.isEmpty()) return;
        Map<String, Entry> batch = Map.copyOf(added);
        Map<String, Entry> all = new java.util.TreeMap<>(read(file));
        if (all.size() + batch.size() > MAX_ENTRIES) all.clear();
        all.putAll(batch);
        StringBuilder text = new StringBuilder(MAGIC).append('\n');
        for (Map.Entry<String, Entry> e : all.entrySet()) {
            text.append(e.getValue().sha1).append(' ').append(e.getValue().stamp).append(' ').append(e.getKey()).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(bytes));
        stored = all;
        batch.keySet().forEach(added::remove);
    }

    private Map<String, Entry> stored() {
        Map<String, Entry> s = stored;
        if (s == null) stored = s = read(file);
        return s;
    }

    private static String key(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    /** Size, mtime ns, ctime ns, inode, device; null when unavailable. */
    static String stamp(Path path) {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:size,lastModifiedTime,ctime,ino,dev");
            Object size = a.get("size"), mtime = a.get("lastModifiedTime"), ctime = a.get("ctime");
            Object ino = a.get("ino"), dev = a.get("dev");
            if (size == null || !(mtime instanceof FileTime m) || !(ctime instanceof FileTime c) || ino == null || dev == null) {
                return null;
            }
            // (a StringBuilder, not '+': string concatenation's first bootstrap costs milliseconds at start-up)
            return new StringBuilder(64).append(size).append(' ').append(m.to(TimeUnit.NANOSECONDS)).append(' ')
                    .append(c.to(TimeUnit.NANOSECONDS)).append(' ').append(ino).append(' ').append(dev).toString();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** The stored stamps; a missing or malformed file counts as empty (malformed lines are skipped). */
    private static Map<String, Entry> read(Path file) {
        Map<String, Entry> out = new ConcurrentHashMap<>();
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException | RuntimeException e) {
            return out;
        }
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].equals(MAGIC)) return out;
        for (int i = 1; i < lines.length; i++) {
            // sha1 size mtime ctime ino dev path (the path may contain spaces: it is the rest)
            String[] f = lines[i].split(" ", 7);
            if (f.length != 7 || f[0].length() != 40) continue;
            out.put(f[6], new Entry(f[0], f[1] + " " + f[2] + " " + f[3] + " " + f[4] + " " + f[5]));
        }
        return out;
    }
}
