package org.crdsj.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crdsj.engine.bestrefs.BestRefs;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.golden.Corpus;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.engine.store.CompiledContexts.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled-context cache: contexts loaded from it (selectors built on first use, or eagerly)
 * answer exactly as contexts loaded from the rules; it is rebuilt when any file of the closure
 * changes, when a name resolves elsewhere, or when its file is damaged; it survives concurrent use.
 */
class CompiledContextTest {
    @TempDir Path cacheDir;
    @TempDir Path scratch;

    private static final String[] OBSERVATORIES = {"hst", "jwst", "roman"};

    /** A loader with both caches in {@code dir}. */
    private static MappingLoader loader(Path mappings, Path dir, LoadOptions options, boolean eager, List<String> notes) {
        return new MappingLoader(new MappingLocator(mappings), options, SyntaxCache.open(dir),
                CompiledContexts.open(dir, notes == null ? null : notes::add), eager);
    }

    private static String describe(BestRefs refs) {
        return refs.isFailed() ? "failed " + refs.failure().get() : refs.results().toString();
    }

    /** bestrefs and raw answers of a context (or its load error) for every header. */
    private static List<String> answers(java.util.function.Supplier<Mapping> load, List<Map<String, String>> headers) {
        List<String> out = new ArrayList<>();
        Context ctx;
        try {
            ctx = new Context(load.get());
        } catch (RuntimeException e) {
            out.add("load error " + e.getMessage());
            return out;
        }
        for (Map<String, String> h : headers) out.add(describe(ctx.bestrefs(h)) + " | " + describe(ctx.raw(h)));
        return out;
    }

