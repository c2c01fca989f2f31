package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every DEV {@code certify_reference_cases} golden, run unchanged from a scratch corpus. */
class CertifyReferenceGoldensTest {
    @TempDir
    Path scratch;

    @Test
    void everyDevCaseAgrees() throws Exception {
        Path root = ScratchCorpus.copyInto(scratch);
        List<CertifyGoldens.Outcome> outcomes = new ArrayList<>();
        for (JsonNode c : CertifyGoldens.cases("certify_reference_cases.jsonl")) outcomes.add(CertifyGoldens.run(root, c));
        List<CertifyGoldens.Outcome> failing = CertifyGoldens.report("certify (references)", outcomes);
        assertTrue(failing.isEmpty(), failing.size() + " of " + outcomes.size() + " certify reference cases disagree; first: "
                + (failing.isEmpty() ? "" : failing.get(0).id() + ": " + failing.get(0).firstDifference()));
    }
}
