package org.crdsj.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.crdsj.engine.golden.Corpus;
import org.crdsj.grammar.ExpressionParser;
import org.crdsj.grammar.MappingParser;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.Test;

/** Header expression trees survive the cache encoding exactly, positions included. */
class ExpressionCodecTest {

    @Test
    void everyCorpusExpressionRoundTrips() throws Exception {
        List<Path> rmaps;
        try (Stream<Path> s = Files.walk(Corpus.mappings().resolve("hst"))) {
            rmaps = s.filter(p -> p.toString().endsWith(".rmap")).sorted().toList();
        }
        int seen = 0;
        for (Path p : rmaps) {
            String name = p.getFileName().toString();
            MappingSyntax syntax = MappingParser.parse(Files.readString(p), name);
            Map<String, Expr> expressions = new HashMap<>();
            for (Value.Entry e : syntax.header().entries()) {
                String field = e.key() instanceof Value.Str k ? k.value() : "";
                if ((field.equals("rmap_relevance") || field.equals("rmap_omit")) && e.value() instanceof Value.Str src) {
                    String code = src.value().toLowerCase(java.util.Locale.ROOT).replace("always", "True");
                    if (code.startsWith("(")) code = src.value();
                    try {
                        expressions.put(CachedSyntax.expressionKey(code, src.pos()), ExpressionParser.parse(code, src.pos()));
                    } catch (RuntimeException notAnExpression) {
                        // e.g. 'true' folded from 'True': CRDS fails on it at lookup; nothing to cache
                    }
                }
            }
            seen += expressions.size();
            CachedSyntax entry = new CachedSyntax(syntax, "0".repeat(40), expressions);
            CachedSyntax back = SyntaxCodec.decode(ByteBuffer.wrap(SyntaxCodec.encode(entry)), name);
            assertEquals(entry.expressions(), back.expressions(), name);
            assertEquals(entry.syntax(), back.syntax(), name);
        }
        assertTrue(seen > 50, "the corpus has many header expressions, saw " + seen);
    }
}
