package org.crdsj.engine.refactor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crdsj.engine.expr.CompiledExpression;
import org.crdsj.engine.expr.ExpressionError;
import org.crdsj.grammar.RulesSyntaxException;
import org.crdsj.grammar.syntax.SourcePos;

/**
 * Reference-file wildcard expansion ({@code substitutions.expand_wildcards}): a reference says
 * {@code CCDAMP = ANY} or {@code CCDGAIN = -1} where the rmap needs the explicit or-pattern of the
 * configurations it covers. Each rule is a condition on the unconditioned reference header and the
 * expansion that replaces the parameter's value when the condition holds; conditions that cannot
 * be evaluated (a keyword the file lacks) are skipped. Only HST defines rules. Immutable.
 */
public final class Substitutions {
    private record Rule(String instrument, String parameter, CompiledExpression condition, String expansion) {}

    private final List<Rule> rules;

    private Substitutions(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    private static final Map<String, Substitutions> BY_OBSERVATORY = new java.util.concurrent.ConcurrentHashMap<>();

    /** The rules of an observatory (none for JWST and Roman). */
    public static Substitutions of(String observatory) {
        return BY_OBSERVATORY.computeIfAbsent(observatory.toLowerCase(Locale.ROOT), Substitutions::load);
    }

    /** {@code header} with the expansions for {@code instrument} applied to the rmap's parameters. */
    public Map<String, String> expand(String instrument, Map<String, String> header, Collection<String> parameters) {
        Map<String, String> expanded = new LinkedHashMap<>(header);
        String instr = instrument.toLowerCase(Locale.ROOT);
        for (Rule rule : rules) {
            if (!rule.instrument().equals(instr) || !parameters.contains(rule.parameter())) continue;
            boolean applies;
            try {
                applies = rule.condition().isTrue(header::get);
            } catch (ExpressionError e) {
                continue;
            }
            if (applies) expanded.put(rule.parameter(), rule.expansion());
        }
        return expanded;
    }

    private static Substitutions load(String observatory) {
        List<Rule> rules = new ArrayList<>();
        InputStream in = Substitutions.class.getResourceAsStream(observatory + "-substitutions.tsv");
        if (in == null) return new Substitutions(rules);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t");
                try {
                    rules.add(new Rule(f[0], f[1], CompiledExpression.compile(f[2], SourcePos.UNKNOWN), f[3]));
                } catch (RulesSyntaxException e) {
                    throw new IllegalStateException("bad substitution rule " + f[2] + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Substitutions(rules);
    }
}
