package org.crdsj.engine.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.io.AtomicFile;

/**
 * Builds a dataset store: call {@link #add} for every dataset, then {@link #write} (atomically, to a
 * temporary sibling renamed over the target) or {@link #toBytes}. Datasets are grouped by the
 * instrument CRDS reads from them ({@link HeaderInstrument}); each group keeps one
 * dictionary-encoded column per keyword it has seen, codes 1, 2 or 4 bytes wide as the
 * dictionary grows. Memory is about the size of the finished file. Not thread-safe.
 */
public final class DatasetStoreWriter implements HeaderSource.Sink {
    private final Bytes idBytes = new Bytes(1 << 16);
    private long[] idOffsets = new long[1024];
    private short[] datasetGroup = new short[1024];
    private int[] datasetRow = new int[1024];
    private int count;
    private boolean sorted = true;
    private String lastId;
    private final Map<String, Group> groupsByInstrument = new HashMap<>();
    private final List<Group> groups = new ArrayList<>();
    private static final String NO_INSTRUMENT = "\u0000none";

    /** Adds one dataset; null values are left out (CRDS drops them). */
    @Override
    public void accept(String id, Map<String, String> header) {
        add(id, header);
    }

    public void add(String id, Map<String, String> header) {
        if (count == Integer.MAX_VALUE - 8) throw new IllegalStateException("too many datasets for one store");
        ensureDatasets(count + 1);
        byte[] idUtf8 = id.getBytes(StandardCharsets.UTF_8);
        idOffsets[count] = idBytes.size();
        idBytes.add(idUtf8, 0, idUtf8.length);
        if (sorted && lastId != null && org.crdsj.engine.values.CodePointOrder.STRINGS.compare(lastId, id) > 0) sorted = false;
        lastId = id;
        String instrument = HeaderInstrument.of(header).orElse(null);
        Group g = groupsByInstrument.computeIfAbsent(instrument == null ? NO_INSTRUMENT : instrument, k -> {
            if (groups.size() == Short.MAX_VALUE) throw new IllegalStateException("too many instruments for one store");
            Group ng = new Group(instrument);
            groups.add(ng);
            return ng;
        });
        datasetGroup[count] = (short) groups.indexOf(g);
        datasetRow[count] = g.add(count, header);
        count++;
    }

    /** Datasets added so far. */
    public int size() {
        return count;
    }

    private void ensureDatasets(int n) {
        if (n + 1 <= idOffsets.length) return;
        int cap = Math.max(n + 1, idOffsets.length + (idOffsets.length >> 1));
        idOffsets = Arrays.copyOf(idOffsets, cap);
        datasetGroup = Arrays.copyOf(datasetGroup, cap);
        datasetRow = Arrays.copyOf(datasetRow, cap);
    }

    /** Writes the store to {@code target} atomically. */
    public void write(Path target) throws IOException {
        AtomicFile.write(target, this::writeTo);
    }

