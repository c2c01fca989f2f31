package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crdsj.cli.MappingFiles.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRDS's local names for new contexts: next serial of the series, _0001 series, skipping taken names. */
class LocalMappingNamesTest {
    @TempDir
    Path temp;

    private LocalMappingNames names(String... existing) throws IOException {
        Path mappath = temp.resolve("mappings");
        for (String name : existing) {
            Path p = mappath.resolve(name.substring(0, name.indexOf('_'))).resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
        return new LocalMappingNames(Files.createDirectories(temp.resolve("work")), mappath);
    }

    @Test
    void nextSerialAfterTheHighestOfTheSeries() throws Exception {
        LocalMappingNames n = names("hst_9000.pmap", "hst_9001.pmap", "hst_0003.pmap", "hst_acs_0007.imap");
        assertEquals("./hst_9002.pmap", n.next("hst_9000.pmap"));
        assertEquals("./hst_9002.pmap", n.next("hst_0003.pmap"));
        assertEquals("./hst_acs_0008.imap", n.next("hst_acs_0007.imap"));
        // A path's series is searched where the path points: nothing there, so CRDS keeps the name.
        assertEquals("./hst_9001.pmap", n.next("elsewhere/hst_9001.pmap"));
    }

    @Test
    void unnumberedNamesStartASeriesAndTakenNamesAreSkipped() throws Exception {
        LocalMappingNames n = names("hst_nicmos.imap", "hst_cos.imap", "hst_cos_0001.imap", "hst_cos_0002.imap");
        assertEquals("./hst_nicmos_0001.imap", n.next("hst_nicmos.imap"));
        assertEquals("./hst_cos_0003.imap", n.next("hst_cos.imap"));
    }

    @Test
    void aSeriesNameEndingInADigitIsRefusedAsCrdsDoes() throws Exception {
        LocalMappingNames n = names("hst_wfpc2.imap");
        Failure f = assertThrows(Failure.class, () -> n.next("hst_wfpc2.imap"));
        assertEquals("Unrecognized mapping filename 'hst_wfpc2.imap'", f.getMessage());
    }

    @Test
    void serialsPastNineThousandNineHundredNinetyNineGrow() throws Exception {
        assertEquals("./roman_10000.pmap", names("roman_9999.pmap").next("roman_9999.pmap"));
    }
}
