package org.crdsj.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset stores: round trips, instrument groups, code widths, corruption and atomic replacement. */
class DatasetStoreTest {
    private static final long SEED = 4242L;

    @TempDir Path dir;

    /** Seeded datasets: several instruments, one without, keywords appearing late, many distinct values. */
    private static List<Map.Entry<String, Map<String, String>>> datasets(int n, long seed) {
        Random rnd = new Random(seed);
        List<Map.Entry<String, Map<String, String>>> out = new ArrayList<>();
        String[] instruments = {"ACS", "COS", "wfii", "hst", " ACS "};
        for (int i = 0; i < n; i++) {
            Map<String, String> h = new LinkedHashMap<>();
            int r = rnd.nextInt(100);
            if (r < 95) h.put(r < 50 ? "INSTRUME" : "META.INSTRUMENT.NAME", instruments[rnd.nextInt(instruments.length)]);
            h.put("DETECTOR", "D" + rnd.nextInt(5));
            if (i > n / 2) h.put("LATE", "L" + rnd.nextInt(3));
            h.put("DATE-OBS", String.format("%04d-%02d-%02d", 1990 + rnd.nextInt(30), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
            h.put("EXPTIME", Integer.toString(rnd.nextInt(100_000)));   // > 65,535 distinct: 4-byte codes
            if (rnd.nextInt(10) == 0) h.put("UNICODE", "é€\uD83D\uDE00" + rnd.nextInt(3));
            out.add(Map.entry(String.format("ds%06d", n - i), h));   // descending ids: not sorted
        }
        return out;
    }

    private static DatasetStoreWriter writer(List<Map.Entry<String, Map<String, String>>> data) {
        DatasetStoreWriter w = new DatasetStoreWriter();
        data.forEach(e -> w.add(e.getKey(), e.getValue()));
        return w;
    }

    @Test
    void roundTripKeepsEveryIdAndHeader() throws IOException {
        var data = datasets(120_000, SEED);
        DatasetStoreWriter w = writer(data);
        Path file = dir.resolve("s.crdsds");
        w.write(file);
        try (DatasetStore s = DatasetStore.open(file)) {
            s.verify();
            assertEquals(data.size(), s.size());
            assertFalse(s.idsSorted());
            for (int i = 0; i < data.size(); i++) {
                assertEquals(data.get(i).getKey(), s.id(i));
                assertEquals(data.get(i).getValue(), s.header(i), "dataset " + i);
            }
            for (int k = 1; k < s.size(); k++) assertTrue(s.id(s.inIdOrder(k - 1)).compareTo(s.id(s.inIdOrder(k))) < 0);
            List<String> groups = new ArrayList<>();
            for (DatasetStore.Group g : s.groups()) groups.add(g.instrument().orElse("-"));
            assertTrue(groups.containsAll(List.of("ACS", "COS", "WFPC2", "SYNPHOT", " ACS ", "-")), groups.toString());
            int total = 0;
            for (DatasetStore.Group g : s.groups()) {
                total += g.rows();
                for (int r = 0; r < g.rows(); r++) {
                    int i = g.dataset(r);
                    assertEquals(g, s.groupOf(i));
                    assertEquals(r, s.rowOf(i));
                }
            }
            assertEquals(data.size(), total);
        }
    }

    @Test
    void inMemoryStoreEqualsTheFile() throws IOException {
        var data = datasets(2_000, SEED + 1);
        DatasetStoreWriter w = writer(data);
        Path file = dir.resolve("m.crdsds");
        w.write(file);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(file), w.toBytes()));
        DatasetStore m = DatasetStore.of(w.toBytes(), "memory");
        for (int i = 0; i < data.size(); i++) assertEquals(data.get(i).getValue(), m.header(i));
    }

    @Test
    void corruptionIsDetectedWithAClearMessage() throws IOException {
        var data = datasets(5_000, SEED + 2);
        DatasetStoreWriter w = writer(data);
        byte[] good = w.toBytes();

        Path truncated = dir.resolve("t.crdsds");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length - 100));
        var e1 = assertThrows(DatasetStoreException.class, () -> DatasetStore.open(truncated));
        assertTrue(e1.getMessage().contains("truncated"), e1.getMessage());

        Path tiny = dir.resolve("tiny.crdsds");
        Files.write(tiny, java.util.Arrays.copyOf(good, 10));
        var e2 = assertThrows(DatasetStoreException.class, () -> DatasetStore.open(tiny));
        assertTrue(e2.getMessage().contains("truncated"), e2.getMessage());

        byte[] flipped = good.clone();
        flipped[StoreFormat.HEADER_LENGTH + 40] ^= 0x5A;                 // inside the first section
        Path bad = dir.resolve("b.crdsds");
        Files.write(bad, flipped);
        try (DatasetStore s = DatasetStore.open(bad)) {                   // opening reads only header + directory
            var e3 = assertThrows(DatasetStoreException.class, s::verify);
            assertTrue(e3.getMessage().contains("checksum mismatch in section"), e3.getMessage());
        }

        byte[] header = good.clone();
        header[20] ^= 1;                                                  // file length field
        Path badHeader = dir.resolve("h.crdsds");
        Files.write(badHeader, header);
        var e4 = assertThrows(DatasetStoreException.class, () -> DatasetStore.open(badHeader));
        assertTrue(e4.getMessage().contains("header checksum"), e4.getMessage());

        byte[] dirFlip = good.clone();
        dirFlip[good.length - 3] ^= 1;                                    // inside the directory
        Path badDir = dir.resolve("d.crdsds");
        Files.write(badDir, dirFlip);
        var e5 = assertThrows(DatasetStoreException.class, () -> DatasetStore.open(badDir));
        assertTrue(e5.getMessage().contains("directory checksum"), e5.getMessage());

        Path notAStore = dir.resolve("n.crdsds");
        Files.writeString(notAStore, "{\"id\": \"x\", \"header\": {}}\n".repeat(10));
        var e6 = assertThrows(DatasetStoreException.class, () -> DatasetStore.open(notAStore));
        assertTrue(e6.getMessage().contains("not a dataset store"), e6.getMessage());
    }

    @Test
    void aFailedWriteLeavesTheOldStoreAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("a.crdsds");
        DatasetStoreWriter first = new DatasetStoreWriter();
        first.add("one", Map.of("INSTRUME", "ACS"));
        first.write(file);
        byte[] before = Files.readAllBytes(file);
        DatasetStoreWriter second = new DatasetStoreWriter() ;
        second.add("two", Map.of("INSTRUME", "COS"));
        assertThrows(IOException.class, () -> org.crdsj.engine.io.AtomicFile.write(file, out -> {
            second.writeTo(out);
            throw new IOException("disk full (simulated)");
        }));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the old store is intact");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
        try (DatasetStore s = DatasetStore.open(file)) {
            assertEquals("one", s.id(0));
        }
    }

    @Test
    void aLargeStoreOpensWithItsSize() throws IOException {
        var data = datasets(200_000, SEED + 3);
        DatasetStoreWriter w = writer(data);
        Path file = dir.resolve("big.crdsds");
        w.write(file);
        try (DatasetStore s = DatasetStore.open(file)) {
            assertEquals(data.size(), s.size());
        }
    }
}
