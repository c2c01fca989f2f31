package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.crdsj.fits.DatasetHeader;
import org.crdsj.fits.FitsLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crds bestrefs --files}: CRDS's file mode on the corpus's real datasets. */
class FileBestrefsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    /** The golden context cases made from dataset files, run through --files --print-new-references. */
    @Test
    void printNewReferencesAgreeWithGoldenConditionedResults() throws Exception {
        Path corpus = ScratchCorpus.copyInto(root);
        Map<String, String> vars = ScratchCorpus.variables(corpus, "hst");
        int cases = 0;
        List<String> failures = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(ScratchCorpus.source().resolve("golden/context_cases_hst.jsonl"), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode c = JSON.readTree(line);
                if (!c.hasNonNull("source")) continue;
                String file = "datasets/" + c.get("source").asText().substring("test/data/".length());
                if (!Files.exists(corpus.resolve(file))) continue;
                cases++;
                String instrument = c.get("header").get("INSTRUME").asText().toLowerCase(Locale.ROOT);
                List<String> expected = new ArrayList<>();
                int failed = 0;
                TreeMap<String, String> refs = new TreeMap<>();
                c.get("expected_conditioned").get("refs").fields().forEachRemaining(e -> refs.put(e.getKey().toUpperCase(Locale.ROOT), e.getValue().asText()));
                for (Map.Entry<String, String> e : refs.entrySet()) {
                    String v = e.getValue().toUpperCase(Locale.ROOT);
                    if (v.startsWith("NOT FOUND N/A") || v.equals("NOT FOUND NO MATCH FOUND.")) v = "N/A";
                    else if (v.startsWith("NOT FOUND")) { failed++; continue; }
                    expected.add(file.toLowerCase(Locale.ROOT) + " " + instrument + " " + e.getKey().toLowerCase(Locale.ROOT) + " none " + v.toLowerCase(Locale.ROOT));
                }
                ToolRun run = ToolRun.run(corpus, vars, List.of("crds", "bestrefs", "--context", c.get("mapping").asText(),
                        "--files", file, "--print-new-references"));
                if (!run.stdout().equals(expected) || run.errors().size() != failed || run.exitStatus() != (failed > 0 ? 1 : 0)) {
                    failures.add(c.get("id").asText() + ": stdout " + run.stdout() + " errors " + run.errors());
                }
            }
        }
        System.out.println("bestrefs --files on golden source datasets: " + (cases - failures.size()) + "/" + cases + " agree");
        assertTrue(cases >= 3);
        assertEquals(List.of(), failures);
    }

    @Test
    void updateBestrefsWritesPrefixedNamesContextAndVersionOnly() throws Exception {
        Path corpus = ScratchCorpus.copyInto(root);
        Map<String, String> vars = ScratchCorpus.variables(corpus, "hst");
        Path file = corpus.resolve("datasets/hst/j8bt05njq_raw.fits");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        byte[] before = Files.readAllBytes(file);
        ToolRun run = ToolRun.run(corpus, vars, List.of("crds", "bestrefs", "--new-context", "hst_9000.pmap",
                "--files", "datasets/hst/j8bt05njq_raw.fits", "--update-bestrefs", "--format", "jsonl"));
        assertEquals(0, run.exitStatus(), run.stderr());
        assertEquals("datasets/hst/j8bt05njq_raw.fits", JSON.readTree(run.stdout().get(0)).get("id").asText());
        Map<String, String> h = DatasetHeader.read(file);
        assertEquals("hst_9000.pmap", h.get("CRDS_CTX"));
        assertEquals(org.crdsj.fits.BestrefsKeywords.VERSION, h.get("CRDS_VER"));
        assertEquals("jref$n3o1059hj_drk.fits", h.get("DARKFILE"));
        assertEquals("jref$m4r1753rj_bia.fits", h.get("BIASFILE"));
        assertEquals("N/A", h.get("ATODTAB"));
        byte[] after = Files.readAllBytes(file);
        FitsLayout.Hdu p0 = FitsLayout.scan(corpus.resolve("datasets/hst/j8bt06o6q_raw.fits"), true).hdus().get(0);
        FitsLayout.Hdu p1 = FitsLayout.scan(file, true).hdus().get(0);
        assertEquals(p0.headerLength(), p1.headerLength());
        assertArrayEquals(Arrays.copyOfRange(before, (int) p0.dataOffset(), before.length),
                Arrays.copyOfRange(after, (int) p1.dataOffset(), after.length));
        // a second run changes nothing
        ToolRun again = ToolRun.run(corpus, vars, List.of("crds", "bestrefs", "--new-context", "hst_9000.pmap",
                "--files", "datasets/hst/j8bt05njq_raw.fits", "--update-bestrefs"));
        assertEquals(0, again.exitStatus());
        assertArrayEquals(after, Files.readAllBytes(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void compareModeLogsNewReferencesAndUpdatesOnlyThem() throws Exception {
        Path corpus = ScratchCorpus.copyInto(root);
        Map<String, String> vars = ScratchCorpus.variables(corpus, "hst");
        ToolRun run = ToolRun.run(corpus, vars, List.of("crds", "bestrefs", "--old-context", "hst_9000.pmap", "--new-context",
                "hst_9001.pmap", "--files", "datasets/hst/j8bt05njq_raw.fits", "--print-new-references"));
        assertEquals(List.of("datasets/hst/j8bt05njq_raw.fits acs darkfile n3o1059hj_drk.fits n3o1022lj_drk.fits"), run.stdout());
        assertTrue(run.infos().contains("instrument='ACS' type='DARKFILE' data='datasets/hst/j8bt05njq_raw.fits' ::  "
                + "New best reference: 'n3o1059hj_drk.fits' --> 'n3o1022lj_drk.fits' :: Would update."), run.infos().toString());
    }

    @Test
    void atFileListsAndGeisHeaders() throws Exception {
        Path corpus = ScratchCorpus.copyInto(root);
        Map<String, String> vars = ScratchCorpus.variables(corpus, "hst");
        Files.writeString(corpus.resolve("list.txt"), "# datasets\ndatasets/hst/j8bt09jcq_raw.fits\n@inner.txt\n");
        Files.writeString(corpus.resolve("inner.txt"), "datasets/hst/dbu1405fu.r1h\n");
        ToolRun run = ToolRun.run(corpus, vars, List.of("crds", "bestrefs", "--context", "hst_9000.pmap", "--files", "@list.txt",
                "--print-new-references"));
        assertTrue(run.infos().contains("===> Processing datasets/hst/dbu1405fu.r1h"), run.stderr());
        assertTrue(run.infos().contains("===> Processing datasets/hst/j8bt09jcq_raw.fits"), run.stderr());
        assertTrue(run.stdout().stream().anyMatch(l -> l.startsWith("datasets/hst/dbu1405fu.r1h wfpc2 ")), run.stdout().toString());
        byte[] geis = Files.readAllBytes(corpus.resolve("datasets/hst/dbu1405fu.r1h"));
        ToolRun update = ToolRun.run(corpus, vars, List.of("crds", "bestrefs", "--context", "hst_9000.pmap", "--files",
                "datasets/hst/dbu1405fu.r1h", "-u"));
        assertTrue(String.join("\n", update.errors()).contains("GEIS headers cannot be updated"), update.stderr());
        assertArrayEquals(geis, Files.readAllBytes(corpus.resolve("datasets/hst/dbu1405fu.r1h")));
    }

    @Test
    void unreadableAndReadOnlyFilesAreErrorsNamingTheFile() throws Exception {
        Path corpus = ScratchCorpus.copyInto(root);
        Map<String, String> vars = ScratchCorpus.variables(corpus, "hst");
        Path ro = corpus.resolve("datasets/hst/j8bt06o6q_raw.fits");
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(ro);
        Files.write(corpus.resolve("short.fits"), Arrays.copyOf(before, 1000));
        ToolRun run = ToolRun.run(corpus, vars, List.of("crds", "bestrefs", "--context", "hst_9000.pmap", "--files",
                "datasets/hst/j8bt06o6q_raw.fits", "short.fits", "missing.fits", "-u"));
        assertEquals(1, run.exitStatus());
        String all = String.join("\n", run.errors());
        assertTrue(all.contains("Failed loading source 'missing.fits'"), all);
        assertTrue(all.contains("Failed loading source 'short.fits'") && all.contains("truncated"), all);
        assertTrue(all.contains("datasets/hst/j8bt06o6q_raw.fits") && all.contains("read-only"), all);
        assertArrayEquals(before, Files.readAllBytes(ro));
    }
}
