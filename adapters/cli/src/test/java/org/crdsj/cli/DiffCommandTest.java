package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crds diff} options the golden cases do not record, run on a scratch copy of the corpus. */
class DiffCommandTest {
    @TempDir static Path tmp;
    private static Path root;
    private static Map<String, String> vars;

    /** One scratch corpus for the class: the tests only read it (one adds files of its own names). */
    @BeforeAll
    static void corpus() {
        root = ScratchCorpus.copyInto(tmp.resolve("corpus"));
        vars = ScratchCorpus.variables(root, null);
    }

    private static ToolRun diff(String... args) {
        List<String> argv = new ArrayList<>(List.of("diff"));
        argv.addAll(List.of(args));
        return ToolRun.run(root, vars, argv);
    }

    private static final String P0 = "mappings/hst/hst_9000.pmap", P1 = "mappings/hst/hst_9001.pmap";

    @Test
    void affectedInstrumentsAndTypes() {
        ToolRun instruments = diff(P0, P1, "--print-affected-instruments");
        assertEquals(1, instruments.exitStatus());
        assertEquals(List.of("acs", "cos"), instruments.stdout());
        ToolRun types = diff(P0, P1, "--print-affected-types");
        assertEquals(List.of("acs        biasfile  ", "acs        darkfile  ", "acs        flshfile  ", "acs        imphttab  ",
                "cos        bpixtab   ", "cos        deadtab   "), types.stdout());
        ToolRun none = diff(P0, P0, "--print-affected-types");
        assertEquals(0, none.exitStatus());
        assertEquals(List.of(), none.stdout());
    }

    @Test
    void newFilesAreMappingsThenReferences() {
        ToolRun run = diff("mappings/hst/hst_cos_deadtab.rmap", "mappings/hst/hst_cos_deadtab_9998.rmap", "-N");
        assertEquals(1, run.exitStatus());
        assertEquals(List.of("hst_cos_deadtab_9998.rmap", "s7g1700hl_dead.fits"), run.stdout());
        assertEquals(0, diff("mappings/hst/hst_cos_deadtab_9998.rmap", "mappings/hst/hst_cos_deadtab_9998.rmap", "-N").exitStatus());
    }

    @Test
    void allNewFilesOfTheContextsInBetween() {
        ToolRun run = diff(P0, P1, "-A");
        assertEquals(2, run.exitStatus(), "CRDS always warns that the cache may be incomplete");
        assertEquals(List.of("--print-all-new-files requires a complete set of rules.  suggest --sync-files."), run.warnings());
        assertEquals(List.of("hst_9001.pmap  ", "hst_acs_9001.imap acs ", "hst_acs_biasfile_0002.rmap acs biasfile"),
                run.stdout().subList(0, 3));
        assertTrue(run.stdout().contains("test/data/hst/hst_acs_biasfile_0002.fits acs biasfile"), String.join("\n", run.stdout()));
    }

    @Test
    void checksWarnAndExitTwo() {
        ToolRun refs = diff("mappings/hst/hst_cos_deadtab.rmap", "mappings/hst/hst_cos_deadtab_9998.rmap", "--check-references");
        assertEquals(2, refs.exitStatus());
        assertEquals(List.of(
                "Deleted references for 'hst_cos_deadtab.rmap' and 'hst_cos_deadtab_9998.rmap' = ['s7g1700gl_dead.fits', 's7g1700ql_dead.fits']",
                "Added references for 'hst_cos_deadtab.rmap' and 'hst_cos_deadtab_9998.rmap' = ['s7g1700hl_dead.fits']"),
                refs.warnings());
        ToolRun checks = diff("mappings/hst/hst_acs_biasfile_0001.rmap", "mappings/hst/hst_acs_biasfile_0002.rmap", "-K");
        assertEquals(2, checks.exitStatus());
        assertEquals(6, checks.warnings().size(), checks.stderr());
        assertEquals("Rule change at ('mappings/hst/hst_acs_biasfile_0002.rmap', ('HRC', 'A', '5.0', '*', '1062', '1044', "
                + "'19.0', '20.0', 'N/A', 'N/A', 'N/A'), ('1992-01-01', '00:00:00')) added Match rule for 'm991609tj_bia.fits'",
                checks.warnings().get(0));
        ToolRun reversion = diff("mappings/hst/hst_cos_deadtab_9998.rmap", "mappings/hst/hst_cos_deadtab.rmap", "-K");
        assertTrue(reversion.warnings().contains(
                "Reversion at ('mappings/hst/hst_cos_deadtab.rmap', ('FUV',), ('1996-10-01', '00:00:00')) replaced 's7g1700hl_dead.fits' with 's7g1700gl_dead.fits'"),
                reversion.stderr());
    }

