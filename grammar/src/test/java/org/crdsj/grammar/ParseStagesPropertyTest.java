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
 * The fast first parse (see {@code RulesParsing.parse}) changes nothing: for every corpus file and
 * expression, and for seeded random mutations of them, parsing with the fast stage first gives
 * exactly what the describing parse alone gives: equal syntax (positions included), or an error
 * with the same message and file:line:column.
 */
class ParseStagesPropertyTest {
    private static final long SEED = 20261123L;
    private static final int FILE_MUTATIONS = 1500;
    private static final int EXPRESSION_MUTATIONS = 3000;
    /** Pieces inserted by mutations: every kind of token, and the troublesome characters. */
    private static final String[] PIECES = {
        ",", ",,", ":", ";", "(", ")", "[", "]", "{", "}", "'", "\"", "'''", "\\", "#", "\n", " ", "\t",
        "=", "==", "-", "+", "*", ".", "1", "1.5", "0x1", "A", "Match", "UseAfter", "not", "and", "or",
        "in", "is", "if", "else", "lambda", "import", "None", "True", "'x'", "u'x'", "b'x'", "\r", "\u00e9",
        "\ud83d\ude00", "'N/A'", "{'a' : 'b'}", ":=", "->", "+=", "@", "$",
    };

    @Test
    void everyCorpusFileParsesTheSameInBothWays() {
        int errors = 0;
        List<Path> files = Corpus.mappingFiles();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text = Corpus.read(file);
            String outcome = sameMapping(text, name, "corpus file " + name);
            if (outcome.startsWith("error")) errors++;
        }
        System.out.println("ParseStagesPropertyTest corpus: " + files.size() + " files, " + errors + " rejected");
    }

    @Test
    void mutatedFilesParseTheSameInBothWays() {
        System.out.println("ParseStagesPropertyTest files seed=" + SEED);
        Random r = new Random(SEED);
        List<Corpus.Text> small = Corpus.smallMappingTexts();
        assertTrue(small.size() > 50, "too few small corpus files: " + small.size());
        int accepted = 0;
        for (int i = 0; i < FILE_MUTATIONS; i++) {
            int k = r.nextInt(small.size());
            String name = small.get(k).fileName();
            String mutated = mutate(r, small.get(k).text());
            String outcome = sameMapping(mutated, name, "seed " + SEED + " case " + i + " (" + name + ")");
            if (!outcome.startsWith("error")) accepted++;
        }
        System.out.println("ParseStagesPropertyTest files: " + FILE_MUTATIONS + " mutations, " + accepted + " accepted");
        // Both outcomes must be exercised for the comparison to mean anything.
        assertTrue(accepted > FILE_MUTATIONS / 20 && accepted < FILE_MUTATIONS - FILE_MUTATIONS / 20,
                "accepted " + accepted + " of " + FILE_MUTATIONS);
    }

    @Test
    void mutatedExpressionsParseTheSameInBothWays() {
        System.out.println("ParseStagesPropertyTest expressions seed=" + SEED);
        Random r = new Random(SEED + 1);
        List<Value.Str> sources = new ArrayList<>();
        for (Path file : Corpus.mappingFiles()) {
            MappingSyntax m;
            try {
                m = MappingParser.parse(Corpus.read(file), file.getFileName().toString());
            } catch (RulesSyntaxException e) {
                continue;
            }
            for (Value.Str s : MappingCorpusTest.expressions(m)) {
                sources.add(new Value.Str(MappingCorpusTest.rewriteDottedNames(s.value()), s.pos()));
            }
        }
        assertTrue(sources.size() > 100, "too few expressions: " + sources.size());
        for (Value.Str s : sources) sameExpression(s.value(), s.pos(), "corpus expression " + s.value());
        int accepted = 0;
        for (int i = 0; i < EXPRESSION_MUTATIONS; i++) {
            Value.Str s = sources.get(r.nextInt(sources.size()));
            String mutated = mutate(r, s.value());
            SourcePos origin = r.nextBoolean() ? s.pos() : SourcePos.UNKNOWN;
            String outcome = sameExpression(mutated, origin, "seed " + (SEED + 1) + " case " + i + ": " + mutated);
            if (!outcome.startsWith("error")) accepted++;
        }
        System.out.println("ParseStagesPropertyTest expressions: " + EXPRESSION_MUTATIONS + " mutations, "
                + accepted + " accepted");
        assertTrue(accepted > EXPRESSION_MUTATIONS / 20 && accepted < EXPRESSION_MUTATIONS - EXPRESSION_MUTATIONS / 20,
                "accepted " + accepted + " of " + EXPRESSION_MUTATIONS);
    }

    private static String sameMapping(String text, String name, String what) {
        String assembled = ParseOutcome.of(() -> MappingParser.parse(text, name, RulesParsing.Stage.ASSEMBLE));
        String twoStages = ParseOutcome.of(() -> MappingParser.parse(text, name, RulesParsing.Stage.TREE));
        String describingOnly = ParseOutcome.of(() -> MappingParser.parse(text, name, RulesParsing.Stage.DESCRIBE));
        assertEquals(describingOnly, twoStages, what);
        assertEquals(describingOnly, assembled, what + " (assembled without a tree)");
        return twoStages;
    }

    private static String sameExpression(String source, SourcePos origin, String what) {
        String twoStages = ParseOutcome.of(() -> ExpressionParser.parse(source, origin, true));
        String describingOnly = ParseOutcome.of(() -> ExpressionParser.parse(source, origin, false));
        assertEquals(describingOnly, twoStages, what);
        return twoStages;
    }


    /** One to three random edits: insert a piece, delete or duplicate a stretch, or cut the text short. */
    private static String mutate(Random r, String text) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
            switch (r.nextInt(5)) {
                case 0, 1 -> sb.insert(at, PIECES[r.nextInt(PIECES.length)]);
                case 2 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(4)));
                case 3 -> {
                    int end = Math.min(sb.length(), at + 1 + r.nextInt(30));
                    sb.insert(end, sb.substring(at, end));
                }
                default -> {
                    if (r.nextInt(4) == 0) sb.setLength(at);
                    else sb.insert(at, PIECES[r.nextInt(PIECES.length)]);
                }
            }
        }
        return sb.toString();
    }
}
