package org.crdsj.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --update-bestrefs on FITS: round trip on random files, checksums, and atomicity. */
class FitsHeaderUpdateTest {
    @TempDir
    Path dir;

    private static final long SEED = 20261123L;

    @Test
    void roundTripOnHundredRandomFiles() throws Exception {
        System.out.println("FitsHeaderUpdateTest seed " + SEED);
        Random rnd = new Random(SEED);
        int grown = 0, withChecksum = 0, inserted = 0, replaced = 0;
        for (int n = 0; n < 100; n++) {
            byte[] original = RandomFits.generate(rnd);
            Path file = dir.resolve("f" + n + ".fits");
            Files.write(file, original);
            FitsLayout before = FitsLayout.scan(file, true);
            for (FitsLayout.Hdu h : before.hdus()) assertNull(ChecksumVerifier.verify(original, h), "generator: " + file);

            Map<String, String> values = new LinkedHashMap<>();
            values.put("CRDS_CTX", "hst_0100.pmap");
            values.put("CRDS_VER", BestrefsKeywords.VERSION);
            List<String> types = new ArrayList<>(Arrays.asList(RandomFits.TYPES));
            java.util.Collections.shuffle(types, rnd);
            for (String t : types.subList(0, 1 + rnd.nextInt(5))) {
                values.put(t, rnd.nextInt(4) == 0 ? "N/A" : "jref$n" + rnd.nextInt(100000) + "_" + t.toLowerCase().substring(0, 3) + ".fits");
            }
            new FitsHeaderUpdate(values).applyTo(file);
            byte[] updated = Files.readAllBytes(file);
            FitsLayout after = FitsLayout.scan(file, true);
            String ctx = "file " + n + " (seed " + SEED + ")";

            FitsLayout.Hdu p0 = before.hdus().get(0), p1 = after.hdus().get(0);
            assertEquals(before.hdus().size(), after.hdus().size(), ctx);
            // everything after the primary header: byte for byte
            assertArrayEquals(Arrays.copyOfRange(original, (int) p0.dataOffset(), original.length),
                    Arrays.copyOfRange(updated, (int) p1.dataOffset(), updated.length), ctx + ": data and extensions");
            // header size: same blocks when the cards fit, else the fewest blocks
            long needed = RandomFits.pad((p1.cards().size() + 1) * 80);
            assertEquals(Math.max(needed, p0.headerLength()), p1.headerLength(), ctx + ": header length");
            if (p1.headerLength() > p0.headerLength()) grown++;

            boolean hadChecksum = indexOf(p0.cards(), "CHECKSUM") >= 0;
            if (hadChecksum) withChecksum++;
            Set<String> touched = new HashSet<>(values.keySet());
            if (hadChecksum) touched.addAll(List.of("CHECKSUM", "DATASUM"));
            // every other card kept, in order, byte for byte
            assertEquals(kept(p0.cards(), touched), kept(p1.cards(), touched), ctx + ": untouched cards");
            int insertions = 0;
            for (Map.Entry<String, String> e : values.entrySet()) {
                int i0 = indexOf(p0.cards(), e.getKey()), i1 = indexOf(p1.cards(), e.getKey());
                assertTrue(i1 >= 0, ctx + ": " + e.getKey() + " written");
                FitsCard c1 = FitsCard.parse(p1.cards().get(i1));
                assertEquals(e.getValue(), c1.pythonValue(), ctx);
                if (i0 >= 0) {
                    replaced++;
                    assertEquals(FitsCard.parse(p0.cards().get(i0)).comment(), c1.comment(), ctx + ": comment kept");
                } else {
                    insertions++;
                    inserted++;
                    for (int j = i1 + 1; j < p1.cards().size(); j++) {
                        FitsCard later = FitsCard.parse(p1.cards().get(j));
                        assertTrue(later.isCommentary() || touched.contains(later.keyword()),
                                ctx + ": new " + e.getKey() + " is followed by " + later.image());
                    }
                }
            }
            assertEquals(Math.max(0, trailingBlanks(p0.cards()) - insertions), trailingBlanks(p1.cards()), ctx + ": blank cards used");
            for (FitsLayout.Hdu h : after.hdus()) assertNull(ChecksumVerifier.verify(updated, h), ctx);
            try (nom.tam.fits.Fits fits = new nom.tam.fits.Fits(file.toFile())) {   // a second, independent reader
                fits.read();
                assertEquals(after.hdus().size(), fits.getNumberOfHDUs(), ctx);
                fits.verifyIntegrity();
            }
            Map<String, String> read = DatasetHeader.read(file);
            values.forEach((k, v) -> assertEquals(v, read.get(k)));
        }
        System.out.printf("100 files: %d with CHECKSUM, %d grew a block, %d keywords inserted, %d replaced%n",
                withChecksum, grown, inserted, replaced);
        assertTrue(withChecksum > 10 && grown > 3 && inserted > 50 && replaced > 5, "the generator covers the cases");
    }

    private static int indexOf(List<String> cards, String keyword) {
        for (int i = 0; i < cards.size(); i++) {
            FitsCard c = FitsCard.parse(cards.get(i));
            if (!c.isCommentary() && c.keyword().equals(keyword)) return i;
        }
        return -1;
    }

    private static int trailingBlanks(List<String> cards) {
        int n = 0;
        for (int i = cards.size() - 1; i >= 0 && cards.get(i).isBlank(); i--) n++;
        return n;
    }

