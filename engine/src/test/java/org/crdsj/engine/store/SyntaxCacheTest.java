package org.crdsj.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.crdsj.engine.golden.Corpus;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.engine.rules.RulesException;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache file's promises: keyed by file bytes, never trusted when damaged, never half-written,
 * and the loader's checks (sha1sum, error positions) unchanged by it.
 */
class SyntaxCacheTest {
    private static final String IMAP = "hst_acs_9000.imap";

    @TempDir Path tmp;
    private Path rules, cacheDir, cacheFile;

    @BeforeEach
    void copyRules() throws IOException {
        rules = tmp.resolve("mappings");
        cacheDir = tmp.resolve("cache");
        cacheFile = cacheDir.resolve(SyntaxCache.FILE_NAME);
        Path hst = Corpus.mappings().resolve("hst");
        Files.createDirectories(rules.resolve("hst"));
        try (Stream<Path> s = Files.list(hst)) {
            for (Path p : s.toList()) Files.copy(p, rules.resolve("hst").resolve(p.getFileName()));
        }
        for (Path p : Files.newDirectoryStream(rules.resolve("hst"))) p.toFile().setWritable(true);
    }

    private SyntaxCache load(String name) {
        SyntaxCache cache = SyntaxCache.open(cacheDir);
        new MappingLoader(new MappingLocator(rules), LoadOptions.DEFAULT, cache).load(name);
        return cache;
    }

    /** Loads cold, then checks a second cache object answers every file. Returns the closure size. */
    private int warmUp() {
        SyntaxCache cold = load(IMAP);
        int files = cold.misses();
        assertTrue(files > 10, "closure of " + IMAP);
        SyntaxCache warm = load(IMAP);
        assertEquals(files, warm.hits());
        assertEquals(0, warm.misses());
        return files;
    }

    @Test
    void changingAFilesBytesInvalidatesOnlyItsEntry() throws IOException {
        int files = warmUp();
        Path rmap = rules.resolve("hst").resolve("hst_acs_biasfile_0001.rmap");
        assertTrue(Files.readString(rules.resolve("hst").resolve(IMAP)).contains("hst_acs_biasfile_0001.rmap"), "the imap names this rmap");
        // Extra spaces on the sha1sum line change the bytes but not the CRDS checksum, so it still loads.
        String text = Files.readString(rmap);
        Files.writeString(rmap, text.replaceFirst("'sha1sum' :", "'sha1sum'   :"));
        SyntaxCache after = load(IMAP);
        assertEquals(1, after.misses(), "only the edited file is parsed again");
        assertEquals(files - 1, after.hits());
        SyntaxCache again = load(IMAP);
        assertEquals(files, again.hits(), "the edited file's new entry was written");
        assertEquals(files + 1, SyntaxCacheFile.open(cacheFile, ParserFingerprint.current()).size(),
                "the old bytes' entry is kept too (the old file may come back)");
    }

    @Test
    void theSameBytesUnderAnotherNameReportThatName() throws IOException {
        warmUp();
        Path original = rules.resolve("hst").resolve("hst_acs_biasfile_0001.rmap");
        Path copy = tmp.resolve("renamed_biasfile.rmap");
        Files.copy(original, copy);
        SyntaxCache cache = SyntaxCache.open(cacheDir);
        Mapping m = new MappingLoader(new MappingLocator(rules), LoadOptions.DEFAULT, cache).loadFile(copy);
        assertEquals(1, cache.hits());
        assertEquals("renamed_biasfile.rmap", m.name());
        assertEquals("renamed_biasfile.rmap", m.header().pos().file());
    }

