package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.rules.Checksums;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crds refactor} on the example rules: every command writes a loadable rmap with a valid sha1sum. */
class RefactorCommandTest {
    private static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    private ToolRun crds(String... argv) {
        return ToolRun.run(temp, Map.of(), List.of(argv));
    }

    private static String checkedText(Path rmap) throws IOException {
        String text = Files.readString(rmap, StandardCharsets.UTF_8);
        String stored = text.replaceAll("(?s).*'sha1sum' : '([0-9a-f]+)'.*", "$1");
        assertEquals(Checksums.compute(text), stored, "sha1sum of " + rmap);
        return text;
    }

    @Test
    void insertSetDeleteAndDelHeader() throws IOException {
        String old = EXAMPLES.resolve("context/hst_cos_deadtab_0100.rmap").toString();
        ToolRun insert = crds("crds", "refactor", "insert", old, "a.rmap", EXAMPLES.resolve("references/ex1a004_dead.fits").toString());
        assertEquals(0, insert.exitStatus(), insert.stderr());
        assertEquals(List.of("Inserting ex1a004_dead.fits into 'hst_cos_deadtab_0100.rmap'", "0 errors", "0 warnings", "1 infos"), insert.infos());
        String a = checkedText(temp.resolve("a.rmap"));
        assertTrue(a.contains("        '2024-01-01 00:00:00' : 'ex1a004_dead.fits',\n"), a);
        assertTrue(a.contains("'derived_from' : 'hst_cos_deadtab_0100.rmap',"), a);

        assertEquals(0, crds("crds", "refactor", "set_header", "a.rmap", "b.rmap", "descrip", "two", "words").exitStatus());
        assertTrue(checkedText(temp.resolve("b.rmap")).contains("'descrip' : 'two words',"));

        assertEquals(0, crds("crds", "refactor", "del_header", "b.rmap", "c.rmap", "reffile_format").exitStatus());
        assertFalse(checkedText(temp.resolve("c.rmap")).contains("reffile_format"));

        ToolRun delete = crds("crds", "refactor", "delete", "c.rmap", "d.rmap", "ex1a003_dead.fits", "ex1a004_dead.fits");
        assertEquals(0, delete.exitStatus(), delete.stderr());
        String d = checkedText(temp.resolve("d.rmap"));
        assertFalse(d.contains("NUV"), d);

        ToolRun missing = crds("crds", "refactor", "delete", "d.rmap", "e.rmap", "nothere.fits");
        assertEquals(1, missing.exitStatus());
        assertEquals(List.of("Refactoring operation FAILED : Terminal 'nothere.fits' could not be found and deleted."), missing.errors());
        assertFalse(Files.exists(temp.resolve("e.rmap")));

        ToolRun noKey = crds("crds", "refactor", "del_header", "d.rmap", "e.rmap", "nothere");
        assertEquals(List.of("Refactoring operation FAILED : 'nothere'"), noKey.errors());
        assertEquals(2, crds("crds", "refactor", "insert", "d.rmap", "e.imap", "x.fits").exitStatus());
        assertEquals(2, crds("crds", "refactor", "rename", "d.rmap", "e.rmap", "x.fits").exitStatus());
    }
}
