package org.crdsj.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nom.tam.fits.Fits;
import org.crdsj.engine.bestrefs.BestRefs;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.fits.DatasetHeader;
import org.junit.jupiter.api.Test;

/** The example FITS files: committed bytes are what ExampleFits writes; valid FITS; the rules select the example reference. */
class ExampleFitsTest {
    private static Path examples() {
        return Files.isDirectory(Path.of("context")) ? Path.of(".") : Path.of("examples");
    }

    @Test
    void committedFilesAreWhatTheGeneratorWrites() throws Exception {
        for (Map.Entry<String, byte[]> e : ExampleFits.files().entrySet()) {
            Path file = examples().resolve(e.getKey());
            assertTrue(Files.exists(file), file + " is missing: run ExampleFits (see docs/tools.md)");
            assertArrayEquals(e.getValue(), Files.readAllBytes(file), file + " is stale: run ExampleFits");
            assertTrue(e.getValue().length <= 20 * 2880, file + " is small");
        }
    }

    @Test
    void filesAreValidFitsWithGoodChecksums() throws Exception {
        for (String name : ExampleFits.files().keySet()) {
            try (Fits fits = new Fits(examples().resolve(name).toFile())) {
                fits.read();
                assertEquals(2, fits.getNumberOfHDUs(), name);
                fits.verifyIntegrity();
            }
        }
    }

    @Test
    void theContextSelectsTheExampleReferenceForTheNicmosDataset() throws Exception {
        Context ctx = Context.load(examples().resolve("context"), "hst_0100.pmap");
        BestRefs nic = ctx.bestrefs(DatasetHeader.read(examples().resolve("datasets/n9ex01aaq_raw.fits")));
        assertEquals("ex2a003_drk.fits", nic.get("darkfile").crdsString());
        assertEquals("ex2b002_flt.fits", nic.get("flatfile").crdsString());
        assertEquals("ex2c002_tmp.fits", nic.get("tempfile").crdsString());
        BestRefs cos = ctx.bestrefs(DatasetHeader.read(examples().resolve("datasets/l9ex01aaq_raw.fits")));
        assertEquals("ex1a002_dead.fits", cos.get("deadtab").crdsString());
        assertEquals("ex1c001_lamp.fits", cos.get("lamptab").crdsString());
        Map<String, String> ref = DatasetHeader.read(examples().resolve("references/ex2a003_drk.fits"));
        assertEquals("Jun 01 1998 00:00:00", ref.get("USEAFTER"));
        assertEquals("NICMOS", ref.get("INSTRUME"));
    }
}
