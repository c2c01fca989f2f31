package org.crdsj.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.crdsj.engine.golden.Corpus;
import org.crdsj.engine.select.Choice;
import org.crdsj.engine.select.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file under {@code mappings/broken/} is rejected with the kind of error BROKEN.md names. */
class BrokenMappingsTest {

    /** The expected kind per file, from mappings/BROKEN.md (CRDS's exception class, loaded by path). */
    private static final Map<String, RulesException.Kind> EXPECTED = Map.ofEntries(
            Map.entry("hst/hst-bad-xsum.rmap", RulesException.Kind.CHECKSUM),
            Map.entry("hst/hst-missing-xsum.rmap", RulesException.Kind.CHECKSUM),
            Map.entry("hst/hst.pmap", RulesException.Kind.MISSING_FILE),
            Map.entry("hst/hst_0001.pmap", RulesException.Kind.MISSING_FILE),
            Map.entry("hst/hst_0002.pmap", RulesException.Kind.MISSING_FILE),
            Map.entry("hst/hst_acs.imap", RulesException.Kind.MISSING_FILE),
            Map.entry("hst/hst_acs_0001.imap", RulesException.Kind.MISSING_FILE),
            Map.entry("hst/hst_acs_0002.imap", RulesException.Kind.MISSING_FILE),
            Map.entry("hst/hst_acs_9999.imap", RulesException.Kind.MISSING_FILE),
            Map.entry("hst/hst_cos.imap", RulesException.Kind.MISSING_FILE),
            Map.entry("hst/hst_acs_0491.imap", RulesException.Kind.CHECKSUM),
            Map.entry("hst/hst_acs_atodtab_0251.rmap", RulesException.Kind.CHECKSUM),
            Map.entry("hst/hst_acs_darkfile_badexpr.rmap", RulesException.Kind.BAD_EXPRESSION),
            Map.entry("hst/hst_acs_darkfile_missing_key.rmap", RulesException.Kind.MISSING_HEADER_KEY),
            Map.entry("hst/hst_cos_dup.rmap", RulesException.Kind.CHECKSUM),
            Map.entry("hst/hst_cos_tdstab_duplicate.rmap", RulesException.Kind.CHECKSUM),
            Map.entry("hst/hst_missing_parkey.rmap", RulesException.Kind.MISSING_HEADER_KEY),
            Map.entry("jwst/jwst_miri_ipc_0002.rmap", RulesException.Kind.CHECKSUM),
            Map.entry("roman/roman_wfi_flat_0004_duplicate.rmap", RulesException.Kind.CHECKSUM));

    private static Path broken() {
        return Corpus.mappings().resolve("broken");
    }

    private static MappingLoader loader(boolean checksums) {
        return new MappingLoader(new MappingLocator(Corpus.mappings()), new LoadOptions(checksums));
    }

    static Stream<String> brokenFiles() throws IOException {
        try (Stream<Path> files = Files.walk(broken())) {
            List<String> names = files.filter(Files::isRegularFile)
                    .map(p -> broken().relativize(p).toString().replace('\\', '/')).sorted().toList();
            return names.stream();
        }
    }

    @Test
    void everyBrokenFileIsListed() throws IOException {
        assertEquals(EXPECTED.keySet(), new java.util.TreeSet<>(brokenFiles().toList()),
                "a file was added to or removed from mappings/broken/; update this table from BROKEN.md");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void isRejectedWithTheRightKind(String file) {
        RulesException e = assertThrows(RulesException.class, () -> loader(true).loadFile(broken().resolve(file)));
        assertEquals(EXPECTED.get(file), e.kind(), e.getMessage());
    }

    @Test
    void badExpressionNamesALineAndColumn() {
        RulesException e = assertThrows(RulesException.class,
                () -> loader(true).loadFile(broken().resolve("hst/hst_acs_darkfile_badexpr.rmap")));
        assertTrue(e.pos().line() > 0 && e.pos().column() > 0, e.getMessage());
        Matcher m = Pattern.compile(":(\\d+):(\\d+)").matcher(e.getMessage());
        assertTrue(m.find(), "no line:column in " + e.getMessage());
        assertTrue(Integer.parseInt(m.group(1)) > 0 && Integer.parseInt(m.group(2)) > 0, e.getMessage());
    }

    @Test
    void missingHeaderKeysAreNamed() {
        RulesException key = assertThrows(RulesException.class,
                () -> loader(false).loadFile(broken().resolve("hst/hst_acs_darkfile_missing_key.rmap")));
        assertTrue(key.getMessage().contains("Required header key 'mapping' is missing."), key.getMessage());
        RulesException parkey = assertThrows(RulesException.class,
                () -> loader(false).loadFile(broken().resolve("hst/hst_missing_parkey.rmap")));
        assertTrue(parkey.getMessage().contains("'parkey'"), parkey.getMessage());
    }

    @Test
    void checksumMessages() {
        RulesException missing = assertThrows(RulesException.class,
                () -> loader(true).loadFile(broken().resolve("hst/hst-missing-xsum.rmap")));
        assertTrue(missing.getMessage().contains("sha1sum is missing in 'hst-missing-xsum.rmap'"), missing.getMessage());
        RulesException bad = assertThrows(RulesException.class,
                () -> loader(true).loadFile(broken().resolve("hst/hst-bad-xsum.rmap")));
        assertTrue(bad.getMessage().contains("sha1sum mismatch in 'hst-bad-xsum.rmap'"), bad.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checksumOnly")
    void checksumOnlyFilesLoadWithChecksumsOff(String file) {
        assertInstanceOf(ReferenceMapping.class, loader(false).loadFile(broken().resolve(file)));
    }

    static Stream<String> checksumOnly() {
        return Stream.of("hst/hst-bad-xsum.rmap", "hst/hst-missing-xsum.rmap", "hst/hst_acs_atodtab_0251.rmap",
                "hst/hst_cos_dup.rmap", "hst/hst_cos_tdstab_duplicate.rmap", "jwst/jwst_miri_ipc_0002.rmap",
                "roman/roman_wfi_flat_0004_duplicate.rmap");
    }

    @Test
    void duplicateUseAfterDatesCollapseAndTheLastWins() {
        ReferenceMapping r = (ReferenceMapping) loader(false).loadFile(broken().resolve("hst/hst_cos_dup.rmap"));
        List<Selection> match = r.selector().selections();
        assertEquals(2, match.size());
        var fuv = ((Choice.Nested) match.get(0).choice()).selector().selections();
        assertEquals(1, fuv.size(), "the two '1996-10-01 00:00:00' entries are one");
        assertEquals("s7g1700gl_dead_dup2.fits", RmapFixtures.render(fuv.get(0).choice()));
        assertEquals("s7g1700gl_dead_dup2.fits", RmapFixtures.bestRef(r, RmapFixtures.header(
                "DETECTOR", "FUV", "DATE-OBS", "2000-01-01", "TIME-OBS", "00:00:00")));
    }

    @Test
    void duplicateMatchKeysCollapse() {
        ReferenceMapping r = (ReferenceMapping) loader(false).loadFile(broken().resolve("roman/roman_wfi_flat_0004_duplicate.rmap"));
        assertEquals(1, r.selector().selections().size());
        assertEquals("roman_wfi_flat_0003.asdf", RmapFixtures.bestrefs(r, RmapFixtures.header(
                "ROMAN.META.INSTRUMENT.DETECTOR", "WFI01", "ROMAN.META.INSTRUMENT.OPTICAL_ELEMENT", "F158",
                "ROMAN.META.EXPOSURE.START_TIME", "2020-02-01T00:00:00.000")));
    }
}
