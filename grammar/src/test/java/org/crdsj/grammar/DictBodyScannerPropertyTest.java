package org.crdsj.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.Test;

/**
 * Dict bodies read from the bytes ({@link DictBodyScanner}) change nothing: every corpus file, and
 * seeded edits of them aimed at the scanner's edges (blanks, newlines and comments between tokens,
 * numbers and signs of every form, constants, empty and triple-quoted strings, escapes, non-ASCII
 * characters, stray brackets and separators, selector calls), give the same records (positions
 * included) or the same error with the same file:line:column whether the assembler reads bodies
 * itself or leaves every token to the parser.
 */
class DictBodyScannerPropertyTest {
    private static final long SEED = 20261126L;
    private static final int MUTATIONS = 2500;
    /** Pieces inserted anywhere, most of them at a token boundary. */
    private static final String[] PIECES = {
        " ", "\t", "\f", "\n", "\n\n   ", "# note\n", "#", ",", ",,", ":", ":=", "(", ")", "{", "}", "[", "]",
        "-", "1", "0", "00", "007", "1.5", "1.", ".5", "1e3", "1.5e-3", "1_0", "1j", "0x1", "-1", "- 1", "--1", "-1.5",
        "True", "False", "None", "Truex", "None()", "''", "\"\"", "''''", "'''x'''", "'a'", "\"b\"", "'a' 'b'", "u'a'",
        "'\\t'", "'\u00e9'", "\u00e9", "\\", "\u000b", "\r", "x", "UseAfter", "UseAfter({", "Match(", "Foo({})",
        "Match({'a' : 'b'})", "UseAfter ({'d' : 'f'})", "UseAfter(\n{'d' : 'f'}\n)", "UseAfter({},)", "{'k' : 'v'}",
        "('a',)", "()", "(('a', 1), -2.0)", "{('a', ['b']) : 1}", "{{} : 1}", "\ud83d\ude00",
    };

    @Test
    void everyCorpusFileIsTheSameWithBodiesReadFromTheBytes() {
        int files = 0, selectorsRead = 0;
        for (Path file : Corpus.mappingFiles()) {
            String name = file.getFileName().toString();
            String text = Corpus.read(file);
            same(text, name, "corpus file " + name);
            files++;
            if (selectorBodyIsRead(text, name)) selectorsRead++;
        }
        System.out.println("DictBodyScannerPropertyTest corpus: " + files + " files, " + selectorsRead
                + " selector bodies read from the bytes");
        // The fast path must actually take the corpus's selectors for the comparison to mean anything.
        assertTrue(selectorsRead > files * 9 / 10, "selector bodies read: " + selectorsRead + " of " + files);
    }

    @Test
    void editedFilesAreTheSameWithBodiesReadFromTheBytes() {
        System.out.println("DictBodyScannerPropertyTest seed=" + SEED);
        Random r = new Random(SEED);
        List<Corpus.Text> files = Corpus.smallMappingTexts();
        int accepted = 0, read = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            int k = r.nextInt(files.size());
            String name = files.get(k).fileName();
            String edited = edit(r, files.get(k).text());
            if (!same(edited, name, "seed " + SEED + " case " + i + " (" + name + ")").startsWith("error")) accepted++;
            if (selectorBodyIsRead(edited, name)) read++;
        }
        System.out.println("DictBodyScannerPropertyTest: " + MUTATIONS + " edits, " + accepted + " accepted, "
                + read + " with the selector body read from the bytes");
        assertTrue(accepted > MUTATIONS / 10 && accepted < MUTATIONS - MUTATIONS / 10, "accepted " + accepted);
        assertTrue(read > MUTATIONS / 10 && read < MUTATIONS - MUTATIONS / 10, "read " + read);
    }

    /** Compares the two ways (the whole parse, and the assembler alone); returns the outcome. */
    private static String same(String text, String name, String what) {
        String plain = ParseOutcome.of(() -> MappingParser.parse(text, name, RulesParsing.Stage.ASSEMBLE, false));
        String read = ParseOutcome.of(() -> MappingParser.parse(text, name, RulesParsing.Stage.ASSEMBLE, true));
        assertEquals(plain, read, what);
        String plainAssembled = String.valueOf(MappingParser.assembled(text, name, false));
        String readAssembled = String.valueOf(MappingParser.assembled(text, name, true));
        assertEquals(plainAssembled, readAssembled, what + ": the assembler's own result");
        return read;
    }

    /**
     * Whether the scanner takes the body of the first dict after "selector" and reads the very
     * entries the parse gives for it (when the file parses and that dict is the selector's).
     */
    private static boolean selectorBodyIsRead(String text, String name) {
        int at = text.indexOf("selector");
        int brace = at < 0 ? -1 : text.indexOf('{', at);
        if (brace < 0 || text.indexOf('\r') >= 0) return false;
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        int from = brace + 1, line = 1, lineStart = 0;
        for (int j = 0; j < from; j++) {
            if (bytes[j] == '\n') {
                line++;
                lineStart = j + 1;
            }
        }
        // The scanner starts at a token: step over what the lexer would drop.
        while (from < bytes.length && (bytes[from] == ' ' || bytes[from] == '\n' || bytes[from] == '#')) {
            if (bytes[from] == '#') {
                while (from < bytes.length && bytes[from] != '\n') from++;
                continue;
            }
            if (bytes[from] == '\n') {
                line++;
                lineStart = from + 1;
            }
            from++;
        }
        if (text.chars().anyMatch(c -> c > 0xff)) return false;
        DictBodyScanner scanner = new DictBodyScanner(bytes, PositionMap.ofFile(name), from, line, from - lineStart);
        List<Value.Entry> entries = scanner.entries();
        if (entries == null) return false;
        assertEquals('}', text.charAt(scanner.offset()), name + ": the scanner stops on the closing brace");
        MappingSyntax parsed;
        try {
            parsed = MappingParser.parse(text, name, RulesParsing.Stage.DESCRIBE);
        } catch (RulesSyntaxException e) {
            return true;
        }
        if (parsed.selector() instanceof Value.Call call && call.selections().pos().line() == lineOf(text, brace)
                && call.selections().pos().column() == brace - text.lastIndexOf('\n', brace - 1)) {
            assertEquals(call.selections().entries().toString(), entries.toString(), name);
        }
        return true;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int j = 0; j < offset; j++) if (text.charAt(j) == '\n') line++;
        return line;
    }

    /** One to four edits: a piece inserted (mostly next to a token), or a stretch deleted. */
    private static String edit(Random r, String text) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = r.nextInt(sb.length() + 1);
            if (r.nextInt(6) == 0) {
                sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(3)));
                continue;
            }
            if (r.nextInt(4) != 0) {
                // move to the next token boundary: after a quote, bracket, comma or colon
                while (at < sb.length() && "'\"(){},:".indexOf(sb.charAt(at)) < 0) at++;
                if (at < sb.length()) at++;
            }
            sb.insert(at, PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

}