    @Test
    void textDifferencesFollowTheLogicalOnes() {
        ToolRun run = diff("mappings/hst/hst_cos_deadtab.rmap", "mappings/hst/hst_cos_deadtab_9998.rmap", "-T");
        assertEquals(1, run.exitStatus());
        List<String> out = run.stdout();
        assertEquals("==================== logical differences 'mappings/hst/hst_cos_deadtab.rmap' vs. "
                + "'mappings/hst/hst_cos_deadtab_9998.rmap' ====================", out.get(0));
        int banner = out.indexOf("==================== text difference 'mappings/hst/hst_cos_deadtab.rmap' vs. "
                + "'mappings/hst/hst_cos_deadtab_9998.rmap' ====================");
        assertEquals(3, banner, String.join("\n", out));
        assertEquals("--- mappings/hst/hst_cos_deadtab.rmap", out.get(banner + 1));
        assertTrue(out.contains("-        '1996-10-01 00:00:00' : 's7g1700gl_dead.fits',"), String.join("\n", out));
        assertEquals("=".repeat(80), out.get(out.size() - 1));
    }

    @Test
    void recurseAddedDeletedListsTheTerminals() {
        ToolRun plain = diff("mappings/jwst/jwst_miri_omit.imap", "mappings/jwst/jwst_miri_9000.imap");
        ToolRun recursive = diff("mappings/jwst/jwst_miri_omit.imap", "mappings/jwst/jwst_miri_9000.imap", "-U");
        assertEquals(1, recursive.exitStatus());
        assertTrue(recursive.stdout().size() > plain.stdout().size());
        assertTrue(recursive.stdout().stream().anyMatch(l -> l.contains("('jwst_miri_ipc_9000.rmap',)") && l.contains("added terminal")),
                String.join("\n", recursive.stdout()));
    }

    @Test
    void jsonHasEveryDifference() throws Exception {
        ToolRun run = diff("mappings/hst/hst_cos_deadtab.rmap", "mappings/hst/hst_cos_deadtab_9998.rmap", "--json", "-i");
        assertEquals(1, run.exitStatus());
        JsonNode doc = new ObjectMapper().readTree(String.join("\n", run.stdout()));
        assertEquals("mappings/hst/hst_cos_deadtab.rmap", doc.get("old").asText());
        JsonNode first = doc.get("differences").get(0);
        assertEquals("replaced 's7g1700gl_dead.fits' with 's7g1700hl_dead.fits'", first.get("message").asText());
        assertEquals("DETECTOR", first.get("path").get(1).get("parameters").get(0).asText());
        assertEquals("cos", first.get("instrument").asText());
        assertTrue(doc.get("differences").size() > 2);
    }

