package org.crdsj.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.junit.jupiter.api.Test;

/**
 * Mappings assembled without a parse tree ({@link MappingAssembler}) are exactly what the
 * tree-building parse gives: every corpus file is assembled (no fallback) to equal records,
 * positions included, and seeded mutations that replace values and statements by other forms
 * (signs, parentheses, tuples, lists, sets, calls, names, adjacent strings, escapes, indents,
 * doubled separators...) give the same records or the same error with the same file:line:column
 * whether or not the assembler is tried first.
 */
class MappingAssemblerPropertyTest {
    private static final long SEED = 20261124L;
    private static final int MUTATIONS = 3000;
    /** Roughly one short string literal: the places values are replaced at. */
    private static final Pattern LITERAL = Pattern.compile("'[^'\\n\\\\]*'");
    /** What a string literal may be replaced by. */
    private static final String[] VALUES = {
        "1", "-1", "- 1", "--1", "-0", "0", "1.5", "-1.5e3", "-0.0", "007", "True", "False", "None", "-True",
        "('a')", "('a',)", "('a', 'b')", "('a', 'b',)", "('a',, 'b')", "()", "(('a'))", "(-1)", "(1, -2.5)",
        "['a']", "[]", "['a', 'b',]", "['a',, 'b']", "{}", "{'a' : 'b'}", "{'a' : 'b',}", "{'a' : 'b',, 'c' : 'd'}",
        "{'a'}", "{'a', 'b'}", "{('a', 'b') : 1}", "{['a'] : 1}", "{('a', ['b']) : 1}", "{{} : 1}",
        "'a' 'b'", "'a' \"b\" '''c'''", "u'a'", "r'\\t'", "'\\t'", "'\\x41'", "'\\x4'", "'\\N{DASH}'", "'\\q'",
        "Match({})", "Match({'a' : 'b'})", "UseAfter({'a' : 'b'})", "Match({},)", "Match({}, {})", "Match()",
        "Match('a')", "Match(x={})", "Match", "Foo({})", "Match({})({})", "Match({})[0]", "Match.x", "'a'({})",
        "(Match)({})", "header", "(header)", "x", "not 'a'", "'a' and 'b'", "'a' or 'b'", "'a' == 'b'",
        "'a' if 'b' else 'c'", "-'a'", "'a'.b", "'a'[0]", "1 + 2", "SelectVersion({'<1' : 'a'})",
    };
    /** Whole lines inserted at a line start. */
    private static final String[] LINES = {
        "'doc'\n", "'''doc'''\n", "1\n", "x\n", "header\n", " header = {}\n", "comment = 'c'\n", "comment = 1\n",
        "comment = ('c')\n", "comment = 'a' 'b'\n", "comment = None\n", "header = {}\n", "header = 1\n",
        "header = -1\n", "header = ('a', 'b')\n", "header = ['a']\n", "header = {'a'}\n", "header = Match({})\n",
        "selector = {}\n", "selector = Match({})\n", "selector = (Match({}))\n", "selector = ((1))\n",
        "selector = -(1)\n", "selector = True\n", "selector = header\n", "selector = x = {}\n",
        "header = {};\n", "header = {}; comment = 'c'\n", "(header) = {}\n", "-header = {}\n", "header, comment = {}, 'c'\n",
        "x = {}\n", "Match = {}\n", "header.x = {}\n", "\n", "# comment\n",
    };

    @Test
    void everyCorpusFileIsAssembledToTheTreeParsesRecords() {
        int files = 0;
        for (Path file : Corpus.mappingFiles()) {
            String name = file.getFileName().toString();
            String text = Corpus.read(file);
            MappingSyntax tree = MappingParser.parse(text, name, RulesParsing.Stage.TREE);
            MappingSyntax assembled = MappingParser.assembled(text, name);
            assertNotNull(assembled, "the assembler left corpus file " + name + " to the tree parse");
            assertEquals(tree, assembled, "corpus file " + name);
            assertEquals(tree.toString(), assembled.toString(), "corpus file " + name);
            files++;
        }
        System.out.println("MappingAssemblerPropertyTest corpus: " + files + " files assembled");
    }

    @Test
    void mutatedValuesAndStatementsParseTheSameWithAndWithoutTheAssembler() {
        System.out.println("MappingAssemblerPropertyTest seed=" + SEED);
        Random r = new Random(SEED);
        List<Corpus.Text> files = Corpus.smallMappingTexts();
        int assembled = 0, treeOnly = 0, rejected = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            int k = r.nextInt(files.size());
            String name = files.get(k).fileName();
            String mutated = mutate(r, files.get(k).text());
            String what = "seed " + SEED + " case " + i + " (" + name + ")";
            String reference = ParseOutcome.of(() -> MappingParser.parse(mutated, name, RulesParsing.Stage.DESCRIBE));
            String tried = ParseOutcome.of(() -> MappingParser.parse(mutated, name, RulesParsing.Stage.ASSEMBLE));
            assertEquals(reference, tried, what);
            MappingSyntax direct = MappingParser.assembled(mutated, name);
            if (direct != null) {
                assertEquals(reference, direct.toString(), what + ": the assembler's own result");
                assembled++;
            } else if (reference.startsWith("error")) {
                rejected++;
            } else {
                treeOnly++;
            }
        }
        System.out.println("MappingAssemblerPropertyTest: " + MUTATIONS + " mutations, " + assembled
                + " assembled, " + treeOnly + " accepted by the tree parse only, " + rejected + " rejected");
        // Every outcome must be exercised for the comparison to mean anything.
        assertTrue(assembled > MUTATIONS / 10, "assembled " + assembled);
        assertTrue(treeOnly >= 10, "tree only " + treeOnly);
        assertTrue(rejected > MUTATIONS / 10, "rejected " + rejected);
    }

    /** One to three edits: a string literal replaced by another form, or a line inserted. */
    private static String mutate(Random r, String text) {
        String out = text;
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            if (r.nextInt(4) == 0) {
                int at = r.nextInt(out.length() + 1);
                int lineStart = out.lastIndexOf('\n', at - 1) + 1;
                out = out.substring(0, lineStart) + LINES[r.nextInt(LINES.length)] + out.substring(lineStart);
                continue;
            }
            List<int[]> spans = new ArrayList<>();
            Matcher m = LITERAL.matcher(out);
            while (m.find()) spans.add(new int[] {m.start(), m.end()});
            if (spans.isEmpty()) continue;
            int[] span = spans.get(r.nextInt(spans.size()));
            out = out.substring(0, span[0]) + VALUES[r.nextInt(VALUES.length)] + out.substring(span[1]);
        }
        return out;
    }

}
