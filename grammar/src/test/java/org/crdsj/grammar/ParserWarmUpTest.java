package org.crdsj.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.junit.jupiter.api.Test;

/** The warm-up's texts parse (it must not throw), and parses running beside it give the usual answers. */
class ParserWarmUpTest {
    @Test
    void warmUpParsesItsTextsWithoutTheTreeParse() throws Exception {
        new ParserWarmUp().run();
        // Its mapping uses only what the assembler builds itself (the fast path is what it warms).
        assertNotNull(MappingParser.assembled(ParserWarmUp.MAPPING, "warm-up.rmap"));
    }

    @Test
    void parsesBesideWarmUpsGiveTheSameRecords() throws Exception {
        List<Path> files = Corpus.mappingFiles().subList(0, 40);
        List<MappingSyntax> expected = new ArrayList<>();
        for (Path p : files) expected.add(MappingParser.parse(Corpus.read(p), p.getFileName().toString()));
        List<Thread> warmUps = new ArrayList<>();
        for (int i = 0; i < 4; i++) warmUps.add(ParserWarmUp.start());
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            assertEquals(expected.get(i), MappingParser.parse(Corpus.read(p), p.getFileName().toString()), p.toString());
        }
        for (Thread t : warmUps) t.join();
    }
}