    /** Cards without the first card of each touched keyword and without trailing blanks. */
    private static List<String> kept(List<String> cards, Set<String> touched) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int end = cards.size() - trailingBlanks(cards);
        for (int i = 0; i < end; i++) {
            FitsCard c = FitsCard.parse(cards.get(i));
            if (!c.isCommentary() && touched.contains(c.keyword()) && seen.add(c.keyword())) continue;
            out.add(cards.get(i));
        }
        return out;
    }

    private Path sample(String name, long seed) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, RandomFits.generate(new Random(seed)));
        return file;
    }

    private static FitsHeaderUpdate update() {
        return new FitsHeaderUpdate(Map.of("CRDS_CTX", "hst_0100.pmap"));
    }

    private List<String> strays() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void failureMidWriteLeavesTheOriginal() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            Path file = sample("mid" + seed + ".fits", seed);
            byte[] before = Files.readAllBytes(file);
            long limit = 1 + new Random(seed).nextInt(before.length);
            IOException e = assertThrows(IOException.class, () -> update().applyTo(file, out -> new FilterOutputStream(out) {
                long written;

                @Override
                public void write(int b) throws IOException {
                    if (++written > limit) throw new IOException("No space left on device");
                    super.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    for (int i = 0; i < len; i++) write(b[off + i]);
                }
            }));
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("No space left"), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file));
            assertEquals(List.of(), strays());
        }
    }

    @Test
    void readOnlyFileIsRefusedByName() throws Exception {
        Path file = sample("ro.fits", 7);
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> update().applyTo(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("read-only"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void permissionsAreKept() throws Exception {
        Path file = sample("perm.fits", 8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        update().applyTo(file);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void truncatedFilesAreRefusedByName() throws Exception {
        Random rnd = new Random(11);
        int tried = 0;
        for (int n = 0; n < 40 && tried < 10; n++) {
            byte[] whole = RandomFits.generate(rnd);
            if (whole.length <= 2880) continue;
            tried++;
            int cut = 1 + rnd.nextInt(whole.length - 1);
            if (cut % 2880 == 0) cut--;
            Path file = dir.resolve("cut" + n + ".fits");
            byte[] part = Arrays.copyOf(whole, cut);
            Files.write(file, part);
            FitsFormatException e = assertThrows(FitsFormatException.class, () -> update().applyTo(file));
            assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("truncated"), e.getMessage());
            assertArrayEquals(part, Files.readAllBytes(file));
        }
        assertTrue(tried >= 5);
        assertEquals(List.of(), strays());
    }

    @Test
    void notFitsIsRefusedByName() throws Exception {
        Path file = dir.resolve("text.fits");
        Files.writeString(file, "hello\n".repeat(1000));
        FitsFormatException e = assertThrows(FitsFormatException.class, () -> update().applyTo(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void checksumWithoutDatasumGainsOne() throws Exception {
        List<String> cards = new ArrayList<>(List.of(
                RandomFits.value("SIMPLE", "T", null), RandomFits.value("BITPIX", "8", null), RandomFits.value("NAXIS", "1", null),
                RandomFits.value("NAXIS1", "10", null), RandomFits.string("CHECKSUM", "0000000000000000", "HDU checksum"),
                RandomFits.card("HISTORY h")));
        byte[] data = new byte[2880];
        for (int i = 0; i < 10; i++) data[i] = (byte) (i * 31 + 5);
        Path file = dir.resolve("nodatasum.fits");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(RandomFits.header(cards));
        out.writeBytes(data);
        Files.write(file, out.toByteArray());
        new FitsHeaderUpdate(Map.of("CRDS_CTX", "hst_0100.pmap")).applyTo(file);
        byte[] updated = Files.readAllBytes(file);
        FitsLayout.Hdu p = FitsLayout.scan(file, true).hdus().get(0);
        assertEquals(Long.toString(ChecksumVerifier.sum(data, 0, data.length)), DatasetHeader.read(file).get("DATASUM"));
        assertNull(ChecksumVerifier.verify(updated, p));
        assertTrue(p.cards().get(p.cards().size() - 1).startsWith("HISTORY h"));
    }

    @Test
    void astropyPlacementBeforeTrailingHistoryAndBlanks() throws Exception {
        List<String> cards = new ArrayList<>(List.of(
                RandomFits.value("SIMPLE", "T", null), RandomFits.value("BITPIX", "8", null), RandomFits.value("NAXIS", "0", null),
                RandomFits.string("DARKFILE", "jref$old_drk.fits", "dark image"),
                RandomFits.card("HISTORY one"), RandomFits.card("COMMENT two"), RandomFits.card(""), RandomFits.card("")));
        FitsHeaderUpdate.set(cards, "CRDS_CTX", "hst_0100.pmap");
        FitsHeaderUpdate.set(cards, "DARKFILE", "n/a");
        assertEquals(List.of(
                RandomFits.value("SIMPLE", "T", null), RandomFits.value("BITPIX", "8", null), RandomFits.value("NAXIS", "0", null),
                RandomFits.card("DARKFILE= 'n/a     '           / dark image"),
                RandomFits.card("CRDS_CTX= 'hst_0100.pmap'"),
                RandomFits.card("HISTORY one"), RandomFits.card("COMMENT two"), RandomFits.card("")), cards);
    }
}
