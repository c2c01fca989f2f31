package org.crdsj.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.crdsj.grammar.MappingParser;
import org.crdsj.grammar.RulesSyntaxException;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.Test;

/**
 * End to end: the real rmap_relevance, rmap_omit and parkey_relevance expressions of the corpus,
 * prepared the way CRDS prepares them (spec 2.1, 2.5) and evaluated on small headers.
 */
class CorpusExpressionTest {

    private static Path mappings() {
        String dir = System.getProperty("crds.corpus");
        assertNotNull(dir, "system property crds.corpus is not set");
        Path p = Path.of(dir, "mappings");
        assertTrue(Files.isDirectory(p), "no corpus mappings at " + p);
        return p;
    }

    private static MappingSyntax load(String relative) throws IOException {
        Path p = mappings().resolve(relative);
        return MappingParser.parse(Files.readString(p), p.getFileName().toString());
    }

    private static Value header(MappingSyntax m, String key) {
        Value found = null;
        for (Value.Entry e : m.header().entries()) {
            if (e.key() instanceof Value.Str s && s.value().equals(key)) found = e.value(); // last wins
        }
        return found;
    }

    /** CRDS's header view lower-cases strings unless they are wrapped in parentheses (spec 2.1). */
    private static String folded(String s) {
        return s.startsWith("(") && s.endsWith(")") ? s : s.toLowerCase(Locale.ROOT);
    }

    /** Dotted parkey names become underscore names (spec 2.5); plain substring replacement. */
    private static String rewriteParkeys(String source, MappingSyntax m) {
        String out = source;
        for (String parkey : parkeys(m)) {
            if (parkey.contains(".")) out = out.replace(parkey, parkey.replace('.', '_'));
        }
        return out;
    }

    /** The names CRDS rewrites: every parkey level plus extra_keys (spec 2.3). */
    private static List<String> parkeys(MappingSyntax m) {
        List<String> out = new ArrayList<>();
        if (header(m, "extra_keys") instanceof Value.Tuple extra) {
            for (Value n : extra.items()) out.add(((Value.Str) n).value());
        }
        Value parkey = header(m, "parkey");
        if (parkey instanceof Value.Tuple levels) {
            for (Value level : levels.items()) {
                if (level instanceof Value.Tuple names) {
                    for (Value n : names.items()) out.add(((Value.Str) n).value());
                }
            }
        }
        return out;
    }

    private static CompiledExpression relevance(MappingSyntax m) {
        Value v = header(m, "rmap_relevance");
        String source = v == null ? "always" : folded(((Value.Str) v).value());
        return CompiledExpression.compile(rewriteParkeys(source.replace("always", "True"), m),
                v == null ? SourcePos.UNKNOWN : v.pos());
    }

    private static CompiledExpression omit(MappingSyntax m) {
        Value v = header(m, "rmap_omit");
        String source = v == null ? "False" : folded(((Value.Str) v).value());
        return CompiledExpression.compile(rewriteParkeys(source, m),
                v == null ? SourcePos.UNKNOWN : v.pos());
    }

    @Test
    void acsAtodtabRelevance() throws IOException {
        CompiledExpression e = relevance(load("hst/hst_acs_atodtab.rmap"));
        assertTrue(e.isTrue(Map.of("DETECTOR", "HRC", "ATODCORR", "PERFORM")::get));
        assertFalse(e.isTrue(Map.of("DETECTOR", "SBC", "ATODCORR", "PERFORM")::get));
        assertFalse(e.isTrue(Map.of("DETECTOR", "WFC", "ATODCORR", "OMIT")::get));
        ExpressionError missing = assertThrows(ExpressionError.class, () -> e.evaluate(Map.of("DETECTOR", "HRC")::get));
        assertEquals("name 'ATODCORR' is not defined", missing.getMessage());
    }

