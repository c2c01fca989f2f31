package org.crdsj.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every DEV {@code certify_reference_cases} golden, run unchanged from a scratch corpus. */
class CertifyReferenceGoldensTest {
    @TempDir
    Path scratch;

    @Test
    void everyDevCaseAgrees() throws Exception {
        CertifyGoldens.assertEveryCaseAgrees(scratch, "certify_reference_cases.jsonl", "certify (references)");
    }
}
