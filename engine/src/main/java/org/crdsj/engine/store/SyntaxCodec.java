package org.crdsj.engine.store;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;

/**
 * The compact binary form of a parsed mapping file ({@link CachedSyntax}): every {@link Value}
 * kind with its {@link SourcePos}, so errors raised from cached syntax still point into the source.
 *
 * <p>Layout of one entry: a string table (count, then each string as its length in bytes and its
 * chars, 1-3 bytes each, so lone surrogates survive), then the checksum, the header dict, the
 * selector and the comment. Values are a tag byte, the kind's fields and the position; strings are
 * references into the table (0 = null). Positions in the mapping's own file store no file name:
 * {@link #decode} binds them to the name the file is loaded under, so the same bytes under another
 * name decode with that name. Integers are zig-zag varints. Stateless and thread-safe.
 */
public final class SyntaxCodec {
    /** Nesting deeper than this is refused both ways (rules never nest nearly so deep). */
    static final int MAX_DEPTH = 1000;

    private static final int STR = 1, INT = 2, BIG_INT = 3, FLT = 4, FALSE = 5, TRUE = 6, NONE = 7,
            TUPLE = 8, LIST = 9, DICT = 10, CALL = 11;
    /** Expression node tags. */
    private static final int X_NAME = 20, X_CONST = 21, X_TUPLE = 22, X_LIST = 23, X_NOT = 24, X_NEG = 25,
            X_AND = 26, X_OR = 27, X_COMPARE = 28, X_IF = 29;

    private SyntaxCodec() {}

    // ------------------------------------------------------------------ encoding

    /**
     * The bytes of {@code entry}.
     *
     * @throws IllegalArgumentException when the syntax nests deeper than the codec allows
     */
    public static byte[] encode(CachedSyntax entry) {
        return new Encoder(entry.syntax().file()).entry(entry);
    }

    private static final class Encoder {
        private final String self;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> strings = new ArrayList<>();
        private final ByteSink body = new ByteSink(1024);

        Encoder(String self) { this.self = self; }

        byte[] entry(CachedSyntax entry) {
            MappingSyntax s = entry.syntax();
            string(entry.checksum());
            value(s.header(), 0);
            value(s.selector(), 0);
            string(s.comment());
            body.varint(entry.expressions().size());
            for (Map.Entry<String, Expr> e : new java.util.TreeMap<>(entry.expressions()).entrySet()) {
                string(e.getKey());
                expr(e.getValue(), 0);
            }
            ByteSink out = new ByteSink(body.size() + 16 * strings.size() + 16);
            out.varint(strings.size());
            for (String str : strings) out.chars(str);
            out.bytes(body.array(), body.size());
            return out.toArray();
        }

        private void string(String s) {
            if (s == null) { body.varint(0); return; }
            Integer i = index.get(s);
            if (i == null) {
                i = strings.size();
                index.put(s, i);
                strings.add(s);
            }
            body.varint(i + 1);
        }

        private void value(Value v, int depth) {
            if (depth > MAX_DEPTH) throw new IllegalArgumentException("syntax nests deeper than " + MAX_DEPTH);
            if (v instanceof Value.Str s) {
                body.put(STR);
                string(s.value());
            } else if (v instanceof Value.Int i) {
                if (i.value().bitLength() < 64) {
                    body.put(INT);
                    body.zigzag(i.value().longValue());
                } else {
                    byte[] b = i.value().toByteArray();
                    body.put(BIG_INT);
                    body.varint(b.length);
                    body.bytes(b, b.length);
                }
            } else if (v instanceof Value.Flt f) {
                body.put(FLT);
                body.fixed64(Double.doubleToRawLongBits(f.value()));
                string(f.text());
            } else if (v instanceof Value.Bool b) {
                body.put(b.value() ? TRUE : FALSE);
            } else if (v instanceof Value.None) {
                body.put(NONE);
            } else if (v instanceof Value.Tuple t) {
                items(TUPLE, t.items(), depth);
            } else if (v instanceof Value.ListVal l) {
                items(LIST, l.items(), depth);
            } else if (v instanceof Value.Dict d) {
                body.put(DICT);
                body.varint(d.entries().size());
                for (Value.Entry e : d.entries()) {
                    value(e.key(), depth + 1);
                    value(e.value(), depth + 1);
                }
            } else if (v instanceof Value.Call c) {
                body.put(CALL);
                string(c.selector());
                value(c.selections(), depth + 1);
            } else {
                throw new IllegalArgumentException("unknown value kind " + v.getClass());
            }
            pos(v.pos());
        }