    @Test
    void checksumRuleAndErrorPositionsAreTheSameFromTheCache() throws IOException {
        Path broken = Corpus.mappings().resolve("broken");
        List<Path> files;
        try (Stream<Path> s = Files.walk(broken)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (boolean verify : new boolean[] {true, false}) {
            for (Path f : files) {
                String plain = outcome(new MappingLoader(new MappingLocator(Corpus.mappings()), new LoadOptions(verify)), f);
                for (String round : new String[] {"cold", "warm"}) {
                    SyntaxCache cache = SyntaxCache.open(cacheDir);
                    String cached = outcome(new MappingLoader(new MappingLocator(Corpus.mappings()), new LoadOptions(verify), cache), f);
                    assertEquals(plain, cached, round + " cache, " + f + ", checksums " + verify);
                    if (round.equals("warm") && !plain.startsWith("SYNTAX")) {
                        assertTrue(cache.hits() > 0, "warm load of " + f + " used the cache");
                    }
                }
            }
        }
        // A checksum failure is still found although the syntax came from the cache.
        SyntaxCache cache = SyntaxCache.open(cacheDir);
        RulesException e = assertThrows(RulesException.class, () -> new MappingLoader(new MappingLocator(Corpus.mappings()),
                LoadOptions.DEFAULT, cache).loadFile(broken.resolve("hst/hst_acs_atodtab_0251.rmap")));
        assertEquals(RulesException.Kind.CHECKSUM, e.kind());
        assertEquals(1, cache.hits());
    }

    private static String outcome(MappingLoader loader, Path file) {
        try {
            return "loaded " + loader.loadFile(file).name();
        } catch (RulesException e) {
            return e.kind() + " " + e.getMessage();
        }
    }

    @Test
    void truncatedOrCorruptCacheIsIgnoredAndRebuilt() throws IOException {
        int files = warmUp();
        byte[] good = Files.readAllBytes(cacheFile);
        Random rnd = new Random(42);
        List<byte[]> damaged = List.of(
                new byte[0],
                java.util.Arrays.copyOf(good, good.length / 2),
                java.util.Arrays.copyOf(good, good.length - 1),
                java.util.Arrays.copyOf(good, SyntaxCacheFile.HEADER_SIZE - 1),
                flip(good, SyntaxCacheFile.HEADER_SIZE + rnd.nextInt(good.length - SyntaxCacheFile.HEADER_SIZE)),
                flip(good, good.length - 1),
                flip(good, 9),    // format version
                flip(good, 20),   // parser fingerprint
                flip(good, 33),   // entry count
                "not a cache".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < damaged.size(); i++) {
            Files.write(cacheFile, damaged.get(i));
            assertTrue(SyntaxCacheFile.open(cacheFile, ParserFingerprint.current()).isEmpty(), "damage " + i + " detected");
            SyntaxCache rebuilt = load(IMAP);
            assertEquals(0, rebuilt.hits(), "damage " + i + ": nothing trusted");
            assertEquals(files, rebuilt.misses());
            assertArrayEquals(good, Files.readAllBytes(cacheFile), "damage " + i + ": the same file is written again");
        }
    }

    @Test
    void aCacheFromAnotherParserIsNotTrusted() throws IOException {
        warmUp();
        SyntaxCacheFile current = SyntaxCacheFile.open(cacheFile, ParserFingerprint.current());
        TreeMap<String, ByteBuffer> entries = new TreeMap<>();
        current.forEach(entries::put);
        byte[] other = new byte[20];
        other[0] = 1;
        SyntaxCacheFile.write(cacheFile, other, entries);
        assertFalse(SyntaxCacheFile.open(cacheFile, other).isEmpty());
        assertEquals(0, load(IMAP).hits());
    }

    @Test
    void writesGoThroughATemporaryFileAndAnAtomicRename() throws IOException {
        warmUp();
        try (Stream<Path> s = Files.list(cacheDir)) {
            assertEquals(List.of(cacheFile), s.toList(), "nothing but the cache file is left behind");
        }
        // A writer that died before its rename leaves only a temporary file, which is never read.
        byte[] good = Files.readAllBytes(cacheFile);
        Path fresh = cacheDir.resolve(SyntaxCache.FILE_NAME + ".123.tmp");
        Path stale = cacheDir.resolve(SyntaxCache.FILE_NAME + ".456.tmp");
        Files.write(fresh, "half a cache".getBytes(StandardCharsets.US_ASCII));
        Files.write(stale, java.util.Arrays.copyOf(good, good.length / 3));
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3 * 3600)));
        SyntaxCache cache = load(IMAP);
        assertEquals(0, cache.misses(), "left-over temporary files do not disturb the cache");
        assertArrayEquals(good, Files.readAllBytes(cacheFile));

        // The next flush removes the stale left-over (a fresh one may belong to a live writer).
        cache.put("00".repeat(20), entry());
        assertTrue(cache.flush());
        assertTrue(Files.exists(fresh));
        assertFalse(Files.exists(stale));

        // A write that cannot be renamed into place fails whole: no temporary file, no cache file.
        Path blocked = tmp.resolve("blocked");
        Files.createDirectories(blocked.resolve(SyntaxCache.FILE_NAME).resolve("in-the-way"));
        SyntaxCache b = SyntaxCache.open(blocked);
        b.put("11".repeat(20), entry());
        assertThrows(IOException.class, b::flush);
        try (Stream<Path> s = Files.list(blocked)) {
            assertEquals(List.of(blocked.resolve(SyntaxCache.FILE_NAME)), s.toList());
        }
        // ... and a loader with such a cache still loads; the cache only costs it speed.
        new MappingLoader(new MappingLocator(rules), LoadOptions.DEFAULT, SyntaxCache.open(blocked)).load(IMAP);
    }

    @Test
    void flushKeepsEntriesAnotherProcessWroteMeanwhile() throws IOException {
        SyntaxCache a = SyntaxCache.open(cacheDir), b = SyntaxCache.open(cacheDir);
        a.put("aa".repeat(20), entry());
        b.put("bb".repeat(20), entry());
        assertTrue(a.flush());
        assertTrue(b.flush());
        assertFalse(b.flush(), "nothing new to write");
        SyntaxCache c = SyntaxCache.open(cacheDir);
        assertEquals(entry(), c.get("aa".repeat(20), "x.rmap").orElseThrow());
        assertEquals(entry(), c.get("bb".repeat(20), "x.rmap").orElseThrow());
        assertTrue(c.get("cc".repeat(20), "x.rmap").isEmpty());
        assertEquals(2, c.hits());
        assertEquals(1, c.misses());
    }

    private static CachedSyntax entry() {
        SourcePos p = new SourcePos("x.rmap", 1, 1);
        Value.Dict header = new Value.Dict(List.of(new Value.Entry(new Value.Str("name", p), new Value.Str("x.rmap", p))), p);
        return new CachedSyntax(new MappingSyntax("x.rmap", header, new Value.Dict(List.of(), p), null), "c".repeat(40));
    }

    private static byte[] flip(byte[] bytes, int at) {
        byte[] out = bytes.clone();
        out[at] ^= 0x10;
        return out;
    }
}
