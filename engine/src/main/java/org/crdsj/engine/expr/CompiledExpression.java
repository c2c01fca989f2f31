package org.crdsj.engine.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.crdsj.grammar.ExpressionParser;
import org.crdsj.grammar.RulesSyntaxException;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.expr.Expr.CompareOp;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;

/**
 * A header expression ({@code rmap_relevance}, {@code rmap_omit}, {@code parkey_relevance})
 * compiled once at load time and evaluated per dataset with Python semantics. Variables are
 * strings looked up by name; results use the object model of {@link PythonOperators}.
 * Immutable and thread-safe.
 */
public final class CompiledExpression {
    /** One compiled node: evaluates against the variable lookup. */
    private interface Node {
        Object eval(Function<String, String> variables);
    }

    private final String source;
    private final Expr expr;
    private final Node root;

    private CompiledExpression(String source, Expr expr) {
        this.source = source;
        this.expr = expr;
        this.root = compile(expr);
    }

    /**
     * Parses and compiles {@code source}; {@code origin} locates the string literal holding it
     * (see {@link ExpressionParser#parse}).
     *
     * @throws RulesSyntaxException when the source is not an allowed expression
     */
    /** An expression already parsed (e.g. taken from the parsed-rules cache) from {@code source}. */
    public static CompiledExpression of(String source, Expr parsed) {
        return new CompiledExpression(Objects.requireNonNull(source, "source"), Objects.requireNonNull(parsed, "parsed"));
    }

    public static CompiledExpression compile(String source, SourcePos origin) {
        Objects.requireNonNull(source, "source");
        return new CompiledExpression(source, ExpressionParser.parse(source, origin));
    }

    /** The source text as given to {@link #compile}. */
    public String source() {
        return source;
    }

    /** The parsed expression tree. */
    public Expr expr() {
        return expr;
    }

    /**
     * Evaluates the expression. {@code variables} maps a name to its string value, or to null when
     * the name is undefined. {@code True}, {@code False} and {@code None} are constants.
     *
     * @return a String, Long/BigInteger, Double, Boolean, {@link PythonNone} or {@link PythonSequence}
     * @throws ExpressionError the Python exception evaluation raises (NameError, TypeError)
     */
    public Object evaluate(Function<String, String> variables) {
        Objects.requireNonNull(variables, "variables");
        return root.eval(variables);
    }

    /** Python truthiness of {@link #evaluate}'s result. */
    public boolean isTrue(Function<String, String> variables) {
        return PythonOperators.truthy(evaluate(variables));
    }

    @Override
    public String toString() {
        return source;
    }

    // ------------------------------------------------------------------ compilation

    private static Node compile(Expr e) {
        if (e instanceof Expr.Name n) return name(n.id());
        if (e instanceof Expr.Const c) {
            Object value = constant(c.value());
            return vars -> value;
        }
        if (e instanceof Expr.TupleExpr t) {
            List<Node> items = compileAll(t.items());
            return vars -> PythonSequence.tuple(evalAll(items, vars));
        }
        if (e instanceof Expr.ListExpr l) {
            List<Node> items = compileAll(l.items());
            return vars -> PythonSequence.list(evalAll(items, vars));
        }
        if (e instanceof Expr.Not n) {
            Node operand = compile(n.operand());
            return vars -> !PythonOperators.truthy(operand.eval(vars));
        }
        if (e instanceof Expr.Neg n) {
            Node operand = compile(n.operand());
            return vars -> PythonOperators.negate(operand.eval(vars));
        }
        if (e instanceof Expr.BoolOp b) return boolOp(b.isAnd(), compileAll(b.operands()));
        if (e instanceof Expr.Compare c) return comparison(compile(c.left()), c.ops(), compileAll(c.comparators()));
        Expr.IfElse f = (Expr.IfElse) e;
        Node body = compile(f.body()), test = compile(f.test()), orElse = compile(f.orElse());
        return vars -> PythonOperators.truthy(test.eval(vars)) ? body.eval(vars) : orElse.eval(vars);
    }

    private static Node name(String id) {
        switch (id) {
            case "True": return vars -> Boolean.TRUE;
            case "False": return vars -> Boolean.FALSE;
            case "None": return vars -> PythonNone.NONE;
            default:
                return vars -> {
                    String value = vars.apply(id);
                    if (value == null) throw new ExpressionError("NameError", "name '" + id + "' is not defined");
                    return value;
                };
        }
    }

    /** {@code and} returns the first false operand or the last; {@code or} the first true or the last. */
    private static Node boolOp(boolean isAnd, List<Node> operands) {
        return vars -> {
            Object value = null;
            for (Node operand : operands) {
                value = operand.eval(vars);
                if (PythonOperators.truthy(value) != isAnd) return value;
            }
            return value;
        };
    }

    /** {@code a < b < c} is {@code a < b and b < c}, each operand evaluated at most once, lazily. */
    private static Node comparison(Node left, List<CompareOp> ops, List<Node> comparators) {
        return vars -> {
            Object a = left.eval(vars);
            for (int i = 0; i < ops.size(); i++) {
                Object b = comparators.get(i).eval(vars);
                if (!PythonOperators.compare(ops.get(i), a, b)) return Boolean.FALSE;
                a = b;
            }
            return Boolean.TRUE;
        };
    }

    private static Object constant(Value v) {
        if (v instanceof Value.Str s) return s.value();
        if (v instanceof Value.Int i) return PythonOperators.normalise(i.value());
        if (v instanceof Value.Flt f) return f.value();
        if (v instanceof Value.Bool b) return b.value();
        if (v instanceof Value.None) return PythonNone.NONE;
        throw new IllegalArgumentException("not an expression constant: " + v);
    }

    private static List<Node> compileAll(List<Expr> exprs) {
        List<Node> out = new ArrayList<>(exprs.size());
        for (Expr e : exprs) out.add(compile(e));
        return List.copyOf(out);
    }

    private static List<Object> evalAll(List<Node> nodes, Function<String, String> vars) {
        List<Object> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) out.add(n.eval(vars));
        return out;
    }
}