        private void expr(Expr x, int depth) {
            if (depth > MAX_DEPTH) throw new IllegalArgumentException("expression nests deeper than " + MAX_DEPTH);
            if (x instanceof Expr.Name n) {
                body.put(X_NAME);
                string(n.id());
            } else if (x instanceof Expr.Const c) {
                body.put(X_CONST);
                value(c.value(), depth + 1);
            } else if (x instanceof Expr.TupleExpr t) {
                exprs(X_TUPLE, t.items(), depth);
            } else if (x instanceof Expr.ListExpr l) {
                exprs(X_LIST, l.items(), depth);
            } else if (x instanceof Expr.Not n) {
                body.put(X_NOT);
                expr(n.operand(), depth + 1);
            } else if (x instanceof Expr.Neg n) {
                body.put(X_NEG);
                expr(n.operand(), depth + 1);
            } else if (x instanceof Expr.BoolOp b) {
                exprs(b.isAnd() ? X_AND : X_OR, b.operands(), depth);
            } else if (x instanceof Expr.Compare c) {
                body.put(X_COMPARE);
                expr(c.left(), depth + 1);
                body.varint(c.ops().size());
                for (int i = 0; i < c.ops().size(); i++) {
                    body.put(c.ops().get(i).ordinal());
                    expr(c.comparators().get(i), depth + 1);
                }
            } else if (x instanceof Expr.IfElse ie) {
                body.put(X_IF);
                expr(ie.body(), depth + 1);
                expr(ie.test(), depth + 1);
                expr(ie.orElse(), depth + 1);
            } else {
                throw new IllegalArgumentException("unknown expression kind " + x.getClass());
            }
            pos(x.pos());
        }

        private void exprs(int tag, List<Expr> items, int depth) {
            body.put(tag);
            body.varint(items.size());
            for (Expr item : items) expr(item, depth + 1);
        }

        private void items(int tag, List<Value> items, int depth) {
            body.put(tag);
            body.varint(items.size());
            for (Value item : items) value(item, depth + 1);
        }

        private void pos(SourcePos p) {
            if (p == null) { body.varint(0); return; }
            if (p.file() != null && p.file().equals(self)) {
                body.varint(1);
            } else {
                body.varint(2);
                string(p.file());
            }
            body.zigzag(p.line());
            body.zigzag(p.column());
        }
    }

    // ------------------------------------------------------------------ decoding

