package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.crdsj.engine.catalog.MappingCatalog;
import org.crdsj.engine.rules.MappingLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crds list}, {@code crds matches}, {@code crds uses}, {@code crds uniqname} on examples/context and the corpus. */
class ListMatchesUsesTest {
    private static final Path EXAMPLES = Path.of("../../examples/context").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    private static ToolRun crds(Path workDir, Map<String, String> vars, String... argv) {
        return ToolRun.run(workDir, vars, List.of(argv));
    }

    private static Map<String, String> examples() {
        Map<String, String> vars = new HashMap<>();
        vars.put("CRDS_MAPPATH", EXAMPLES.toString());
        return vars;
    }

    @Test
    void listMappingsAndReferencesOfTheExampleContext() {
        ToolRun maps = crds(EXAMPLES, examples(), "list", "--contexts", "hst_0100.pmap", "--mappings");
        assertEquals(0, maps.exitStatus(), maps.stderr());
        assertEquals(List.of("hst_0100.pmap", "hst_cos_0100.imap", "hst_cos_deadtab_0100.rmap", "hst_cos_flatfile_0100.rmap",
                "hst_cos_lamptab_0100.rmap", "hst_nicmos_0100.imap", "hst_nicmos_darkfile_0100.rmap",
                "hst_nicmos_flatfile_0100.rmap", "hst_nicmos_tempfile_0100.rmap"), maps.stdout());
        ToolRun refs = crds(EXAMPLES, examples(), "list", "--contexts", "hst_0100.pmap", "--references");
        assertEquals(0, refs.exitStatus(), refs.stderr());
        assertTrue(refs.stdout().contains("ex1a001_dead.fits"), refs.stdout().toString());
        assertFalse(refs.stdout().contains("N/A"));
        List<String> sorted = new ArrayList<>(refs.stdout());
        sorted.sort(null);
        assertEquals(sorted, refs.stdout());
        // Every reference named in any example rmap, and nothing else.
        MappingCatalog catalog = new MappingCatalog(new MappingLocator(EXAMPLES));
        List<String> expected = new ArrayList<>(new java.util.TreeSet<>(catalog.referenceNames("hst_cos_0100.imap")) {{
            addAll(catalog.referenceNames("hst_nicmos_0100.imap"));
        }});
        assertEquals(expected, refs.stdout());
    }

    @Test
    void requiredParkeysAndResolvedContexts() {
        ToolRun imap = crds(EXAMPLES, examples(), "list", "--contexts", "hst_cos_0100.imap", "--required-parkeys");
        assertEquals(List.of("deadtab: ['DETECTOR', 'DATE-OBS', 'TIME-OBS', 'DEADCORR']",
                "flatfile: ['DETECTOR', 'OPT_ELEM', 'DATE-OBS', 'TIME-OBS', 'FLATCORR']",
                "lamptab: ['OPT_ELEM', 'CENWAVE', 'DATE-OBS', 'TIME-OBS']",
                "tracetab: 'N/A'"), imap.stdout());
        ToolRun pmap = crds(EXAMPLES, examples(), "list", "--contexts", "hst_0100.pmap", "--required-parkeys");
        assertEquals("------------------ Parkeys required for 'hst_0100.pmap' ------------------", pmap.stdout().get(0));
        assertTrue(pmap.stdout().get(1).startsWith("COS = ['INSTRUME', "), pmap.stdout().toString());
        ToolRun resolved = crds(EXAMPLES, examples(), "list", "--contexts", "hst-latest", "--resolve-contexts");
        assertEquals(List.of("hst_0100.pmap"), resolved.stdout());
        assertEquals(List.of("Symbolic context 'hst-latest' resolves to 'hst_0100.pmap'"), resolved.infos());
    }

    @Test
    void catPrintsMappingText() throws IOException {
        ToolRun cat = crds(EXAMPLES, examples(), "list", "--cat", "hst_cos_deadtab_0100.rmap");
        assertEquals(0, cat.exitStatus());
        assertEquals("#".repeat(80), cat.stdout().get(0));
        assertEquals("File: " + EXAMPLES.resolve("hst_cos_deadtab_0100.rmap"), cat.stdout().get(1));
        List<String> text = Files.readAllLines(EXAMPLES.resolve("hst_cos_deadtab_0100.rmap"));
        assertEquals(text, cat.stdout().subList(3, cat.stdout().size()));
    }