    @Test
    void nicmosListMembership() throws IOException {
        CompiledExpression e = relevance(load("hst/hst_nicmos_darkfile.rmap"));
        assertFalse(e.isTrue(Map.of("SAMP_SEQ", "SPARS16")::get));
        assertTrue(e.isTrue(Map.of("SAMP_SEQ", "STEP8")::get));
        assertTrue(e.isTrue(Map.of("SAMP_SEQ", "SPARS1")::get)); // membership, not substring
    }

    @Test
    void jwstDottedParkeyIsRewritten() throws IOException {
        MappingSyntax m = load("jwst/jwst_miri_specwcs_0004.rmap");
        CompiledExpression e = relevance(m);
        assertEquals("(META_EXPOSURE_TYPE not in (\"MIR_IMAGE\", \"NRC_IMAGE\", \"NIS_IMAGE\"))", e.source());
        assertFalse(e.isTrue(Map.of("META_EXPOSURE_TYPE", "MIR_IMAGE")::get));
        assertTrue(e.isTrue(Map.of("META_EXPOSURE_TYPE", "MIR_LRS-FIXEDSLIT")::get));
    }

    @Test
    void cosLifeAdjComparesStrings() throws IOException {
        CompiledExpression e = relevance(load("hst/hst_cos_twozxtab_0262.rmap"));
        assertTrue(e.isTrue(Map.of("LIFE_ADJ", "3.0")::get));
        assertFalse(e.isTrue(Map.of("LIFE_ADJ", "3")::get));
    }

    @Test
    void acsPfltfileParkeyRelevance() throws IOException {
        MappingSyntax m = load("hst/hst_acs_pfltfile.rmap");
        Value.Dict relevance = (Value.Dict) header(m, "parkey_relevance");
        Value.Str fw1 = relevance.entries().stream()
                .filter(en -> ((Value.Str) en.key()).value().equals("fw1offst"))
                .map(en -> (Value.Str) en.value()).findFirst().orElseThrow();
        CompiledExpression e = CompiledExpression.compile(fw1.value(), fw1.pos());
        assertTrue(e.isTrue(Map.of("FW1OFFST", "-1.0")::get));
        assertTrue(e.isTrue(Map.of("FW1OFFST", "1.0")::get));
        assertFalse(e.isTrue(Map.of("FW1OFFST", "0.0")::get));
    }

    @Test
    void alwaysMeansRelevantAndOmitTrueIsABrokenName() throws IOException {
        MappingSyntax synphot = load("hst/synphot_tmctab.rmap");
        assertTrue(relevance(synphot).isTrue(name -> null));
        ExpressionError e = assertThrows(ExpressionError.class, () -> omit(synphot).evaluate(Map.of("DETECTOR", "HRC")::get));
        assertEquals("NameError", e.pythonClass());
        assertEquals("name 'true' is not defined", e.getMessage());
        MappingSyntax atod = load("hst/hst_acs_atodtab.rmap");
        assertEquals(Boolean.FALSE, omit(atod).evaluate(name -> null));
    }

    @Test
    void theBrokenExpressionDoesNotCompile() throws IOException {
        MappingSyntax m = load("broken/hst/hst_acs_darkfile_badexpr.rmap");
        Value.Str bad = (Value.Str) ((Value.Dict) header(m, "parkey_relevance")).entries().get(0).value();
        RulesSyntaxException e = assertThrows(RulesSyntaxException.class,
                () -> CompiledExpression.compile(bad.value(), bad.pos()));
        assertEquals("hst_acs_darkfile_badexpr.rmap:10:31", e.pos().toString());
    }

