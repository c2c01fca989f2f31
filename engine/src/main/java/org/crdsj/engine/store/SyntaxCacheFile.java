package org.crdsj.engine.store;

import org.crdsj.engine.io.AtomicFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import java.util.zip.CRC32;

/**
 * One syntax cache file on disk, read through a {@link MappedByteBuffer}: entries of encoded
 * syntax ({@link SyntaxCodec}) keyed by the SHA-1 of each mapping file's bytes.
 *
 * <pre>
 * offset size
 *  0      8   magic "CRDSJSYN"
 *  8      4   format version
 * 12     20   parser fingerprint ({@link ParserFingerprint})
 * 32      4   entry count n
 * 36      8   payload length
 * 44      4   CRC32 of bytes 0..44 and of the payload
 * 48          payload: n index rows (20-byte SHA-1, 4-byte offset, 4-byte length; sorted by SHA-1,
 *             offsets from the payload start), then the entries' bytes
 * </pre>
 *
 * All numbers are big-endian. A file that is missing, truncated, corrupt, of another version or
 * written by another parser opens as {@linkplain #isEmpty() empty}: it is never trusted. Files are
 * written whole to a temporary file in the same directory and renamed over the old one, so readers
 * see either the old file or the new one, never a part. Immutable and thread-safe.
 */
public final class SyntaxCacheFile {
    /** Bump whenever the layout or {@link SyntaxCodec}'s encoding changes. */
    public static final int FORMAT_VERSION = 2;   // 2: entries carry expression trees

    static final byte[] MAGIC = "CRDSJSYN".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_SIZE = 48;
    static final int ROW_SIZE = 28;
    private static final int SHA1_SIZE = 20;
    private static final HexFormat HEX = HexFormat.of();

    private final ByteBuffer payload;   // read-only; never repositioned (views are taken by absolute slices)
    private final int count;

    private SyntaxCacheFile(ByteBuffer payload, int count) {
        this.payload = payload;
        this.count = count;
    }

    /** A file with no entries. */
    public static SyntaxCacheFile empty() {
        return new SyntaxCacheFile(ByteBuffer.allocate(0), 0);
    }

    /**
     * Maps {@code file} if it is a complete, intact cache written by {@code fingerprint}'s parser;
     * otherwise (including when it does not exist or cannot be read) an empty file.
     */
    public static SyntaxCacheFile open(Path file, byte[] fingerprint) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER_SIZE || size > Integer.MAX_VALUE) return empty();
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return parse(map, fingerprint);
        } catch (IOException | RuntimeException e) {
            return empty();
        }
    }

    /** Checks every structural promise of the format; anything off gives an empty file. */
    private static SyntaxCacheFile parse(ByteBuffer file, byte[] fingerprint) {
        byte[] magic = new byte[MAGIC.length];
        file.get(0, magic);
        if (!Arrays.equals(magic, MAGIC) || file.getInt(8) != FORMAT_VERSION) return empty();
        byte[] fp = new byte[SHA1_SIZE];
        file.get(12, fp);
        if (!Arrays.equals(fp, fingerprint)) return empty();
        int count = file.getInt(32);
        long payloadLength = file.getLong(36);
        if (count < 0 || payloadLength != file.capacity() - (long) HEADER_SIZE
                || (long) count * ROW_SIZE > payloadLength) return empty();
        ByteBuffer payload = file.slice(HEADER_SIZE, (int) payloadLength);
        CRC32 crc = new CRC32();
        crc.update(file.slice(0, 44));
        crc.update(payload.duplicate());
        if ((int) crc.getValue() != file.getInt(44)) return empty();
        int dataStart = count * ROW_SIZE;
        for (int i = 0; i < count; i++) {
            int row = i * ROW_SIZE;
            int off = payload.getInt(row + SHA1_SIZE), len = payload.getInt(row + SHA1_SIZE + 4);
            if (off < dataStart || len < 0 || (long) off + len > payloadLength) return empty();
            if (i > 0 && compareKeys(payload, row - ROW_SIZE, payload, row) >= 0) return empty();
        }
        return new SyntaxCacheFile(payload.asReadOnlyBuffer(), count);
    }

    public boolean isEmpty() { return count == 0; }

    /** The number of entries. */
    public int size() { return count; }

    /** The encoded entry for the file whose bytes have SHA-1 {@code sha1Hex}, or null. */
    public ByteBuffer entry(String sha1Hex) {
        ByteBuffer key = ByteBuffer.wrap(HEX.parseHex(sha1Hex));
        int lo = 0, hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareKeys(payload, mid * ROW_SIZE, key, 0);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return rowEntry(mid);
        }
        return null;
    }

    /** Every entry, in key order, as (SHA-1 hex, encoded bytes). */
    public void forEach(BiConsumer<String, ByteBuffer> action) {
        byte[] key = new byte[SHA1_SIZE];
        for (int i = 0; i < count; i++) {
            payload.get(i * ROW_SIZE, key);
            action.accept(HEX.formatHex(key), rowEntry(i));
        }
    }

    private ByteBuffer rowEntry(int i) {
        int row = i * ROW_SIZE;
        return payload.slice(payload.getInt(row + SHA1_SIZE), payload.getInt(row + SHA1_SIZE + 4));
    }

    private static int compareKeys(ByteBuffer a, int aOff, ByteBuffer b, int bOff) {
        for (int i = 0; i < SHA1_SIZE; i++) {
            int c = Integer.compare(a.get(aOff + i) & 0xFF, b.get(bOff + i) & 0xFF);
            if (c != 0) return c;
        }
        return 0;
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes {@code entries} (SHA-1 hex to encoded bytes) as {@code file}: whole, to a temporary
     * file in the same directory, forced to disk, then atomically renamed over {@code file}.
     * On any failure the temporary file is removed and {@code file} is left as it was.
     */
    public static void write(Path file, byte[] fingerprint, SortedMap<String, ByteBuffer> entries) throws IOException {
        if (fingerprint.length != SHA1_SIZE) throw new IllegalArgumentException("fingerprint must be 20 bytes");
        long payloadLength = (long) entries.size() * ROW_SIZE;
        for (ByteBuffer b : entries.values()) payloadLength += b.remaining();
        if (HEADER_SIZE + payloadLength > Integer.MAX_VALUE) throw new IOException("syntax cache would exceed 2 GB");
        ByteBuffer out = ByteBuffer.allocate((int) (HEADER_SIZE + payloadLength));
        out.put(MAGIC).putInt(FORMAT_VERSION).put(fingerprint).putInt(entries.size()).putLong(payloadLength);
        out.putInt(0);   // CRC, filled in below
        int offset = entries.size() * ROW_SIZE;
        for (Map.Entry<String, ByteBuffer> e : entries.entrySet()) {
            byte[] key = HEX.parseHex(e.getKey());
            if (key.length != SHA1_SIZE) throw new IllegalArgumentException("not a SHA-1: " + e.getKey());
            out.put(key).putInt(offset).putInt(e.getValue().remaining());
            offset += e.getValue().remaining();
        }
        for (ByteBuffer b : entries.values()) out.put(b.duplicate());
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, 44);
        crc.update(out.array(), HEADER_SIZE, (int) payloadLength);
        out.putInt(44, (int) crc.getValue());
        out.flip();

        AtomicFile.write(file, out);
    }
}
