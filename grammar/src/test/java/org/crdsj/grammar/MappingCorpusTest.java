package org.crdsj.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real mapping file of the corpus parses, and so does every header expression in it. */
class MappingCorpusTest {
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)+");
    private static final String BAD_EXPRESSION_FILE = "hst_acs_darkfile_badexpr.rmap";

    static List<Path> mappingFiles() {
        return Corpus.mappingFiles();
    }

    @ParameterizedTest
    @MethodSource("mappingFiles")
    void everyMappingFileParses(Path file) {
        String name = file.getFileName().toString();
        MappingSyntax m = MappingParser.parse(Corpus.read(file), name);
        assertEquals(name, m.file());
        assertNotNull(m.header().entries());
        assertTrue(m.header().entries().size() >= 4, "header too small in " + name);
        if (name.endsWith(".rmap")) {
            assertInstanceOf(Value.Call.class, m.selector(), name);
        } else {
            assertInstanceOf(Value.Dict.class, m.selector(), name);
        }
        // Printing and parsing again gives the same tree.
        MappingSyntax again = MappingParser.parse(SyntaxPrinter.print(m), name);
        assertEquals(SyntaxEquality.strip(m), SyntaxEquality.strip(again));
    }

    @ParameterizedTest
    @MethodSource("mappingFiles")
    void everyHeaderExpressionParses(Path file) {
        String name = file.getFileName().toString();
        MappingSyntax m = MappingParser.parse(Corpus.read(file), name);
        for (Value.Str source : expressions(m)) {
            String rewritten = rewriteDottedNames(source.value());
            if (name.equals(BAD_EXPRESSION_FILE)) continue; // checked below
            Expr e = ExpressionParser.parse(rewritten, source.pos());
            Expr again = ExpressionParser.parse(ExpressionPrinter.print(e), SourcePos.UNKNOWN);
            assertEquals(SyntaxEquality.strip(e), SyntaxEquality.strip(again), rewritten);
        }
    }

    @Test
    void theCorpusHasManyExpressions() {
        int count = 0;
        for (Path file : Corpus.mappingFiles()) {
            count += expressions(MappingParser.parse(Corpus.read(file), file.getFileName().toString())).size();
        }
        assertTrue(count > 100, "only " + count + " expressions found");
    }

    @Test
    void theBrokenExpressionIsRejectedWithItsPosition() {
        Path file = Corpus.root().resolve("mappings/broken/hst/" + BAD_EXPRESSION_FILE);
        MappingSyntax m = MappingParser.parse(Corpus.read(file), BAD_EXPRESSION_FILE);
        Value.Str bad = expressions(m).stream()
                .filter(s -> s.value().contains("x=")).findFirst().orElseThrow();
        assertEquals(new SourcePos(BAD_EXPRESSION_FILE, 10, 20), bad.pos());
        RulesSyntaxException e = assertThrows(RulesSyntaxException.class,
                () -> ExpressionParser.parse(bad.value(), bad.pos()));
        assertEquals(new SourcePos(BAD_EXPRESSION_FILE, 10, 31), e.pos()); // the 'x'
        assertEquals(BAD_EXPRESSION_FILE + ":10:31: expected ')' or ',' but found name 'x'", e.getMessage());
    }

    /** The rmap_relevance, rmap_omit and parkey_relevance sources of a mapping header. */
    static List<Value.Str> expressions(MappingSyntax m) {
        List<Value.Str> out = new ArrayList<>();
        for (Value.Entry e : m.header().entries()) {
            if (!(e.key() instanceof Value.Str key)) continue;
            switch (key.value()) {
                case "rmap_relevance", "rmap_omit" -> out.add((Value.Str) e.value());
                case "parkey_relevance" -> {
                    for (Value.Entry p : ((Value.Dict) e.value()).entries()) out.add((Value.Str) p.value());
                }
                default -> { }
            }
        }
        return out;
    }

    /** What CRDS does for dotted parkeys such as META.EXPOSURE.TYPE: dots become underscores. */
    static String rewriteDottedNames(String source) {
        Matcher m = DOTTED.matcher(source);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, m.group().replace('.', '_'));
        return m.appendTail(sb).toString();
    }
}
