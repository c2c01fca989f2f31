package org.crdsj.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.crdsj.engine.golden.Corpus;
import org.crdsj.engine.rules.Checksums;
import org.crdsj.grammar.MappingParser;
import org.crdsj.grammar.RulesSyntaxException;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mapping file of the corpus survives the binary encoding exactly, positions included. */
class SyntaxCodecCorpusTest {

    static Stream<String> mappingFiles() throws IOException {
        Path root = Corpus.mappings();
        try (Stream<Path> s = Files.walk(root)) {
            List<String> names = s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.[pir]map$"))
                    .map(p -> root.relativize(p).toString()).sorted().toList();
            assertTrue(names.size() > 150, "expected the whole corpus, found " + names.size());
            return names.stream();
        }
    }

    private static MappingSyntax parse(Path file) throws IOException {
        String text = Checksums.normalizeNewlines(Files.readString(file, StandardCharsets.UTF_8));
        return MappingParser.parse(text, file.getFileName().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappingFiles")
    void roundTripEqualsTheParse(String relative) throws IOException {
        Path file = Corpus.mappings().resolve(relative);
        MappingSyntax syntax;
        try {
            syntax = parse(file);
        } catch (RulesSyntaxException e) {
            return;   // a few broken files do not parse; nothing would be cached for them
        }
        CachedSyntax entry = new CachedSyntax(syntax, "0123456789abcdef0123456789abcdef01234567");
        byte[] bytes = SyntaxCodec.encode(entry);
        CachedSyntax back = SyntaxCodec.decode(ByteBuffer.wrap(bytes), syntax.file());
        assertEquals(entry, back);   // records: deep equality, SourcePos included
        assertTrue(bytes.length < Files.size(file) * 2, "encoding of " + relative + " is " + bytes.length + " bytes");
    }

    @Test
    void positionsFollowTheNameTheBytesAreLoadedUnder() throws IOException {
        Path file = Corpus.mappings().resolve("hst/hst_acs_biasfile_0001.rmap");
        MappingSyntax syntax = parse(file);
        byte[] bytes = SyntaxCodec.encode(new CachedSyntax(syntax, "x"));
        MappingSyntax renamed = SyntaxCodec.decode(ByteBuffer.wrap(bytes), "copy.rmap").syntax();
        assertEquals("copy.rmap", renamed.file());
        assertEquals(new SourcePos("copy.rmap", syntax.header().pos().line(), syntax.header().pos().column()),
                renamed.header().pos());
        Value.Entry first = renamed.header().entries().get(0);
        assertEquals("copy.rmap", first.value().pos().file());
        assertEquals(syntax.header().entries().get(0).value().pos().line(), first.value().pos().line());
    }
}
