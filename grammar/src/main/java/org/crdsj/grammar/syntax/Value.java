package org.crdsj.grammar.syntax;

import java.math.BigInteger;
import java.util.List;

/**
 * A value in a mapping file, in the restricted Python-literal language CRDS rules are written in.
 * Python type identity is kept (int vs float vs str vs bool vs tuple) because conditioning turns
 * each kind into a string differently.
 */
public sealed interface Value {
    SourcePos pos();

    /** A string literal (adjacent literals already concatenated, escapes resolved). */
    record Str(String value, SourcePos pos) implements Value {}

    /** An integer literal of any size; a leading unary minus is folded in. */
    record Int(BigInteger value, SourcePos pos) implements Value {}

    /** A float literal; {@code text} is the literal as written (sign folded in). */
    record Flt(double value, String text, SourcePos pos) implements Value {}

    /** {@code True} or {@code False}. */
    record Bool(boolean value, SourcePos pos) implements Value {}

    /** {@code None}. */
    record None(SourcePos pos) implements Value {}

    /** A tuple; {@code ('A',)} is a 1-tuple, {@code ('A')} is just the string. */
    record Tuple(List<Value> items, SourcePos pos) implements Value {
        public Tuple { items = List.copyOf(items); }
    }

    /** A list display {@code [...]}. */
    record ListVal(List<Value> items, SourcePos pos) implements Value {
        public ListVal { items = List.copyOf(items); }
    }

    /** A dict display, entries in written order, duplicates kept (the loader decides). */
    record Dict(List<Entry> entries, SourcePos pos) implements Value {
        public Dict { entries = List.copyOf(entries); }
    }

    /** One {@code key : value} entry of a dict display. */
    record Entry(Value key, Value value) {}

    /** A selector call such as {@code Match({...})}: one positional dict argument. */
    record Call(String selector, Dict selections, SourcePos pos) implements Value {}
}
