package org.crdsj.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FITS layout, checksums and tables of certify's FITS reader, on the corpus's reference files. */
class FitsReferenceTest {
    private static Path corpus() {
        String root = System.getProperty("crds.corpus");
        if (root == null || !Files.isDirectory(Path.of(root))) throw new IllegalStateException("the golden corpus is missing: " + root);
        return Path.of(root).resolve("references/hst");
    }

    @Test
    void checksumsOfGoodAndBadFiles() throws Exception {
        assertEquals(List.of(), FitsReference.read(corpus().resolve("s7g1700gl_dead_good_xsum.fits")).checksumProblems());
        List<String> bad = FitsReference.read(corpus().resolve("s7g1700gl_dead_bad_xsum.fits")).checksumProblems();
        assertFalse(bad.isEmpty());
        assertTrue(bad.get(0).endsWith("verification failed for HDU ('', 1)."), bad.toString());
    }

    @Test
    void truncationAndTables() throws Exception {
        FitsReference t = FitsReference.read(corpus().resolve("truncated.fits"));
        assertEquals(8640, t.truncatedExpectedSize());
        FitsReference dead = FitsReference.read(corpus().resolve("s7g1700gl_dead.fits"));
        assertEquals(-1, dead.truncatedExpectedSize());
        FitsReference.Table table = dead.tables().get(0);
        assertEquals(List.of("SEGMENT", "OBS_RATE", "LIVETIME"), table.columns());
        assertEquals("FUVA", table.rows().get(0).get(0));
        assertEquals(1, table.segment());
    }

    @Test
    void fileKinds() {
        assertEquals(new FileProperties.Kind("cos", "deadtab"), FileProperties.of("hst", corpus().resolve("s7g1700gl_dead.fits")));
        assertEquals(new FileProperties.Kind("acs", "biasfile"), FileProperties.of("hst", corpus().resolve("hst_acs_biasfile_0001.fits")));
        assertEquals(new FileProperties.Kind("cos", "deadtab"), FileProperties.of("hst", corpus().resolve("truncated.fits")), "from the header");
        assertEquals(new FileProperties.Kind("synphot", "tmttab"), FileProperties.of("hst", corpus().resolve("tae17277m_tmt.fits")));
        assertEquals(new FileProperties.Kind("wfpc2", "atodfile"), FileProperties.of("hst", corpus().resolve("dbu1405fu.r1h")));
    }
}
