package org.crdsj.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.Test;

/**
 * Seeded random {@link Value} trees (every kind, odd strings, huge and negative integers, NaN and
 * signed zeros, foreign positions) survive encode/decode unchanged; damaged bytes never decode
 * into something else silently.
 */
class SyntaxCodecPropertyTest {
    private static final long SEED = Long.getLong("crds.seed", 20261123L);
    private static final String SELF = "random.rmap";

    @Test
    void randomTreesRoundTrip() {
        System.out.println("SyntaxCodecPropertyTest seed " + SEED);
        Random rnd = new Random(SEED);
        for (int i = 0; i < 2000; i++) {
            CachedSyntax entry = new CachedSyntax(new MappingSyntax(SELF, dict(rnd, 3), value(rnd, 4),
                    rnd.nextBoolean() ? null : string(rnd)), string(rnd));
            byte[] bytes = SyntaxCodec.encode(entry);
            assertEquals(entry, SyntaxCodec.decode(ByteBuffer.wrap(bytes), SELF), "seed " + SEED + " case " + i);
        }
    }

    @Test
    void damagedBytesFailOrDecodeToAWellFormedEntry() {
        Random rnd = new Random(SEED ^ 0x5DEECE66DL);
        int failed = 0;
        for (int i = 0; i < 2000; i++) {
            CachedSyntax entry = new CachedSyntax(new MappingSyntax(SELF, dict(rnd, 2), value(rnd, 3), null), "c");
            byte[] bytes = SyntaxCodec.encode(entry);
            byte[] cut = java.util.Arrays.copyOf(bytes, rnd.nextInt(bytes.length));
            assertThrows(RuntimeException.class, () -> SyntaxCodec.decode(ByteBuffer.wrap(cut), SELF),
                    "a truncated entry must not decode (seed " + SEED + " case " + i + ")");
            byte[] flipped = bytes.clone();
            flipped[rnd.nextInt(flipped.length)] ^= (byte) (1 + rnd.nextInt(255));
            try {
                SyntaxCodec.decode(ByteBuffer.wrap(flipped), SELF);
            } catch (RuntimeException e) {
                failed++;   // the file checksum catches the rest; here it only must not hang or overflow
            }
        }
        System.out.println("SyntaxCodecPropertyTest: " + failed + " of 2000 bit-flipped entries refused by the codec itself");
    }

    @Test
    void nestingBeyondTheLimitIsRefused() {
        Value v = new Value.None(SourcePos.UNKNOWN);
        for (int i = 0; i < SyntaxCodec.MAX_DEPTH + 5; i++) v = new Value.Tuple(List.of(v), SourcePos.UNKNOWN);
        Value deep = v;
        assertThrows(IllegalArgumentException.class, () -> SyntaxCodec.encode(new CachedSyntax(
                new MappingSyntax(SELF, new Value.Dict(List.of(), SourcePos.UNKNOWN), deep, null), "c")));
    }

    // ------------------------------------------------------------------ generators

    private static Value value(Random rnd, int depth) {
        int kind = rnd.nextInt(depth <= 0 ? 5 : 9);
        SourcePos pos = pos(rnd);
        switch (kind) {
            case 0: return new Value.Str(string(rnd), pos);
            case 1: return new Value.Int(integer(rnd), pos);
            case 2: {
                double d = switch (rnd.nextInt(6)) {
                    case 0 -> Double.NaN;
                    case 1 -> -0.0;
                    case 2 -> Double.NEGATIVE_INFINITY;
                    case 3 -> Double.longBitsToDouble(rnd.nextLong());
                    default -> rnd.nextGaussian() * 1e6;
                };
                return new Value.Flt(d, Double.toString(d), pos);
            }
            case 3: return rnd.nextBoolean() ? new Value.Bool(rnd.nextBoolean(), pos) : new Value.None(pos);
            case 4: return new Value.Str(rnd.nextBoolean() ? "N/A" : "", pos);
            case 5: return new Value.Tuple(items(rnd, depth), pos);
            case 6: return new Value.ListVal(items(rnd, depth), pos);
            case 7: return dict(rnd, depth - 1);
            default: return new Value.Call(rnd.nextBoolean() ? "Match" : "UseAfter", dict(rnd, depth - 1), pos);
        }
    }

    private static List<Value> items(Random rnd, int depth) {
        List<Value> out = new ArrayList<>();
        for (int n = rnd.nextInt(5); n > 0; n--) out.add(value(rnd, depth - 1));
        return out;
    }

    private static Value.Dict dict(Random rnd, int depth) {
        List<Value.Entry> entries = new ArrayList<>();
        for (int n = rnd.nextInt(6); n > 0; n--) {
            Value key = value(rnd, Math.min(depth, 1));
            entries.add(new Value.Entry(key, value(rnd, depth)));
            if (rnd.nextInt(8) == 0) entries.add(new Value.Entry(key, value(rnd, 0)));   // duplicate key
        }
        return new Value.Dict(entries, pos(rnd));
    }

    private static BigInteger integer(Random rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> BigInteger.valueOf(rnd.nextInt(100) - 50);
            case 1 -> BigInteger.valueOf(rnd.nextLong());
            case 2 -> BigInteger.valueOf(rnd.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE);
            case 3 -> BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE).negate().subtract(BigInteger.ONE);
            default -> new BigInteger(1 + rnd.nextInt(300), rnd).multiply(BigInteger.valueOf(rnd.nextBoolean() ? 1 : -1));
        };
    }

    private static SourcePos pos(Random rnd) {
        return switch (rnd.nextInt(10)) {
            case 0 -> SourcePos.UNKNOWN;
            case 1 -> new SourcePos("other.imap", rnd.nextInt(), rnd.nextInt());
            default -> new SourcePos(SELF, 1 + rnd.nextInt(20000), 1 + rnd.nextInt(200));
        };
    }

    /** ASCII mostly, with Latin-1, BMP, astral pairs, lone surrogates and NULs mixed in. */
    private static String string(Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int n = rnd.nextInt(12); n > 0; n--) {
            switch (rnd.nextInt(8)) {
                case 0 -> sb.append((char) (0x80 + rnd.nextInt(0x780)));
                case 1 -> sb.append((char) (0x800 + rnd.nextInt(0xD000)));
                case 2 -> sb.appendCodePoint(0x10000 + rnd.nextInt(0x100000));
                case 3 -> sb.append((char) (0xD800 + rnd.nextInt(0x800)));
                case 4 -> sb.append('\0');
                default -> sb.append((char) (0x20 + rnd.nextInt(0x5F)));
            }
        }
        return sb.toString();
    }
}