    /** The whole store file in memory (for small stores, e.g. headers given on the command line). */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The store file, streamed: header, sections, directory. */
    public void writeTo(OutputStream out) throws IOException {
        idOffsets[count] = idBytes.size();
        List<Section> sections = new ArrayList<>();
        sections.add(Section.ofLongs("ids.offsets", idOffsets, count + 1));
        sections.add(new Section("ids.bytes", idBytes.data, idBytes.size()));
        if (!sorted) sections.add(Section.ofInts("ids.order", sortedOrder(), count));
        sections.add(Section.ofShorts("datasets.group", datasetGroup, count));
        sections.add(Section.ofInts("datasets.row", datasetRow, count));
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            sections.add(Section.ofInts(StoreFormat.rowsSection(g), group.rows, group.size));
            int c = 0;
            for (Column col : group.columns.values()) {
                col.pad(group.size);
                sections.add(col.dictionarySection(StoreFormat.dictSection(g, c)));
                sections.add(new Section(StoreFormat.dataSection(g, c), col.data, group.size * col.width));
                c++;
            }
        }
        long offset = StoreFormat.HEADER_LENGTH;
        ByteArrayOutputStream dirBytes = new ByteArrayOutputStream();
        DataOutputStream dir = new DataOutputStream(dirBytes);
        dir.writeInt(sections.size());
        for (Section s : sections) {
            dir.writeUTF(s.name);
            dir.writeLong(offset);
            dir.writeLong(s.length);
            dir.writeInt(StoreFormat.crc(s.bytes, 0, s.length));
            offset += s.length;
        }
        dir.writeInt(groups.size());
        for (Group group : groups) {
            dir.writeBoolean(group.instrument != null);
            dir.writeUTF(group.instrument == null ? "" : group.instrument);
            dir.writeInt(group.size);
            dir.writeInt(group.columns.size());
            for (Column col : group.columns.values()) {
                dir.writeUTF(col.name);
                dir.writeInt(col.values.size());
                dir.writeByte(col.width);
            }
        }
        dir.flush();
        byte[] directory = dirBytes.toByteArray();
        ByteBuffer head = ByteBuffer.allocate(StoreFormat.HEADER_LENGTH);
        head.put(StoreFormat.MAGIC);
        head.putInt(StoreFormat.VERSION);
        head.putInt(sorted ? StoreFormat.FLAG_IDS_SORTED : 0);
        head.putLong(offset + directory.length);
        head.putLong(count);
        head.putLong(offset);
        head.putInt(directory.length);
        head.putInt(StoreFormat.crc(directory, 0, directory.length));
        head.putInt(StoreFormat.crc(head.array(), 0, 48));
        out.write(head.array());
        for (Section s : sections) out.write(s.bytes, 0, s.length);
        out.write(directory);
        out.flush();
    }

    /** Dataset indices in id order (code point order, as Python sorts strings). */
    private int[] sortedOrder() {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = new String(idBytes.data, (int) idOffsets[i], (int) (idOffsets[i + 1] - idOffsets[i]), StandardCharsets.UTF_8);
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> org.crdsj.engine.values.CodePointOrder.STRINGS.compare(ids[a], ids[b]));
        int[] out = new int[count];
        for (int i = 0; i < count; i++) out[i] = order[i];
        return out;
    }

    /** One instrument's datasets. */
    private static final class Group {
        final String instrument;
        int[] rows = new int[256];
        int size;
        final LinkedHashMap<String, Column> columns = new LinkedHashMap<>();

        Group(String instrument) {
            this.instrument = instrument;
        }

        int add(int dataset, Map<String, String> header) {
            if (size == rows.length) rows = Arrays.copyOf(rows, rows.length * 2);
            int row = size;
            rows[row] = dataset;
            for (Map.Entry<String, String> e : header.entrySet()) {
                if (e.getValue() == null) continue;
                Column col = columns.get(e.getKey());
                if (col == null) {
                    col = new Column(e.getKey());
                    columns.put(e.getKey(), col);
                }
                col.set(row, e.getValue());
            }
            size++;
            return row;
        }
    }

    /** One keyword of a group: a dictionary and a code per row (0: absent). */
    private static final class Column {
        final String name;
        final HashMap<String, Integer> codes = new HashMap<>();
        final ArrayList<String> values = new ArrayList<>();
        byte[] data = new byte[256];
        int width = 1;

        Column(String name) {
            this.name = name;
            values.add(null);
        }

        void set(int row, String value) {
            Integer code = codes.get(value);
            if (code == null) {
                code = values.size();
                codes.put(value, code);
                values.add(value);
                if (code == 256 || code == 65536) widen(code == 256 ? 2 : 4);
            }
            ensure(row + 1);
            switch (width) {
                case 1 -> data[row] = (byte) (int) code;
                case 2 -> { data[2 * row] = (byte) (code >>> 8); data[2 * row + 1] = (byte) (int) code; }
                default -> {
                    int p = 4 * row;
                    data[p] = (byte) (code >>> 24); data[p + 1] = (byte) (code >>> 16);
                    data[p + 2] = (byte) (code >>> 8); data[p + 3] = (byte) (int) code;
                }
            }
        }

        /** Rows not set are already zero (absent); makes room for {@code rows} rows. */
        void pad(int rows) {
            ensure(rows);
        }

        private void ensure(int rows) {
            long need = (long) rows * width;
            if (need > Integer.MAX_VALUE - 8) throw new IllegalStateException("column " + name + " too large");
            if (need <= data.length) return;
            data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, data.length * 2L)));
        }

        private void widen(int newWidth) {
            int rows = data.length / width;
            byte[] wide = new byte[Math.max(256, rows * newWidth)];
            for (int r = 0; r < rows; r++) {
                int code = switch (width) {
                    case 1 -> data[r] & 0xFF;
                    default -> ((data[2 * r] & 0xFF) << 8) | (data[2 * r + 1] & 0xFF);
                };
                int p = r * newWidth;
                if (newWidth == 2) {
                    wide[p] = (byte) (code >>> 8); wide[p + 1] = (byte) code;
                } else {
                    wide[p] = (byte) (code >>> 24); wide[p + 1] = (byte) (code >>> 16);
                    wide[p + 2] = (byte) (code >>> 8); wide[p + 3] = (byte) code;
                }
            }
            data = wide;
            width = newWidth;
        }

        Section dictionarySection(String sectionName) {
            Bytes utf8 = new Bytes(1024);
            int n = values.size();
            int[] offsets = new int[n + 1];
            for (int i = 1; i < n; i++) {
                offsets[i] = utf8.size();
                byte[] b = values.get(i).getBytes(StandardCharsets.UTF_8);
                utf8.add(b, 0, b.length);
            }
            offsets[0] = 0;
            offsets[n] = utf8.size();
            ByteBuffer buf = ByteBuffer.allocate(4 + 4 * (n + 1) + utf8.size());
            buf.putInt(n);
            for (int o : offsets) buf.putInt(o);
            buf.put(utf8.data, 0, utf8.size());
            return new Section(sectionName, buf.array(), buf.capacity());
        }
    }

    /** A named run of bytes in the file. */
    private record Section(String name, byte[] bytes, int length) {
        static Section ofLongs(String name, long[] v, int n) {
            ByteBuffer b = ByteBuffer.allocate(8 * n);
            for (int i = 0; i < n; i++) b.putLong(v[i]);
            return new Section(name, b.array(), b.capacity());
        }

        static Section ofInts(String name, int[] v, int n) {
            ByteBuffer b = ByteBuffer.allocate(4 * n);
            for (int i = 0; i < n; i++) b.putInt(v[i]);
            return new Section(name, b.array(), b.capacity());
        }

        static Section ofShorts(String name, short[] v, int n) {
            ByteBuffer b = ByteBuffer.allocate(2 * n);
            for (int i = 0; i < n; i++) b.putShort(v[i]);
            return new Section(name, b.array(), b.capacity());
        }
    }

    /** A growable byte array. */
    private static final class Bytes {
        byte[] data;
        private int size;

        Bytes(int capacity) {
            data = new byte[capacity];
        }

        int size() { return size; }

        void add(byte[] b, int off, int len) {
            if (size + len > data.length) {
                long cap = Math.max((long) size + len, data.length * 2L);
                if (cap > Integer.MAX_VALUE - 8) throw new IllegalStateException("dataset ids too large for one store");
                data = Arrays.copyOf(data, (int) cap);
            }
            System.arraycopy(b, off, data, size, len);
            size += len;
        }
    }
}