    @Test
    void namesAndKindsAreChecked() throws Exception {
        // A bare name that is not in the working directory is found in the mapping path.
        ToolRun bare = diff("hst_cos_deadtab.rmap", "hst_cos_deadtab_9998.rmap", "-Q");
        assertEquals(1, bare.exitStatus(), bare.stderr());
        assertTrue(bare.stdout().get(0).startsWith(root.resolve("mappings/hst/hst_cos_deadtab.rmap") + " "), bare.stdout().get(0));
        // ... and a bare name that is there means ./NAME.
        Files.copy(root.resolve("mappings/hst/hst_cos_deadtab.rmap"), root.resolve("hst_cos_deadtab.rmap"));
        assertTrue(diff("hst_cos_deadtab.rmap", "crds://hst_cos_deadtab_9998.rmap", "-Q").stdout().get(0).startsWith("./hst_cos_deadtab.rmap "));
        ToolRun kinds = diff(P0, "mappings/hst/hst_acs_9000.imap");
        assertEquals(1, kinds.exitStatus());
        assertTrue(kinds.errors().get(0).contains("are not the same kind of CRDS mapping"), kinds.stderr());
        ToolRun broken = diff("mappings/hst/hst_acs_darkfile.rmap", "mappings/broken/hst/hst_acs_darkfile_badexpr.rmap");
        assertEquals(1, broken.exitStatus());
        assertTrue(broken.errors().get(0).startsWith("Cannot load mapping for difference: hst_acs_darkfile_badexpr.rmap:"), broken.stderr());
        Files.writeString(root.resolve("a.txt"), "one\ntwo\n");
        Files.writeString(root.resolve("b.txt"), "one\nthree\n");
        ToolRun text = diff("a.txt", "b.txt");
        assertEquals(1, text.exitStatus());
        assertEquals(List.of("--- ./a.txt", "+++ ./b.txt", "@@ -1,2 +1,2 @@", " one", "-two", "+three"), text.stdout());
        ToolRun unknown = diff("a.txt", "a.dat");
        assertEquals(2, unknown.exitStatus());
        assertEquals(List.of("Cannot difference file of type 'txt' : './a.txt' './a.dat'"), unknown.warnings());
    }

    @Test
    void cacheToCacheComparesSameNamedFiles() throws Exception {
        Path c1 = tmp.resolve("cache1/mappings/hst"), c2 = tmp.resolve("cache2/mappings/hst");
        Files.createDirectories(c1);
        Files.createDirectories(c2);
        try (var files = Files.list(root.resolve("mappings/hst"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, c1.resolve(p.getFileName()));
                Files.copy(p, c2.resolve(p.getFileName()));
            }
        }
        String rmap = Files.readString(c2.resolve("hst_cos_deadtab.rmap"));
        Files.writeString(c2.resolve("hst_cos_deadtab.rmap"), rmap.replace("s7g1700gl_dead.fits", "s7g1700zz_dead.fits")
                .replace("38ce256d6d57978405e4f493efd536ce3729b100", "0000000000000000000000000000000000000000"));
        ToolRun run = diff("--cache1", tmp.resolve("cache1").toString(), "--cache2", tmp.resolve("cache2").toString(),
                "hst_9000.pmap", "hst_9000.pmap");
        assertEquals(1, run.exitStatus(), run.stderr());
        String p1 = c1.resolve("hst_9000.pmap").toString(), p2 = c2.resolve("hst_9000.pmap").toString();
        String i1 = c1.resolve("hst_cos_9000.imap").toString(), i2 = c2.resolve("hst_cos_9000.imap").toString();
        String r1 = c1.resolve("hst_cos_deadtab.rmap").toString(), r2 = c2.resolve("hst_cos_deadtab.rmap").toString();
        assertEquals(List.of(
                "(('" + p1 + "', '" + p2 + "'), ('" + i1 + "', '" + i2 + "'), ('" + r1 + "', '" + r2 + "'), ('FUV',), "
                        + "('1996-10-01', '00:00:00'), 'replaced s7g1700gl_dead.fits with s7g1700zz_dead.fits')",
                "(('" + p1 + "', '" + p2 + "'), ('" + i1 + "', '" + i2 + "'), ('deadtab',), 'replaced " + r1 + " with " + r2 + "')"),
                run.stdout());
        assertEquals(1, diff("--cache1", tmp.resolve("cache1").toString(), "hst_9000.pmap", "hst_9000.pmap").exitStatus());
    }
}
