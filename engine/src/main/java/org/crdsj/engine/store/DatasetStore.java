package org.crdsj.engine.store;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dataset parameter store opened for reading: dataset ids and headers grouped by instrument,
 * memory-mapped. Opening reads only the 64-byte header and the directory (both checksummed);
 * each section is mapped, and its CRC-32C checked, the first time it is used. Immutable once
 * open and safe to share between threads. See {@link DatasetStoreWriter} for building one.
 */
public final class DatasetStore implements AutoCloseable {
    private final String name;
    private final FileChannel channel;      // null for an in-memory store
    private final ByteBuffer memory;        // the whole store when in memory
    private final int flags;
    private final int count;
    private final long fileLength;
    private final Map<String, long[]> directory = new HashMap<>();   // name -> {offset, length, crc}
    private final Map<String, ByteBuffer> mapped = new ConcurrentHashMap<>();
    private final List<Group> groups;
    private volatile ByteBuffer datasetGroups, datasetRows, order;

    private DatasetStore(String name, FileChannel channel, ByteBuffer memory, long actualLength) throws IOException {
        this.name = name;
        this.channel = channel;
        this.memory = memory;
        ByteBuffer head = read(0, StoreFormat.HEADER_LENGTH, actualLength);
        byte[] magic = new byte[8];
        head.get(magic);
        if (!Arrays.equals(magic, StoreFormat.MAGIC)) throw bad("not a dataset store (bad magic number)");
        if (StoreFormat.crc(head.array(), 0, 48) != head.getInt(48)) throw bad("header checksum mismatch (corrupted file)");
        int version = head.getInt(8);
        if (version != StoreFormat.VERSION) {
            throw bad("format version " + version + " is not supported (this program reads version " + StoreFormat.VERSION + ")");
        }
        this.flags = head.getInt(12);
        this.fileLength = head.getLong(16);
        if (actualLength < fileLength) throw bad("truncated: " + actualLength + " of " + fileLength + " bytes present");
        if (actualLength > fileLength) throw bad("trailing data: " + actualLength + " bytes, expected " + fileLength);
        long n = head.getLong(24);
        if (n < 0 || n > Integer.MAX_VALUE) throw bad("bad dataset count " + n);
        this.count = (int) n;
        long dirOffset = head.getLong(32);
        int dirLength = head.getInt(40);
        ByteBuffer dir = read(dirOffset, dirLength, actualLength);
        if (StoreFormat.crc(dir.array(), 0, dirLength) != head.getInt(44)) throw bad("directory checksum mismatch (corrupted file)");
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(dir.array()));
        int sections = in.readInt();
        for (int i = 0; i < sections; i++) {
            String s = in.readUTF();
            long off = in.readLong(), len = in.readLong();
            int crc = in.readInt();
            if (off < StoreFormat.HEADER_LENGTH || len < 0 || off + len > dirOffset) throw bad("section " + s + " lies outside the file");
            directory.put(s, new long[] {off, len, crc});
        }
        int groupCount = in.readInt();
        List<Group> gs = new ArrayList<>(groupCount);
        for (int g = 0; g < groupCount; g++) {
            boolean hasInstrument = in.readBoolean();
            String instrument = in.readUTF();
            int rows = in.readInt();
            int columns = in.readInt();
            List<Column> cols = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                String keyword = in.readUTF();
                int dictSize = in.readInt();
                int width = in.readByte();
                cols.add(new Column(this, g, c, keyword, dictSize, width));
            }
            gs.add(new Group(this, g, hasInstrument ? instrument : null, rows, cols));
        }
        this.groups = Collections.unmodifiableList(gs);
    }

    /** Opens a store file: reads its header and directory only. */
    public static DatasetStore open(Path file) {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
            return new DatasetStore(file.toString(), ch, null, ch.size());
        } catch (IOException e) {
            closeQuietly(ch);
            throw new DatasetStoreException(file + ": cannot read dataset store: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    /** A store held in memory (the bytes {@link DatasetStoreWriter#toBytes} made). */
    public static DatasetStore of(byte[] bytes, String name) {
        try {
            return new DatasetStore(name, null, ByteBuffer.wrap(bytes).asReadOnlyBuffer(), bytes.length);
        } catch (IOException e) {
            throw new DatasetStoreException(name + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            if (ch != null) ch.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    private DatasetStoreException bad(String what) {
        return new DatasetStoreException(name + ": " + what);
    }

    private ByteBuffer read(long offset, int length, long actualLength) throws IOException {
        if (offset < 0 || length < 0 || offset + length > actualLength) {
            throw bad(offset == 0 ? "truncated: too short for a dataset store header" : "truncated: the directory is missing");
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        if (memory != null) {
            b.put(memory.duplicate().position((int) offset).limit((int) offset + length));
        } else {
            while (b.hasRemaining()) {
                if (channel.read(b, offset + b.position()) < 0) throw bad("truncated");
            }
        }
        b.flip();
        return b;
    }

    /** A section's bytes, mapped and checked on first use. */
    ByteBuffer section(String sectionName) {
        ByteBuffer b = mapped.get(sectionName);
        if (b != null) return b;
        long[] entry = directory.get(sectionName);
        if (entry == null) throw bad("section " + sectionName + " is missing");
        ByteBuffer buf;
        try {
            if (memory != null) {
                buf = memory.duplicate().position((int) entry[0]).limit((int) (entry[0] + entry[1])).slice();
            } else {
                if (entry[1] > Integer.MAX_VALUE) throw bad("section " + sectionName + " is larger than 2 GB");
                buf = channel.map(FileChannel.MapMode.READ_ONLY, entry[0], entry[1]);
            }
        } catch (IOException e) {
            throw new DatasetStoreException(name + ": cannot map section " + sectionName + ": " + e.getMessage(), e);
        }
        if (StoreFormat.crc(buf) != (int) entry[2]) throw bad("checksum mismatch in section " + sectionName + " (corrupted file)");
        ByteBuffer ro = buf.asReadOnlyBuffer();
        ByteBuffer prev = mapped.putIfAbsent(sectionName, ro);
        return prev != null ? prev : ro;
    }

    /** Checks every section's checksum now (opening checks only the header and directory). */
    public void verify() {
        for (String s : directory.keySet()) section(s);
    }

    public String name() { return name; }

    /** Number of datasets. */
    public int size() { return count; }

    /** Size of the store file in bytes. */
    public long fileLength() { return fileLength; }

    /** True when dataset indices are already in id order. */
    public boolean idsSorted() { return (flags & StoreFormat.FLAG_IDS_SORTED) != 0; }

    /** The id of dataset {@code i} (indices in import order). */
    public String id(int i) {
        ByteBuffer off = section("ids.offsets");
        long a = off.getLong(8 * i), b = off.getLong(8 * (i + 1));
        ByteBuffer bytes = section("ids.bytes");
        byte[] s = new byte[(int) (b - a)];
        bytes.get((int) a, s);
        return new String(s, StandardCharsets.UTF_8);
    }

    /** The index of the {@code k}-th dataset in id order (code point order, as CRDS sorts). */
    public int inIdOrder(int k) {
        if (idsSorted()) return k;
        ByteBuffer b = order;
        if (b == null) order = b = section("ids.order");
        return b.getInt(4 * k);
    }

    /** The instrument groups, in the order their first dataset was added. */
    public List<Group> groups() { return groups; }

    /** The group of dataset {@code i}. */
    public Group groupOf(int i) {
        ByteBuffer b = datasetGroups;
        if (b == null) datasetGroups = b = section("datasets.group");
        return groups.get(b.getShort(2 * i));
    }

    /** The row of dataset {@code i} within its group. */
    public int rowOf(int i) {
        ByteBuffer b = datasetRows;
        if (b == null) datasetRows = b = section("datasets.row");
        return b.getInt(4 * i);
    }

    /** The header of dataset {@code i} as stored (keywords in the group's column order). */
    public Map<String, String> header(int i) {
        return groupOf(i).header(rowOf(i));
    }

    @Override
    public void close() {
        mapped.clear();
        closeQuietly(channel);
    }

    /** The datasets of one instrument (or of no determinable instrument). */
    public static final class Group {
        private final DatasetStore store;
        private final int index;
        private final String instrument;
        private final int rows;
        private final List<Column> columns;
        private final Map<String, Column> byName = new HashMap<>();
        private volatile ByteBuffer rowsBuffer;

        Group(DatasetStore store, int index, String instrument, int rows, List<Column> columns) {
            this.store = store;
            this.index = index;
            this.instrument = instrument;
            this.rows = rows;
            this.columns = Collections.unmodifiableList(columns);
            for (Column c : columns) byName.put(c.keyword(), c);
        }

        /** CRDS's instrument for these datasets ({@link HeaderInstrument}), empty when none could be read. */
        public Optional<String> instrument() { return Optional.ofNullable(instrument); }

        public int index() { return index; }

        public int rows() { return rows; }

        public List<Column> columns() { return columns; }

        public Column column(String keyword) { return byName.get(keyword); }

        /** The dataset index of a row. */
        public int dataset(int row) {
            ByteBuffer b = rowsBuffer;
            if (b == null) rowsBuffer = b = store.section(StoreFormat.rowsSection(index));
            return b.getInt(4 * row);
        }

        /** The header of a row: every keyword with a value. */
        public Map<String, String> header(int row) {
            Map<String, String> h = new LinkedHashMap<>();
            for (Column c : columns) {
                String v = c.value(row);
                if (v != null) h.put(c.keyword(), v);
            }
            return h;
        }
    }

    /** One keyword of a group: a dictionary of values and a code per row (0: absent). */
    public static final class Column {
        private final DatasetStore store;
        private final int group;
        private final int index;
        private final String keyword;
        private final int dictionarySize;
        private final int width;
        private volatile String[] dictionary;
        private volatile ByteBuffer dataBuffer;

        private ByteBuffer data() {
            ByteBuffer b = dataBuffer;
            if (b == null) dataBuffer = b = store.section(StoreFormat.dataSection(group, index));
            return b;
        }

        Column(DatasetStore store, int group, int index, String keyword, int dictionarySize, int width) {
            this.store = store;
            this.group = group;
            this.index = index;
            this.keyword = keyword;
            this.dictionarySize = dictionarySize;
            this.width = width;
        }

        public String keyword() { return keyword; }

        /** Number of codes, including 0 (absent). */
        public int dictionarySize() { return dictionarySize; }

        /** The code of a row: 0 when the keyword is absent, else an index into {@link #dictionary()}. */
        public int code(int row) {
            ByteBuffer d = data();
            return switch (width) {
                case 1 -> d.get(row) & 0xFF;
                case 2 -> d.getShort(2 * row) & 0xFFFF;
                default -> d.getInt(4 * row);
            };
        }

        /** The codes of rows {@code from..from+n-1} into {@code out}. */
        public void codes(int from, int n, int[] out) {
            ByteBuffer d = data();
            switch (width) {
                case 1 -> { for (int i = 0; i < n; i++) out[i] = d.get(from + i) & 0xFF; }
                case 2 -> { for (int i = 0; i < n; i++) out[i] = d.getShort(2 * (from + i)) & 0xFFFF; }
                default -> { for (int i = 0; i < n; i++) out[i] = d.getInt(4 * (from + i)); }
            }
        }

        /** The values by code (index 0 is null: absent), decoded on first use. */
        public String[] dictionary() {
            String[] d = dictionary;
            if (d == null) {
                ByteBuffer b = store.section(StoreFormat.dictSection(group, index));
                int n = b.getInt(0);
                if (n != dictionarySize) throw store.bad("dictionary size mismatch in column " + keyword);
                int base = 4 + 4 * (n + 1);
                d = new String[n];
                for (int i = 1; i < n; i++) {
                    int a = b.getInt(4 + 4 * i), e = b.getInt(4 + 4 * (i + 1));
                    byte[] s = new byte[e - a];
                    b.get(base + a, s);
                    d[i] = new String(s, StandardCharsets.UTF_8);
                }
                dictionary = d;
            }
            return d;
        }

        /** The value of a row, null when absent. */
        public String value(int row) {
            int c = code(row);
            return c == 0 ? null : dictionary()[c];
        }
    }
}
