package org.crdsj.engine.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The layout of a dataset store file ({@code .crdsds}), shared by the writer and the reader.
 *
 * <pre>
 * 0   magic "CRDSDSet" (8 bytes)          32  directory offset (long)
 * 8   format version (int)                40  directory length (int)
 * 12  flags (int; bit 0: ids sorted)      44  directory CRC-32C (int)
 * 16  file length (long)                  48  CRC-32C of bytes 0..47 (int)
 * 24  dataset count (long)                52  reserved (12 zero bytes)
 * 64  sections, each with its own CRC-32C in the directory; the directory last.
 * </pre>
 *
 * All numbers are big-endian. Sections: {@code ids.offsets} (long[n+1]), {@code ids.bytes} (UTF-8),
 * {@code ids.order} (int[n], only when ids are not sorted), {@code datasets.group} (short[n]),
 * {@code datasets.row} (int[n]), and per instrument group g: {@code g.rows} (int[rows]: dataset
 * index of each row) and per column c: {@code g.c.dict} (int count, int[count+1] offsets, UTF-8)
 * and {@code g.c.data} (one unsigned code of 1, 2 or 4 bytes per row; 0 = keyword absent).
 */
final class StoreFormat {
    static final byte[] MAGIC = "CRDSDSet".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_LENGTH = 64;
    static final int FLAG_IDS_SORTED = 1;

    private StoreFormat() {}

    static int crc(ByteBuffer b) {
        CRC32C c = new CRC32C();
        c.update(b.duplicate());
        return (int) c.getValue();
    }

    static int crc(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return (int) c.getValue();
    }

    static String rowsSection(int g) { return g + ".rows"; }
    static String dictSection(int g, int c) { return g + "." + c + ".dict"; }
    static String dataSection(int g, int c) { return g + "." + c + ".data"; }
}
