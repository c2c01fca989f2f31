package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool commands the README shows on the bundled example, run as written there. */
class ExampleToolsTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    private static final Map<String, String> EXAMPLE_ENV = Map.of(
            "CRDS_TPN_DIR", "examples/tpns", "CRDS_MAPPATH", "examples/context", "CRDS_OBSERVATORY", "hst");

    @TempDir Path tmp;

    @Test
    void theExampleReferenceCertifiesCleanAgainstTheExampleContext() {
        ToolRun run = ToolRun.run(ROOT, EXAMPLE_ENV, List.of("crds", "certify", "examples/references/ex2a003_drk.fits",
                "--comparison-context", "hst_0100.pmap"));
        assertEquals(0, run.exitStatus(), run.stderr());
        assertEquals(List.of(), run.errors());
        assertEquals(List.of(), run.warnings());
    }

    @Test
    void aReferenceBreakingTheExampleConstraintsIsReported() throws Exception {
        Path bad = tmp.resolve("ex2a003_drk.fits");
        byte[] bytes = Files.readAllBytes(ROOT.resolve("examples/references/ex2a003_drk.fits"));
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("CAMERA  =");
        assertTrue(at >= 0, "the example reference has a CAMERA card");
        // CAMERA = 1 becomes 7, outside the example constraint 1:3 (same card length, so the file stays valid FITS)
        int digit = text.indexOf('1', at + 10);
        bytes[digit] = '7';
        Files.write(bad, bytes);
        ToolRun run = ToolRun.run(ROOT, EXAMPLE_ENV, List.of("crds", "certify", bad.toString(),
                "--comparison-context", "hst_0100.pmap"));
        assertTrue(run.exitStatus() != 0, run.stderr());
        assertTrue(run.errors().stream().anyMatch(e -> e.contains("CAMERA")), run.stderr());
    }

    @Test
    void theExampleContextDiffsCleanAgainstItself() {
        ToolRun run = ToolRun.run(ROOT, EXAMPLE_ENV, List.of("crds", "diff", "hst_0100.pmap", "hst_0100.pmap"));
        assertEquals(0, run.exitStatus(), run.stderr());
        assertEquals(List.of(), run.stdout());
    }
}
