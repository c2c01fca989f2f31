package org.crdsj.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crdsj.grammar.MappingParser;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.Test;

/**
 * Random mappings (awkward strings, numbers, nested selectors, repeated keys): the canonical text
 * parses back to the same mapping, printing it again changes nothing, and the written sha1sum is
 * the checksum of the written text.
 */
class MappingTextPropertyTest {
    private static final long SEED = 20261123L;
    private static final SourcePos U = SourcePos.UNKNOWN;
    private static final String[] PIECES = {"A", "b", "1", "0.5", " ", "'", "\"", "\\", "é", "\u2028", "\t", "sha1", "|", "N/A", "𝄞", "#", "\n"};

    @Test
    void canonicalTextRoundTrips() {
        System.out.println("MappingTextPropertyTest seed=" + SEED);
        Random r = new Random(SEED);
        for (int i = 0; i < 500; i++) {
            MappingSyntax m = new MappingSyntax("x.rmap", header(r), selector(r, 0), r.nextInt(4) == 0 ? comment(r) : null);
            String written = MappingText.withChecksum(m);
            MappingSyntax back = MappingParser.parse(written, "x.rmap");
            assertEquals(written, MappingText.format(back), "case " + i + ":\n" + written);
            String stored = ((Value.Str) PythonKey.stringKeyed(back.header()).get("sha1sum")).value();
            assertEquals(Checksums.compute(written), stored, "case " + i);
            assertEquals(MappingText.format(MappingText.checksummed(m)), written);
        }
    }

    private static Value.Dict header(Random r) {
        List<Value.Entry> entries = new ArrayList<>();
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) entries.add(new Value.Entry(str(r.nextBoolean() ? "k" + r.nextInt(5) : text(r)), value(r, 0)));
        return new Value.Dict(entries, U);
    }

    private static Value selector(Random r, int depth) {
        List<Value.Entry> entries = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            Value key = r.nextBoolean() ? str(text(r)) : new Value.Tuple(List.of(str(text(r)), scalar(r)), U);
            Value choice = depth < 2 && r.nextInt(3) == 0 ? selector(r, depth + 1) : str(text(r));
            entries.add(new Value.Entry(key, choice));
        }
        return new Value.Call(depth == 0 ? "Match" : "UseAfter", new Value.Dict(entries, U), U);
    }

    private static Value value(Random r, int depth) {
        switch (depth < 2 ? r.nextInt(6) : 0) {
            case 1: return new Value.Tuple(List.of(scalar(r), scalar(r)), U);
            case 2: return new Value.Tuple(List.of(scalar(r)), U);
            case 3: return new Value.ListVal(List.of(scalar(r)), U);
            case 4: return new Value.Dict(List.of(new Value.Entry(str(text(r)), value(r, depth + 1))), U);
            default: return scalar(r);
        }
    }

    private static Value scalar(Random r) {
        switch (r.nextInt(5)) {
            case 0: return new Value.Int(BigInteger.valueOf(r.nextInt(2001) - 1000), U);
            case 1: {
                double d = r.nextBoolean() ? r.nextInt(100) / 8.0 : r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
                return new Value.Flt(d, Double.toString(d), U);
            }
            case 2: return new Value.Bool(r.nextBoolean(), U);
            default: return str(text(r));
        }
    }

    private static String text(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) sb.append(PIECES[r.nextInt(PIECES.length)]);
        return sb.toString();
    }

    /** CRDS writes a comment raw between triple quotes, so only text without quotes or backslashes survives. */
    private static String comment(Random r) {
        return text(r).replace("\"", "").replace("\\", "").replace("'", "");
    }

    private static Value.Str str(String s) {
        return new Value.Str(s, U);
    }
}
