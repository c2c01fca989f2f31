package org.crdsj.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExampleChecksumsTest {

    private static String sha1(String s) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void knownVectorFromCrdsDoctest() {
        assertEquals("7728f8eb7bf75ec3cc49364861eec852fc814870",
                ExampleChecksums.checksum("this is a test."));
    }

    @Test
    void dropsEveryLineMentioningSha1sumAnywhere() throws Exception {
        String text = "header = {\n    'sha1sum' : 'abc',\n}\n# a note about sha1sum\nselector = {}\n";
        assertEquals(sha1("header = {\n}\nselector = {}\n"), ExampleChecksums.checksum(text));
    }

    @Test
    void normalisesCarriageReturnsBeforeHashing() {
        String unix = "a\nb\n'sha1sum' : 'x',\nc";
        assertEquals(ExampleChecksums.checksum(unix),
                ExampleChecksums.checksum(unix.replace("\n", "\r\n")));
        assertEquals(ExampleChecksums.checksum(unix),
                ExampleChecksums.checksum(unix.replace("\n", "\r")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u000b", "\f", "\u001c", "\u001d", "\u001e", "\u0085", "\u2028", "\u2029"})
    void pythonLineTerminatorsEndALine(String terminator) throws Exception {
        // The sha1sum text sits on its own "line" only because of the Python terminator.
        String text = "a" + terminator + "sha1sum" + terminator + "b";
        assertEquals(sha1("a" + terminator + "b"), ExampleChecksums.checksum(text));
    }

    @Test
    void withChecksumReplacesOnlyTheValue() {
        String text = "header = {\r\n    'name' : 'x.rmap',\r\n    'sha1sum' : 'OLD',\r\n}\r\n";
        String updated = ExampleChecksums.withChecksum(text);
        String expected = ExampleChecksums.checksum(text);
        assertEquals(text.replace("OLD", expected), updated);
        assertEquals(Optional.of(expected), ExampleChecksums.storedChecksum(updated));
        assertEquals(updated, ExampleChecksums.withChecksum(updated));
    }

    @Test
    void storedChecksumIsReadLowerCased() {
        assertEquals(Optional.of("abcdef"),
                ExampleChecksums.storedChecksum("    'sha1sum' : 'ABCDEF',\n"));
        assertEquals(Optional.empty(), ExampleChecksums.storedChecksum("header = {}\n"));
    }

    @Test
    void missingFieldIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExampleChecksums.withChecksum("header = {\n}\nselector = {}\n"));
        assertTrue(e.getMessage().contains("sha1sum"));
    }

    @Test
    void randomTextsChecksumIgnoresTheFieldValue() {
        long seed = 20240611L;
        System.out.println("ExampleChecksumsTest seed=" + seed);
        Random random = new Random(seed);
        String alphabet = "abcXYZ019 '(){}:,#|*\u00e9\u2603\n\n\n\r\f";
        for (int round = 0; round < 500; round++) {
            StringBuilder body = new StringBuilder();
            int length = random.nextInt(200);
            for (int i = 0; i < length; i++) {
                body.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            int cut = body.length() == 0 ? 0 : random.nextInt(body.length() + 1);
            String before = body.substring(0, cut);
            String after = body.substring(cut);
            String a = before + "\n    'sha1sum' : '" + Long.toHexString(random.nextLong()) + "',\n" + after;
            String b = before + "\n    'sha1sum' : '',\n" + after;
            assertEquals(ExampleChecksums.checksum(a), ExampleChecksums.checksum(b), "round " + round);
            String fixed = ExampleChecksums.withChecksum(a);
            assertEquals(Optional.of(ExampleChecksums.checksum(a)), ExampleChecksums.storedChecksum(fixed));
            assertEquals(fixed, ExampleChecksums.withChecksum(fixed), "idempotent, round " + round);
        }
    }

    @Test
    void updateRewritesStaleFilesAndCheckModeReportsThem(@TempDir Path dir) throws IOException {
        Path rmap = dir.resolve("hst_cos_deadtab_0999.rmap");
        Files.writeString(rmap, "header = {\n    'sha1sum' : 'stale',\n}\n\nselector = Match({\n})\n");
        Files.writeString(dir.resolve("notes.txt"), "not a mapping");
        assertEquals(List.of(rmap), ExampleChecksums.mappingFiles(dir));
        assertFalse(ExampleChecksums.verify(rmap));

        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(1, ExampleChecksums.run(List.of(dir), true, quiet));
        assertFalse(ExampleChecksums.verify(rmap), "check mode must not write");
        assertEquals(1, ExampleChecksums.run(List.of(dir), false, quiet));
        assertTrue(ExampleChecksums.verify(rmap));
        assertEquals(0, ExampleChecksums.run(List.of(dir), false, quiet));
        assertNotEquals("stale", ExampleChecksums.storedChecksum(Files.readString(rmap)).orElseThrow());
    }
}
