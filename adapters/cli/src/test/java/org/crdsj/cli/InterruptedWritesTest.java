package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.crdsj.engine.io.AtomicFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A write that dies part-way (the real {@link AtomicFile} with a body that throws after writing
 * half the bytes) leaves the original mapping byte-identical and no temporary file behind, for
 * {@code crds checksum} and {@code crds newcontext}.
 */
class InterruptedWritesTest {
    private static final String RMAP = "mappings/hst/hst_acs_biasfile.rmap";   // not canonical: a rewrite changes it

    @TempDir
    Path temp;

    /** A sink that writes half of each file from the {@code failAt}-th one on, then fails. */
    private static FileSink dying(int failAt, AtomicInteger calls) {
        return (target, bytes) -> {
            if (calls.incrementAndGet() < failAt) {
                AtomicFile.write(target, bytes);
                return;
            }
            AtomicFile.write(target, out -> {
                out.write(bytes, 0, bytes.length / 2);
                throw new IOException("simulated crash after " + bytes.length / 2 + " bytes");
            });
        };
    }

    @Test
    void checksumRewriteInterruptedLeavesTheOriginal() throws IOException {
        Path root = ScratchCorpus.copyInto(temp.resolve("c"), List.of("mappings"));
        Path file = root.resolve(RMAP);
        byte[] before = Files.readAllBytes(file);
        List<String> listing = listing(file.getParent());

        Result r = run(root, new ChecksumCommand(dying(1, new AtomicInteger())), "checksum", RMAP);
        assertEquals(1, r.status);
        assertTrue(r.err.contains("CRDS - ERROR -  Checksum operation FAILED : cannot write " + RMAP), r.err);
        assertArrayEquals(before, Files.readAllBytes(file), "the original must be untouched");
        assertEquals(listing, listing(file.getParent()), "no temporary file may be left behind");

        // The same command with a working sink does rewrite the file: the failure above was real.
        Result ok = run(root, new ChecksumCommand(FileSink.ATOMIC), "checksum", RMAP);
        assertEquals(0, ok.status, ok.err);
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(file)));
        assertEquals(listing, listing(file.getParent()));
    }

    @Test
    void newcontextInterruptedWritesNothing() throws IOException {
        for (int failAt = 1; failAt <= 3; failAt++) {
            Path root = ScratchCorpus.copyInto(temp.resolve("n" + failAt), List.of("mappings"));
            Path work = Files.createDirectories(root.resolve("work"));
            List<String> mappings = listing(root.resolve("mappings/hst"));
            AtomicInteger calls = new AtomicInteger();
            Result r = run(work, root, new NewcontextCommand(dying(failAt, calls)),
                    "newcontext", "hst_9000.pmap", "hst_cos_deadtab_9999.rmap", "hst_acs_darkfile_comment.rmap");
            assertEquals(1, r.status, r.err);
            assertEquals(failAt, calls.get(), "the sink saw the writes up to the failing one");
            assertTrue(r.err.contains("nothing was written"), r.err);
            assertEquals(List.of(), listing(work), "no new file and no temporary file may be left behind");
            assertEquals(mappings, listing(root.resolve("mappings/hst")));
        }
        // With a working sink the same command writes its three files.
        Path root = ScratchCorpus.copyInto(temp.resolve("ok"), List.of("mappings"));
        Path work = Files.createDirectories(root.resolve("work"));
        Result ok = run(work, root, new NewcontextCommand(FileSink.ATOMIC),
                "newcontext", "hst_9000.pmap", "hst_cos_deadtab_9999.rmap", "hst_acs_darkfile_comment.rmap");
        assertEquals(0, ok.status, ok.err);
        assertEquals(List.of("hst_9002.pmap", "hst_acs_9002.imap", "hst_cos_9002.imap"), listing(work));
    }

    private record Result(int status, String err) {}

    private static Result run(Path root, Object command, String... args) {
        return run(root, root, command, args);
    }

    /** Runs {@code crds args...} with {@code command} standing in for its subcommand class. */
    private static Result run(Path workDir, Path root, Object command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        ToolEnvironment env = new ToolEnvironment(workDir, ScratchCorpus.variables(root, "hst"), o, e);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls.isInstance(command) ? cls.cast(command) : CommandLine.defaultFactory().create(cls);
            }
        };
        int status = new CommandLine(new CrdsCommand(env), factory)
                .setOut(new PrintWriter(o, true)).setErr(new PrintWriter(e, true))
                .execute(args);
        return new Result(status, err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted((a, b) -> {
                // the new context's files in CRDS's write order: pmap first, then imaps by name
                boolean pa = a.endsWith(".pmap"), pb = b.endsWith(".pmap");
                return pa != pb ? (pa ? -1 : 1) : a.compareTo(b);
            }).toList();
        }
    }
}