    /** Every expression of every loadable rmap (with the file it is in), CRDS's synphot quirk 'true' left out. */
    private static List<Map.Entry<Path, CompiledExpression>> corpusExpressions() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(mappings())) {
            files = s.filter(p -> p.toString().endsWith(".rmap")).sorted().toList();
        }
        List<Map.Entry<Path, CompiledExpression>> out = new ArrayList<>();
        for (Path p : files) {
            MappingSyntax m = MappingParser.parse(Files.readString(p), p.getFileName().toString());
            if (p.getFileName().toString().equals("hst_acs_darkfile_badexpr.rmap")) continue;
            List<CompiledExpression> all = new ArrayList<>(List.of(relevance(m), omit(m)));
            if (header(m, "parkey_relevance") instanceof Value.Dict d) {
                for (Value.Entry en : d.entries()) {
                    Value.Str src = (Value.Str) en.value();
                    all.add(CompiledExpression.compile(rewriteParkeys(src.value(), m), src.pos()));
                }
            }
            for (CompiledExpression e : all) {
                if (!e.source().equals("true")) out.add(Map.entry(p, e)); // the synphot quirk, checked above
            }
        }
        return out;
    }

    /** Every expression of every loadable rmap evaluates to a bool on a header of UNDEFINED values. */
    @Test
    void everyCorpusExpressionEvaluates() throws IOException {
        int evaluated = 0;
        for (Map.Entry<Path, CompiledExpression> pe : corpusExpressions()) {
            CompiledExpression e = pe.getValue();
            Map<String, String> h = new HashMap<>();
            names(e.expr(), h);
            assertInstanceOf(Boolean.class, e.evaluate(h::get), pe.getKey() + ": " + e.source());
            evaluated++;
        }
        assertTrue(evaluated > 200, "only " + evaluated + " expressions evaluated");
    }

    /**
     * Every corpus expression is of a lowered shape, and its lowering agrees with the general
     * evaluation on seeded headers of the str literals it compares with (and a few others).
     */
    @Test
    void everyCorpusExpressionLowersAndAgrees() throws IOException {
        long seed = 11_23L;
        java.util.Random random = new java.util.Random(seed);
        int lowered = 0;
        for (Map.Entry<Path, CompiledExpression> pe : corpusExpressions()) {
            CompiledExpression e = pe.getValue();
            Map<String, String> h = new HashMap<>();
            names(e.expr(), h);
            List<String> variables = new ArrayList<>(h.keySet());
            LoweredExpression l = LoweredExpression.lower(e, variables);
            String what = "seed " + seed + ": " + pe.getKey() + ": " + e.source();
            assertNotNull(l, what);
            List<String> values = new ArrayList<>(List.of("UNDEFINED", "N/A", "", "OMIT"));
            literals(e.expr(), values);
            for (int i = 0; i < 25; i++) LoweredExpressionPropertyTest.agreesOnRandomHeaders(e, l, variables, values, random, what);
            lowered++;
        }
        assertTrue(lowered > 200, "only " + lowered + " expressions lowered");
    }

    /** The str literals of {@code e}. */
    private static void literals(Expr e, List<String> out) {
        if (e instanceof Expr.Const c && c.value() instanceof Value.Str s) out.add(s.value());
        else if (e instanceof Expr.Not n) literals(n.operand(), out);
        else if (e instanceof Expr.BoolOp b) b.operands().forEach(x -> literals(x, out));
        else if (e instanceof Expr.Compare c) {
            literals(c.left(), out);
            c.comparators().forEach(x -> literals(x, out));
        } else if (e instanceof Expr.TupleExpr t) t.items().forEach(x -> literals(x, out));
        else if (e instanceof Expr.ListExpr l) l.items().forEach(x -> literals(x, out));
    }

    private static void names(Expr e, Map<String, String> header) {
        if (e instanceof Expr.Name n) header.put(n.id(), "UNDEFINED");
        else if (e instanceof Expr.Not n) names(n.operand(), header);
        else if (e instanceof Expr.Neg n) names(n.operand(), header);
        else if (e instanceof Expr.BoolOp b) b.operands().forEach(x -> names(x, header));
        else if (e instanceof Expr.Compare c) {
            names(c.left(), header);
            c.comparators().forEach(x -> names(x, header));
        } else if (e instanceof Expr.IfElse f) {
            names(f.body(), header);
            names(f.test(), header);
            names(f.orElse(), header);
        } else if (e instanceof Expr.TupleExpr t) t.items().forEach(x -> names(x, header));
        else if (e instanceof Expr.ListExpr l) l.items().forEach(x -> names(x, header));
    }
}