    private static List<Map<String, String>> headers(String file) {
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode c : Corpus.lines(Corpus.root().resolve("golden").resolve(file))) out.add(Corpus.header(c));
        return out;
    }

    /**
     * Rmaps built on a helper thread while lookups run (RmapBuild.BACKGROUND): every pipeline
     * context of the corpus answers every context case as the plain load does, whichever thread
     * builds each rmap first. The lookups start at once, so they race the helper.
     */
    @Test
    void backgroundBuildAnswersAsTheRulesDo() throws IOException {
        int compared = 0;
        for (String obs : OBSERVATORIES) {
            List<Map<String, String>> hs = headers("context_cases_" + obs + ".jsonl");
            TreeSet<String> names = new TreeSet<>();
            try (DirectoryStream<Path> s = Files.newDirectoryStream(Corpus.mappings().resolve(obs), "*.pmap")) {
                for (Path p : s) names.add(p.getFileName().toString());
            }
            for (String name : names) {
                Path dir = cacheDir.resolve("background-" + name);
                List<String> want = answers(() -> new MappingLoader(new MappingLocator(Corpus.mappings()), LoadOptions.DEFAULT).load(name), hs);
                answers(() -> loader(Corpus.mappings(), dir, LoadOptions.DEFAULT, false, null).load(name), List.of());   // writes the compiled file
                MappingLoader background = new MappingLoader(new MappingLocator(Corpus.mappings()), LoadOptions.DEFAULT,
                        SyntaxCache.open(dir), CompiledContexts.open(dir), org.crdsj.engine.rules.RmapBuild.BACKGROUND);
                List<String> got = answers(() -> background.load(name), hs);
                if (!want.get(0).startsWith("load error")) assertEquals(Outcome.HIT, background.contextCacheOutcome(), name);
                assertEquals(want, got, obs + " " + name);
                compared += hs.size();
            }
        }
        assertTrue(compared > 2_000, "headers compared: " + compared);
    }

    @Test
    void everyCorpusContextAnswersAsTheRulesDo() throws IOException {
        int contexts = 0, compared = 0;
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (String obs : OBSERVATORIES) {
            List<Map<String, String>> hs = headers("context_cases_" + obs + ".jsonl");
            TreeSet<String> names = new TreeSet<>();
            try (DirectoryStream<Path> s = Files.newDirectoryStream(Corpus.mappings().resolve(obs), "*.{pmap,imap}")) {
                for (Path p : s) names.add(p.getFileName().toString());
            }
            // Single rmaps as contexts too: those of the rmap cases, with their own headers.
            Map<String, List<Map<String, String>>> rmapHeaders = new java.util.TreeMap<>();
            for (JsonNode c : Corpus.lines(Corpus.root().resolve("golden").resolve("rmap_cases_" + obs + ".jsonl"))) {
                rmapHeaders.computeIfAbsent(c.get("mapping").asText(), k -> new ArrayList<>()).add(Corpus.header(c));
            }
            int agree = 0, total = 0;
            List<String> all = new ArrayList<>(names);
            all.addAll(rmapHeaders.keySet());
            for (String name : all) {
                List<Map<String, String>> use = rmapHeaders.getOrDefault(name, hs);
                Path dir = cacheDir.resolve(obs + "-" + name);
                List<String> want = answers(() -> new MappingLoader(new MappingLocator(Corpus.mappings()), LoadOptions.DEFAULT).load(name), use);
                MappingLoader miss = loader(Corpus.mappings(), dir, LoadOptions.DEFAULT, false, null);
                List<String> cold = answers(() -> miss.load(name), use);
                MappingLoader lazy = loader(Corpus.mappings(), dir, LoadOptions.DEFAULT, false, null);
                List<String> fromLazy = answers(() -> lazy.load(name), use);
                MappingLoader eager = loader(Corpus.mappings(), dir, LoadOptions.DEFAULT, true, null);
                List<String> fromEager = answers(() -> eager.load(name), use);
                boolean loads = !want.get(0).startsWith("load error");
                if (loads) {
                    assertEquals(Outcome.MISS, miss.contextCacheOutcome(), name);
                    assertEquals(Outcome.HIT, lazy.contextCacheOutcome(), name);
                    assertEquals(Outcome.HIT, eager.contextCacheOutcome(), name);
                }
                contexts++;
                total++;
                compared += use.size();
                boolean same = want.equals(cold) && want.equals(fromLazy) && want.equals(fromEager);
                if (same) agree++;
                else failures.add(obs + " " + name + ": " + firstDifference(want, cold, fromLazy, fromEager));
            }
            table.append(String.format("%-6s %4d/%4d contexts agree%n", obs, agree, total));
        }
        System.out.print("CompiledContextTest agreement (miss, lazy hit, eager hit vs plain load)\n" + table);
        assertTrue(failures.isEmpty(), failures.size() + " contexts differ; first: " + failures.stream().limit(3).toList());
        assertTrue(contexts > 100, "contexts compared: " + contexts);
        assertTrue(compared > 10_000, "headers compared: " + compared);
    }

    private static String firstDifference(List<String> want, List<String>... others) {
        for (List<String> o : others) {
            for (int i = 0; i < Math.max(want.size(), o.size()); i++) {
                String a = i < want.size() ? want.get(i) : "<none>", b = i < o.size() ? o.get(i) : "<none>";
                if (!a.equals(b)) return "#" + i + " want " + a + " got " + b;
            }
        }
        return "?";
    }

    /** A private copy of the HST rules whose stamps are old enough to be trusted. */
    private Path settledCopyOfHst() throws Exception {
        Path dir = scratch.resolve("mappings");
        Path hst = dir.resolve("hst");
        Files.createDirectories(hst);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(Corpus.mappings().resolve("hst"))) {
            for (Path p : s) Files.copy(p, hst.resolve(p.getFileName()));
        }
        // A stamp is trusted only for files whose times are a few seconds old.
        Thread.sleep(FileStamps.SETTLE_NANOS / 1_000_000 + 200);
        return dir;
    }

    private static final Map<String, String> ACS_HEADER = Map.of("INSTRUME", "ACS", "DETECTOR", "WFC",
            "CCDAMP", "ABCD", "CCDGAIN", "2.0", "DATE-OBS", "2010-01-01", "TIME-OBS", "00:00:00",
            "OBSTYPE", "IMAGING", "FILTER1", "F555W", "FILTER2", "CLEAR2L", "APERTURE", "WFC");

    @Test
    void aChangedFileWithTheSameSizeAndModificationTimeIsSeen() throws Exception {
        Path mappings = settledCopyOfHst();
        LoadOptions noChecksums = new LoadOptions(false);
        MappingLoader first = loader(mappings, cacheDir, noChecksums, false, null);
        Context a = new Context(first.load("hst_9000.pmap"));
        assertEquals(Outcome.MISS, first.contextCacheOutcome());
        MappingLoader second = loader(mappings, cacheDir, noChecksums, false, null);
        new Context(second.load("hst_9000.pmap"));
        assertEquals(Outcome.HIT, second.contextCacheOutcome());

        // Rewrite one reference name inside the ACS bias rmap: same length, same size, old mtime.
        String before = a.bestrefs(ACS_HEADER).results().get("biasfile").crdsString();
        assertTrue(before.endsWith(".fits"), before);
        Path rmap = mappings.resolve("hst").resolve("hst_acs_biasfile_0001.rmap");
        FileTime mtime = Files.getLastModifiedTime(rmap);
        String text = Files.readString(rmap, StandardCharsets.UTF_8);
        assertTrue(text.contains(before), "the chosen file is named in " + rmap);
        String renamed = "z" + before.substring(1);
        byte[] changed = text.replace(before, renamed).getBytes(StandardCharsets.UTF_8);
        assertEquals(Files.size(rmap), changed.length);
        Files.write(rmap, changed);
        Files.setLastModifiedTime(rmap, mtime);

        MappingLoader third = loader(mappings, cacheDir, noChecksums, false, null);
        Context c = new Context(third.load("hst_9000.pmap"));
        assertEquals(Outcome.STALE, third.contextCacheOutcome());
        assertEquals(renamed, c.bestrefs(ACS_HEADER).results().get("biasfile").crdsString());
        MappingLoader fourth = loader(mappings, cacheDir, noChecksums, false, null);
        Context d = new Context(fourth.load("hst_9000.pmap"));
        assertEquals(Outcome.HIT, fourth.contextCacheOutcome(), "rewritten after the change");
        assertEquals(renamed, d.bestrefs(ACS_HEADER).results().get("biasfile").crdsString());

        // Only the stamp changes (same bytes): the SHA-1 shows nothing changed.
        Files.setLastModifiedTime(rmap, FileTime.fromMillis(mtime.toMillis() - 86_400_000L));
        MappingLoader fifth = loader(mappings, cacheDir, noChecksums, false, null);
        new Context(fifth.load("hst_9000.pmap"));
        assertEquals(Outcome.HIT, fifth.contextCacheOutcome());
    }

    @Test
    void aNameThatResolvesElsewhereRebuilds() throws Exception {
        // A flat directory: <dir>/<name>. A file that appears at <dir>/hst/<name> is found first.
        Path flat = scratch.resolve("flat");
        Files.createDirectories(flat);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(Corpus.mappings().resolve("hst"))) {
            for (Path p : s) Files.copy(p, flat.resolve(p.getFileName()));
        }
        LoadOptions noChecksums = new LoadOptions(false);
        Context a = new Context(loader(flat, cacheDir, noChecksums, false, null).load("hst_9000.pmap"));
        String before = a.bestrefs(ACS_HEADER).results().get("biasfile").crdsString();
        String text = Files.readString(flat.resolve("hst_acs_biasfile_0001.rmap"), StandardCharsets.UTF_8);
        Files.createDirectories(flat.resolve("hst"));
        Files.writeString(flat.resolve("hst").resolve("hst_acs_biasfile_0001.rmap"), text.replace(before, "y" + before.substring(1)));

        MappingLoader again = loader(flat, cacheDir, noChecksums, false, null);
        Context b = new Context(again.load("hst_9000.pmap"));
        assertEquals(Outcome.STALE, again.contextCacheOutcome());
        assertEquals("y" + before.substring(1), b.bestrefs(ACS_HEADER).results().get("biasfile").crdsString());
    }

    @Test
    void aDamagedFileIsNotedNotTrustedAndRewritten() throws Exception {
        MappingLoader first = loader(Corpus.mappings(), cacheDir, LoadOptions.DEFAULT, false, null);
        Context want = new Context(first.load("hst_acs_9000.imap"));
        Path file = onlyContextFile();
        byte[] good = Files.readAllBytes(file);
        java.util.Random random = new java.util.Random(20261123L);
        System.out.println("CompiledContextTest damage seed 20261123");
        for (int round = 0; round < 12; round++) {
            byte[] bad;
            if (round % 3 == 0) {
                bad = java.util.Arrays.copyOf(good, random.nextInt(good.length));   // truncated
            } else {
                bad = good.clone();
                int at = random.nextInt(bad.length);
                bad[at] ^= (byte) (1 + random.nextInt(255));                         // one byte flipped
            }
            Files.write(file, bad);
            List<String> notes = new ArrayList<>();
            MappingLoader l = loader(Corpus.mappings(), cacheDir, LoadOptions.DEFAULT, false, notes);
            Context got = new Context(l.load("hst_acs_9000.imap"));
            Outcome o = l.contextCacheOutcome();
            assertTrue(o == Outcome.DAMAGED || o == Outcome.STALE, "round " + round + ": " + o);
            if (o == Outcome.DAMAGED) assertEquals(1, notes.size(), "one log line: " + notes);
            for (JsonNode c : Corpus.lines(Corpus.root().resolve("golden").resolve("context_cases_hst.jsonl"))) {
                Map<String, String> h = Corpus.header(c);
                assertEquals(describe(want.bestrefs(h)), describe(got.bestrefs(h)), c.get("id").asText());
            }
            MappingLoader next = loader(Corpus.mappings(), cacheDir, LoadOptions.DEFAULT, false, null);
            new Context(next.load("hst_acs_9000.imap"));
            assertEquals(Outcome.HIT, next.contextCacheOutcome(), "rewritten after round " + round);
        }
    }

    private Path onlyContextFile() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(cacheDir, CompiledContexts.PREFIX + "*")) {
            for (Path p : s) files.add(p);
        }
        assertEquals(1, files.size(), files.toString());
        return files.get(0);
    }

    @Test
    void concurrentLoadsAndFirstUsesAgree() throws Exception {
        List<Map<String, String>> hs = headers("context_cases_hst.jsonl");
        List<String> want = answers(() -> new MappingLoader(new MappingLocator(Corpus.mappings()), LoadOptions.DEFAULT)
                .load("hst_9000.pmap"), hs);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Two threads load at once, several times (misses, writes and hits interleave).
            for (int round = 0; round < 3; round++) {
                List<Future<List<String>>> parts = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    parts.add(pool.submit(() -> answers(() -> loader(Corpus.mappings(), cacheDir, LoadOptions.DEFAULT, false, null)
                            .load("hst_9000.pmap"), hs)));
                }
                for (Future<List<String>> f : parts) assertEquals(want, f.get());
            }
            // One lazily built context, first used by two threads at once.
            MappingLoader l = loader(Corpus.mappings(), cacheDir, LoadOptions.DEFAULT, false, null);
            Context shared = new Context(l.load("hst_9000.pmap"));
            assertEquals(Outcome.HIT, l.contextCacheOutcome());
            List<Future<List<String>>> parts = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int offset = t * hs.size() / 2;
                parts.add(pool.submit(() -> {
                    String[] out = new String[hs.size()];
                    for (int k = 0; k < hs.size(); k++) {
                        int i = (k + offset) % hs.size();
                        out[i] = describe(shared.bestrefs(hs.get(i))) + " | " + describe(shared.raw(hs.get(i)));
                    }
                    return List.of(out);
                }));
            }
            for (Future<List<String>> f : parts) assertEquals(want, f.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writesAreAtomic() throws Exception {
        MappingLoader first = loader(Corpus.mappings(), cacheDir, LoadOptions.DEFAULT, false, null);
        first.load("hst_wfc3.imap");
        Path file = onlyContextFile();
        CompiledContexts contexts = CompiledContexts.open(cacheDir);
        CompiledContextFile f = CompiledContextFile.open(file, ParserFingerprint.current(), ParserFingerprint.engine(), 3);
        assertNotNull(f);
        List<CompiledContextFile.Source> members = new ArrayList<>();
        for (CompiledContextFile.Member m : f.members()) {
            String name = Path.of(m.path()).getFileName().toString();
            CachedSyntax head = m.head(name);
            var s = head.syntax();
            var whole = m.selectorKind().isEmpty() ? s
                    : new org.crdsj.grammar.syntax.MappingSyntax(s.file(), s.header(), m.selector(name), s.comment());
            members.add(new CompiledContextFile.Source(m.path(), m.stamp(), m.sha1Hex(), !m.selectorKind().isEmpty(),
                    m.requiredParkeys(), new CachedSyntax(whole, head.checksum(), head.expressions())));
        }
        // A writer replaces the file over and over; a reader never sees a partial or damaged file.
        AtomicBoolean stop = new AtomicBoolean();
        Path root = Path.of(f.root());
        Thread writer = new Thread(() -> {
            try {
                while (!stop.get()) contexts.write(root, 3, f.keywords(), members);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        try {
            for (int i = 0; i < 300; i++) {
                CompiledContextFile seen = CompiledContextFile.open(file, ParserFingerprint.current(), ParserFingerprint.engine(), 3);
                assertNotNull(seen, "read " + i);
                assertEquals(f.members().size(), seen.members().size());
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(cacheDir, "*.tmp")) {
            assertFalse(s.iterator().hasNext(), "no temporary file is left behind");
        }
    }
}
