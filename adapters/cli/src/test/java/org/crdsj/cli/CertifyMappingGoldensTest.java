package org.crdsj.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every DEV {@code certify_mapping_cases} golden, run unchanged from a scratch corpus. */
class CertifyMappingGoldensTest {
    @TempDir
    Path scratch;

    @Test
    void everyDevCaseAgrees() throws Exception {
        CertifyGoldens.assertEveryCaseAgrees(scratch, "certify_mapping_cases.jsonl", "certify (mappings)");
    }
}
