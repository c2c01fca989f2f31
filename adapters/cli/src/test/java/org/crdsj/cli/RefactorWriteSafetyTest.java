package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crds refactor} never leaves a truncated or half-written rmap: a failed insertion leaves
 * the target untouched, and a process killed (SIGKILL) at random moments while it rewrites a large
 * rmap in place leaves either the old text or the complete new text, never anything else.
 */
class RefactorWriteSafetyTest {
    @TempDir
    Path temp;

    @Test
    void failedInsertionLeavesTheRmapIntact() throws IOException {
        Path root = ScratchCorpus.copyInto(temp.resolve("corpus"), List.of("mappings", "references", "tpns"));
        Path rmap = root.resolve("mappings/hst/hst_cos_deadtab.rmap");
        byte[] before = Files.readAllBytes(rmap);
        ToolRun run = ToolRun.run(root, ScratchCorpus.variables(root, "hst"), List.of("crds", "refactor", "insert",
                "mappings/hst/hst_cos_deadtab.rmap", "mappings/hst/hst_cos_deadtab.rmap", "references/hst/s7g1700gm_dead_broken.fits"));
        assertEquals(1, run.exitStatus());
        assertArrayEquals(before, Files.readAllBytes(rmap));
    }

    /** Runs one refactor command line over and over until killed. */
    public static void main(String[] args) {
        while (true) CrdsCommand.run(args);
    }

    @Test
    void killedRewriteLeavesOldOrNewText() throws Exception {
        Path root = ScratchCorpus.copyInto(temp.resolve("corpus"), List.of("mappings", "references", "tpns"));
        Map<String, String> vars = ScratchCorpus.variables(root, "hst");
        String rmap = "mappings/hst/hst_acs_biasfile.rmap";
        List<String> argv = List.of("refactor", "insert", rmap, "out/target.rmap", "references/hst/hst_acs_biasfile_0001.fits");
        Files.createDirectories(root.resolve("out"));
        // The two legitimate states of the target: the original rmap and the complete result.
        byte[] old = Files.readAllBytes(root.resolve(rmap));
        ToolRun once = ToolRun.run(root, vars, argv);
        assertEquals(0, once.exitStatus(), once.stderr());
        byte[] result = Files.readAllBytes(root.resolve("out/target.rmap"));
        long seed = 20261123L;
        System.out.println("RefactorWriteSafetyTest seed " + seed);
        Random random = new Random(seed);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int kills = 0;
        for (int round = 0; round < 12; round++) {
            Files.write(root.resolve("out/target.rmap"), old);
            List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    RefactorWriteSafetyTest.class.getName()));
            cmd.addAll(argv);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putAll(vars);
            Process p = pb.start();
            Thread.sleep(300 + random.nextInt(1500));
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            kills++;
            byte[] now = Files.readAllBytes(root.resolve("out/target.rmap"));
            assertTrue(Arrays.equals(now, old) || Arrays.equals(now, result),
                    "round " + round + ": target is neither the old nor the new text (" + now.length + " bytes)");
        }
        assertEquals(12, kills);
    }
}
