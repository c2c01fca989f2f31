package org.crdsj.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.Test;

/**
 * An expression from {@link ExpressionMemo} is exactly what {@link ExpressionParser} gives at the
 * same origin: every corpus expression, and seeded edits of them (multi-line, literals of every
 * kind, syntax errors), each asked for at several seeded origins through one memo, give equal
 * trees (positions included) or the same error with the same file:line:column.
 */
class ExpressionMemoPropertyTest {
    private static final long SEED = 20261127L;
    private static final int EDITS = 3000;
    private static final String[] PIECES = {
        " ", "\n", "\n  ", "(", ")", "[", "]", ",", "not ", " and ", " or ", " in ", " not in ", "==", "!=", "<", ">=",
        "-1", "1.5", "-2.5e3", "'x'", "\"y\"", "'a' 'b'", "True", "False", "None", "A", "f(A)", "A.b", "A[0]",
        " if A else ", "'\\t'", "'\\q'", "#", "\\", "'", "=", "lambda",
    };

    @Test
    void memoisedExpressionsAreThoseOfTheParserAtEveryOrigin() {
        System.out.println("ExpressionMemoPropertyTest seed=" + SEED);
        Random r = new Random(SEED);
        List<String> sources = new ArrayList<>();
        for (Path file : Corpus.mappingFiles()) {
            MappingSyntax m;
            try {
                m = MappingParser.parse(Corpus.read(file), file.getFileName().toString());
            } catch (RulesSyntaxException e) {
                continue;
            }
            for (Value.Str s : MappingCorpusTest.expressions(m)) sources.add(s.value());
        }
        assertTrue(sources.size() > 100, "too few expressions: " + sources.size());
        ExpressionMemo memo = new ExpressionMemo();
        int accepted = 0;
        for (int i = 0; i < sources.size() + EDITS; i++) {
            String source = i < sources.size() ? sources.get(i) : edit(r, sources.get(r.nextInt(sources.size())));
            for (int k = 0; k < 3; k++) {
                SourcePos origin = k == 2 && r.nextInt(4) == 0 ? SourcePos.UNKNOWN
                        : new SourcePos("f" + r.nextInt(3) + ".rmap", 1 + r.nextInt(500), 1 + r.nextInt(80));
                String direct = ParseOutcome.of(() -> ExpressionParser.parse(source, origin));
                String memoised = ParseOutcome.of(() -> memo.parse(source, origin));
                assertEquals(direct, memoised, "seed " + SEED + " case " + i + " at " + origin + ": " + source);
                if (!direct.startsWith("error")) accepted++;
            }
        }
        System.out.println("ExpressionMemoPropertyTest: " + (sources.size() + EDITS) + " sources x 3 origins, "
                + accepted + " accepted");
        int asked = 3 * (sources.size() + EDITS);
        assertTrue(accepted > asked / 10 && accepted < asked - asked / 10, "accepted " + accepted + " of " + asked);
    }

    private static String edit(Random r, String source) {
        StringBuilder sb = new StringBuilder(source);
        for (int e = 1 + r.nextInt(3); e > 0; e--) {
            int at = r.nextInt(sb.length() + 1);
            if (r.nextInt(5) == 0 && at < sb.length()) sb.deleteCharAt(at);
            else sb.insert(at, PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

}
