package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.store.DatasetStore;
import org.crdsj.fits.DatasetHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crds store import --from DIR}: a directory of FITS/GEIS datasets becomes a store. */
class StoreFitsImportTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();

    @TempDir Path tmp;

    @Test
    void theExampleFitsDatasetsImportWithTheHeadersCrdsReads() throws Exception {
        ToolRun run = ToolRun.run(ROOT, Map.of(), List.of("crds", "store", "import", "--from", "examples/datasets",
                "--to", tmp.resolve("ex.crdsds").toString()));
        assertEquals(0, run.exitStatus(), run.stderr());
        ToolRun export = ToolRun.run(ROOT, Map.of(), List.of("crds", "store", "export", tmp.resolve("ex.crdsds").toString(),
                "--to", tmp.resolve("ex.jsonl").toString()));
        assertEquals(0, export.exitStatus(), export.stderr());
        List<String> lines = Files.readAllLines(tmp.resolve("ex.jsonl"));
        assertEquals(2, lines.size(), "one line per example dataset");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : lines) {
            var node = json.readTree(line);
            Path file = ROOT.resolve("examples/datasets").resolve(node.get("id").asText());
            Map<String, String> expected = DatasetHeader.read(file);
            for (Map.Entry<String, String> e : expected.entrySet()) {
                assertEquals(e.getValue(), node.get("header").path(e.getKey()).asText(null), file + " " + e.getKey());
            }
        }
    }

    @Test
    void unreadableFilesAreNamedLeftOutAndMakeTheImportFail() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.copy(ROOT.resolve("examples/datasets/n9ex01aaq_raw.fits"), dir.resolve("good_raw.fits"));
        Files.writeString(dir.resolve("broken_raw.fits"), "SIMPLE  = nonsense");
        ToolRun run = ToolRun.run(tmp, Map.of(), List.of("crds", "store", "import", "--from", "in", "--to", "s.crdsds"));
        assertEquals(1, run.exitStatus(), run.stderr());
        assertTrue(run.errors().stream().anyMatch(e -> e.contains("broken_raw.fits")), run.stderr());
        try (DatasetStore s = DatasetStore.open(tmp.resolve("s.crdsds"))) {
            assertEquals(1, s.size(), "the readable dataset is kept");
        }
    }
}