    /**
     * Reads the entry in {@code bytes} (from its position to its limit), binding positions in the
     * mapping's own file to {@code fileName}. The buffer's position is not changed.
     *
     * @throws IllegalArgumentException (or another runtime exception) when the bytes are not a
     *         well-formed entry; callers treat that as a cache miss
     */
    public static CachedSyntax decode(ByteBuffer bytes, String fileName) {
        Decoder d = new Decoder(bytes.slice(), fileName);
        String checksum = d.string();
        Value header = d.value(0);
        Value selector = d.value(0);
        String comment = d.string();
        int n = d.countItems();
        Map<String, Expr> expressions = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String key = d.string();
            if (key == null) throw new IllegalArgumentException("expression without a key");
            expressions.put(key, d.expr(0));
        }
        if (d.in.hasRemaining()) throw new IllegalArgumentException("trailing bytes after a syntax entry");
        if (!(header instanceof Value.Dict dict)) throw new IllegalArgumentException("header is not a dict");
        if (checksum == null) throw new IllegalArgumentException("missing checksum");
        return new CachedSyntax(new MappingSyntax(fileName, dict, selector, comment), checksum, expressions);
    }

    private static final class Decoder {
        final ByteBuffer in;
        private final String self;
        private final String[] strings;

        Decoder(ByteBuffer in, String self) {
            this.in = in;
            this.self = self;
            int n = count();
            strings = new String[n];
            byte[] scratch = new byte[64];
            for (int i = 0; i < n; i++) {
                int len = count();
                if (len > scratch.length) scratch = new byte[Math.max(len, scratch.length * 2)];
                in.get(scratch, 0, len);
                strings[i] = chars(scratch, len);
            }
        }

        /** A non-negative count that cannot exceed what is left (each counted item takes a byte). */
        private int count() {
            long n = varint();
            if (n > in.remaining()) throw new IllegalArgumentException("count " + n + " beyond the entry");
            return (int) n;
        }

        String string() {
            long ref = varint();
            if (ref == 0) return null;
            if (ref > strings.length) throw new IllegalArgumentException("string reference out of range");
            return strings[(int) ref - 1];
        }

        Value value(int depth) {
            if (depth > MAX_DEPTH) throw new IllegalArgumentException("syntax nests deeper than " + MAX_DEPTH);
            int tag = in.get();
            switch (tag) {
                case STR -> { String s = string(); return new Value.Str(nonNull(s), pos()); }
                case INT -> { long v = zigzag(); return new Value.Int(BigInteger.valueOf(v), pos()); }
                case BIG_INT -> {
                    byte[] b = new byte[count()];
                    in.get(b);
                    return new Value.Int(new BigInteger(b), pos());
                }
                case FLT -> {
                    double v = Double.longBitsToDouble(in.getLong());
                    String text = string();
                    return new Value.Flt(v, text, pos());
                }
                case FALSE -> { return new Value.Bool(false, pos()); }
                case TRUE -> { return new Value.Bool(true, pos()); }
                case NONE -> { return new Value.None(pos()); }
                case TUPLE -> { List<Value> items = items(depth); return new Value.Tuple(items, pos()); }
                case LIST -> { List<Value> items = items(depth); return new Value.ListVal(items, pos()); }
                case DICT -> {
                    Value.Entry[] entries = new Value.Entry[count()];
                    for (int i = 0; i < entries.length; i++) {
                        Value k = value(depth + 1);
                        entries[i] = new Value.Entry(k, value(depth + 1));
                    }
                    return new Value.Dict(List.of(entries), pos());
                }
                case CALL -> {
                    String selector = string();
                    if (!(value(depth + 1) instanceof Value.Dict d)) throw new IllegalArgumentException("call without a dict");
                    return new Value.Call(selector, d, pos());
                }
                default -> throw new IllegalArgumentException("unknown value tag " + tag);
            }
        }

        int countItems() { return count(); }

        Expr expr(int depth) {
            if (depth > MAX_DEPTH) throw new IllegalArgumentException("expression nests deeper than " + MAX_DEPTH);
            int tag = in.get();
            switch (tag) {
                case X_NAME -> { String id = nonNull(string()); return new Expr.Name(id, pos()); }
                case X_CONST -> { Value v = value(depth + 1); return new Expr.Const(v, pos()); }
                case X_TUPLE -> { List<Expr> items = exprs(depth); return new Expr.TupleExpr(items, pos()); }
                case X_LIST -> { List<Expr> items = exprs(depth); return new Expr.ListExpr(items, pos()); }
                case X_NOT -> { Expr o = expr(depth + 1); return new Expr.Not(o, pos()); }
                case X_NEG -> { Expr o = expr(depth + 1); return new Expr.Neg(o, pos()); }
                case X_AND, X_OR -> { List<Expr> items = exprs(depth); return new Expr.BoolOp(tag == X_AND, items, pos()); }
                case X_COMPARE -> {
                    Expr left = expr(depth + 1);
                    int n = count();
                    Expr.CompareOp[] all = Expr.CompareOp.values();
                    List<Expr.CompareOp> ops = new ArrayList<>(n);
                    List<Expr> comparators = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        int op = in.get();
                        if (op < 0 || op >= all.length) throw new IllegalArgumentException("bad comparison operator");
                        ops.add(all[op]);
                        comparators.add(expr(depth + 1));
                    }
                    return new Expr.Compare(left, ops, comparators, pos());
                }
                case X_IF -> {
                    Expr body = expr(depth + 1), test = expr(depth + 1), orElse = expr(depth + 1);
                    return new Expr.IfElse(body, test, orElse, pos());
                }
                default -> throw new IllegalArgumentException("unknown expression tag " + tag);
            }
        }

        private List<Expr> exprs(int depth) {
            Expr[] items = new Expr[count()];
            for (int i = 0; i < items.length; i++) items[i] = expr(depth + 1);
            return List.of(items);
        }

        private List<Value> items(int depth) {
            Value[] items = new Value[count()];
            for (int i = 0; i < items.length; i++) items[i] = value(depth + 1);
            return List.of(items);
        }

        private SourcePos pos() {
            long kind = varint();
            if (kind == 0) return null;
            String file;
            if (kind == 1) file = self;
            else if (kind == 2) file = string();
            else throw new IllegalArgumentException("bad position kind " + kind);
            return new SourcePos(file, toInt(zigzag()), toInt(zigzag()));
        }

        private static String nonNull(String s) {
            if (s == null) throw new IllegalArgumentException("null string value");
            return s;
        }

        private static int toInt(long v) {
            if (v != (int) v) throw new IllegalArgumentException("position out of range");
            return (int) v;
        }

        private long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = in.get();
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) return v;
            }
            throw new IllegalArgumentException("varint too long");
        }

        private long zigzag() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        private static String chars(byte[] b, int len) {
            int i = 0;
            while (i < len && b[i] >= 0) i++;
            if (i == len) return new String(b, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
            char[] out = new char[len];
            int n = 0;
            for (i = 0; i < len; ) {
                int c = b[i++] & 0xFF;
                if (c < 0x80) {
                    out[n++] = (char) c;
                } else if ((c & 0xE0) == 0xC0) {
                    out[n++] = (char) (((c & 0x1F) << 6) | cont(b, i++, len));
                } else if ((c & 0xF0) == 0xE0) {
                    int c2 = cont(b, i++, len);
                    out[n++] = (char) (((c & 0x0F) << 12) | (c2 << 6) | cont(b, i++, len));
                } else {
                    throw new IllegalArgumentException("bad character encoding");
                }
            }
            return new String(out, 0, n);
        }

        private static int cont(byte[] b, int i, int len) {
            if (i >= len || (b[i] & 0xC0) != 0x80) throw new IllegalArgumentException("bad character encoding");
            return b[i] & 0x3F;
        }
    }

    // ------------------------------------------------------------------ bytes

    /** A growable byte array with the few primitive writes the codec needs. */
    private static final class ByteSink {
        private byte[] buf;
        private int size;

        ByteSink(int capacity) { buf = new byte[Math.max(16, capacity)]; }

        int size() { return size; }

        byte[] array() { return buf; }

        byte[] toArray() { return Arrays.copyOf(buf, size); }

        private void room(int n) {
            if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(size + n, buf.length * 2));
        }

        void put(int b) {
            room(1);
            buf[size++] = (byte) b;
        }

        void bytes(byte[] b, int len) {
            room(len);
            System.arraycopy(b, 0, buf, size, len);
            size += len;
        }

        void varint(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        void zigzag(long v) { varint((v << 1) ^ (v >> 63)); }

        void fixed64(long v) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) buf[size++] = (byte) (v >>> shift);
        }

        /** Each char in 1-3 bytes (UTF-8 shapes applied to UTF-16 units: lossless for any string). */
        void chars(String s) {
            int len = 0, n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                len += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
            varint(len);
            room(len);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    buf[size++] = (byte) c;
                } else if (c < 0x800) {
                    buf[size++] = (byte) (0xC0 | (c >> 6));
                    buf[size++] = (byte) (0x80 | (c & 0x3F));
                } else {
                    buf[size++] = (byte) (0xE0 | (c >> 12));
                    buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    buf[size++] = (byte) (0x80 | (c & 0x3F));
                }
            }
        }
    }
}