    @Test
    void matchesPrintEachMatchPath() {
        ToolRun run = crds(EXAMPLES, examples(), "matches", "--contexts", "hst_0100.pmap", "--files", "ex1a001_dead.fits");
        assertEquals(0, run.exitStatus(), run.stderr());
        assertEquals(List.of(" ex1a001_dead.fits : COS DEADTAB DETECTOR='FUV' DATE-OBS='1996-10-01' TIME-OBS='00:00:00'"), run.stdout());
        ToolRun tuple = crds(EXAMPLES, examples(), "matches", "--contexts", "hst_0100.pmap", "--files", "ex1a001_dead.fits", "-t");
        assertEquals(List.of(" ex1a001_dead.fits : (('OBSERVATORY', 'HST'), ('INSTRUMENT', 'COS'), ('FILEKIND', 'DEADTAB'), "
                + "('DETECTOR', 'FUV'), ('DATE-OBS', '1996-10-01'), ('TIME-OBS', '00:00:00'))"), tuple.stdout());
        ToolRun filtered = crds(EXAMPLES, examples(), "matches", "--contexts", "hst_0100.pmap", "--files", "ex1a001_dead.fits",
                "--filters", "DETECTOR=NUV");
        assertEquals(List.of(), filtered.stdout());
        ToolRun none = crds(EXAMPLES, examples(), "matches", "--contexts", "hst_0100.pmap");
        assertEquals(1, none.exitStatus());
    }

    /** For every rmap of the corpus and a random sample of its references, uses lists the rmap. */
    @Test
    void usesFindsEveryRmapOfAReference() throws IOException {
        Path root = ScratchCorpus.source();
        Map<String, String> vars = ScratchCorpus.variables(root, "hst");
        MappingCatalog catalog = new MappingCatalog(new MappingLocator(root.resolve("mappings")), root.resolve("mappings/hst"));
        long seed = 5L;
        System.out.println("ListMatchesUsesTest.usesFindsEveryRmapOfAReference seed " + seed);
        Random random = new Random(seed);
        List<String> rmaps = new ArrayList<>();
        try (Stream<Path> s = Files.list(root.resolve("mappings/hst"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rmap")).sorted().forEach(rmaps::add);
        }
        int checked = 0;
        for (int i = 0; i < 6; i++) {
            String rmap = rmaps.get(random.nextInt(rmaps.size()));
            List<String> refs = catalog.referenceNames(rmap);
            if (refs.isEmpty()) continue;
            String ref = refs.get(random.nextInt(refs.size()));
            ToolRun run = crds(temp, vars, "uses", "--files", ref);
            assertTrue(run.stdout().contains(rmap), ref + " -> " + run.stdout());
            checked++;
        }
        assertTrue(checked > 0);
        ToolRun known = crds(temp, vars, "uses", "--files", "s7g1700gl_dead.fits");
        assertEquals(List.of("hst_9000.pmap", "hst_cos_9000.imap", "hst_cos_deadtab.rmap"), known.stdout());
        assertEquals(255, crds(temp, vars, "uses").exitStatus());
    }

    @Test
    void uniqueNamesFollowTheCdbsScheme() throws IOException {
        Path refs = ScratchCorpus.source().resolve("references/hst");
        ZonedDateTime t = ZonedDateTime.of(2026, 11, 23, 0, 35, 49, 0, ZoneOffset.UTC);
        assertEquals("abn0035o", UniqnameCommand.timestamp(t));
        assertEquals("z1v2359t", UniqnameCommand.timestamp(ZonedDateTime.of(2015, 1, 31, 23, 59, 59, 0, ZoneOffset.UTC)));
        assertEquals("abn0035ol_dead.fits", UniqnameCommand.uniqueName(refs.resolve("s7g1700gl_dead.fits"), t));
        assertEquals("abn0035oj_bia.fits", UniqnameCommand.uniqueName(refs.resolve("hst_acs_biasfile_0001.fits"), t));
        assertEquals("abn0035ou_a2d.r1h", UniqnameCommand.uniqueName(refs.resolve("dbu1405iu.r1h"), t));
        assertEquals("abn0035om_th.fits", UniqnameCommand.uniqueName(refs.resolve("hst_synphot_new_th.fits"), t));
    }

    @Test
    void uniqnameRewritesWithKeywords() throws IOException {
        Path work = Files.createDirectories(temp.resolve("u"));
        Files.copy(ScratchCorpus.source().resolve("references/hst/s7g1700gl_dead.fits"), work.resolve("s7g1700gl_dead.fits"));
        ToolRun run = crds(work, Map.of(), "uniqname", "--files", "s7g1700gl_dead.fits", "--standard", "-o", "out", "-r");
        assertEquals(0, run.exitStatus(), run.stderr());
        List<Path> written;
        try (Stream<Path> s = Files.list(work.resolve("out"))) {
            written = s.toList();
        }
        assertEquals(1, written.size());
        String name = written.get(0).getFileName().toString();
        assertTrue(name.matches("[a-z0-9][1-9a-c][1-9a-v]\\d{4}[0-9a-t]l_dead\\.fits"), name);
        Map<String, String> header = org.crdsj.fits.ReferenceHeader.read(written.get(0));
        assertEquals(name, header.get("FILENAME"));
        assertEquals(name.replace(".fits", "").toUpperCase(), header.get("ROOTNAME"));
        assertTrue(header.get("HISTORY").contains("s7g1700gl_dead.fits renamed to " + name), header.get("HISTORY"));
        assertFalse(Files.exists(work.resolve("s7g1700gl_dead.fits")));
        assertEquals(List.of("Rewriting './s7g1700gl_dead.fits' --> 'out/" + name + "'"), run.infos());
    }
}
