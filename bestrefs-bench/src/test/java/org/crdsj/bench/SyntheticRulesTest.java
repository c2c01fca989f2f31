package org.crdsj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.crdsj.engine.bestrefs.BestRefs;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.bestrefs.Result;
import org.crdsj.engine.rules.Checksums;
import org.crdsj.engine.rules.InstrumentContext;
import org.crdsj.engine.rules.PipelineContext;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.rules.RulesException;
import org.crdsj.engine.select.MatchSelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticRulesTest {
    private static final long SEED = 20240611L;
    private static final Pattern HEADER_LINE = Pattern.compile("    '[a-z0-9_]+' : .+,");

    @TempDir Path dir;

    private SyntheticRules.Generated generate(Path into, int cases) throws Exception {
        System.out.println("SyntheticRulesTest seed " + SEED);
        return SyntheticRules.write(into, new SyntheticRules.Options(3, 5, cases, 4, SEED));
    }

    @Test
    void generatedContextLoadsWithChecksumsVerifiedAndHasTheRequestedShape() throws Exception {
        SyntheticRules.Generated g = generate(dir, 60);
        assertEquals(1 + 3 + 3 * 5, g.files().size());
        Context ctx = Context.load(dir, g.contextName());   // LoadOptions.DEFAULT verifies sha1sums
        PipelineContext p = (PipelineContext) ctx.mapping();
        assertEquals(List.of("xin01", "xin02", "xin03"), p.instruments());
        for (InstrumentContext i : p.imaps()) {
            assertEquals(5, i.rmaps().size());
            for (ReferenceMapping r : i.rmaps()) {
                MatchSelector m = (MatchSelector) r.selector();
                assertEquals(60, m.selections().size(), r.name());
                int n = m.parameters().size();
                assertTrue(n >= 3 && n <= 8, r.name() + " has " + n + " Match parameters");
            }
        }
        assertEquals(3 * 5 * 60, g.totalCases());
    }

    @Test
    void filesUseTheCanonicalHeaderLayoutAndTheirOwnChecksum() throws Exception {
        SyntheticRules.Generated g = generate(dir, 25);
        for (String f : g.files()) {
            String text = Files.readString(dir.resolve(f));
            List<String> keys = new ArrayList<>();
            String[] lines = text.split("\n");
            assertEquals("header = {", lines[0]);
            int i = 1;
            for (; !lines[i].equals("}"); i++) {
                assertTrue(HEADER_LINE.matcher(lines[i]).matches(), f + ": " + lines[i]);
                keys.add(lines[i].substring(5, lines[i].indexOf('\'', 5)));
            }
            assertEquals(keys.stream().sorted().toList(), keys, f + " header keys are sorted");
            String stored = text.replaceAll("(?s).*'sha1sum' : '([0-9a-f]{40})'.*", "$1");
            assertEquals(Checksums.compute(text), stored, f);
        }
    }

    @Test
    void aTamperedFileIsRejected() throws Exception {
        SyntheticRules.Generated g = generate(dir, 10);
        Path rmap = dir.resolve("hst_xin02_t01file_0001.rmap");
        Files.writeString(rmap, Files.readString(rmap).replaceFirst("_t01\\.fits", "_t99.fits"));
        RulesException e = assertThrows(RulesException.class, () -> Context.load(dir, g.contextName()));
        assertEquals(RulesException.Kind.CHECKSUM, e.kind());
    }

    @Test
    void theSameSeedGivesTheSameFiles(@TempDir Path other) throws Exception {
        SyntheticRules.Generated a = generate(dir, 30);
        generate(other, 30);
        for (String f : a.files()) {
            assertEquals(Files.readString(dir.resolve(f)), Files.readString(other.resolve(f)), f);
        }
    }

    @Test
    void bestrefsFindsFilesForMostGeneratedHeaders() throws Exception {
        SyntheticRules.Generated g = generate(dir, 200);
        Context ctx = Context.load(dir, g.contextName());
        List<SyntheticHeaders.Dataset> datasets = SyntheticHeaders.generate(ctx, 500, SEED);
        assertEquals(500, datasets.size());
        int headersWithFiles = 0, found = 0, lookups = 0;
        for (SyntheticHeaders.Dataset d : datasets) {
            BestRefs refs = ctx.bestrefs(d.header());
            assertTrue(!refs.isFailed(), d.id() + ": " + refs.failure());
            int here = 0;
            for (Map.Entry<String, Result> e : refs.results().entrySet()) {
                lookups++;
                if (e.getValue().isFound()) here++;
            }
            found += here;
            if (here > 0) headersWithFiles++;
        }
        System.out.printf("headers with files %d/%d, types found %d/%d%n", headersWithFiles, datasets.size(), found, lookups);
        assertEquals(500 * 5, lookups);
        assertTrue(headersWithFiles >= 0.9 * datasets.size(), "headers with at least one file: " + headersWithFiles);
        assertTrue(found >= 0.6 * lookups, "types found: " + found + " of " + lookups);
    }

    @Test
    void aLargeSingleTypeContextLikeTheScalingBenchmarksStillMatchesMostHeaders() throws Exception {
        System.out.println("SyntheticRulesTest seed " + SEED);
        SyntheticRules.Generated g = SyntheticRules.write(dir, new SyntheticRules.Options(1, 1, 5000, 6, SEED));
        Context ctx = Context.load(dir, g.contextName());
        ReferenceMapping r = ((PipelineContext) ctx.mapping()).imaps().get(0).rmaps().get(0);
        assertEquals(5000, r.selector().selections().size());
        int found = 0;
        List<SyntheticHeaders.Dataset> datasets = SyntheticHeaders.generate(ctx, 1000, SEED);
        for (SyntheticHeaders.Dataset d : datasets) {
            if (ctx.bestrefs(d.header()).get("t00tab").isFound()) found++;
        }
        System.out.println("single-type context: found " + found + "/" + datasets.size());
        assertTrue(found >= 0.7 * datasets.size(), "found " + found);
    }

    @Test
    void parametersChosenForAFixedNumberOfCasesAreTheSameAtEverySize(@TempDir Path small, @TempDir Path large) throws Exception {
        System.out.println("SyntheticRulesTest seed " + SEED);
        List<String> smallParams = matchParameters(small, new SyntheticRules.Options(1, 1, 10, 6, SEED, 20_000));
        List<String> largeParams = matchParameters(large, new SyntheticRules.Options(1, 1, 2_000, 6, SEED, 20_000));
        assertEquals(largeParams, smallParams);
        assertTrue(smallParams.size() >= 8, "parameters chosen for 20,000 cases: " + smallParams);
        // Chosen for their own size, the small rmap needs fewer.
        List<String> own = matchParameters(small.resolve("own"), new SyntheticRules.Options(1, 1, 10, 6, SEED));
        assertTrue(own.size() < smallParams.size(), own + " against " + smallParams);
    }

    private static List<String> matchParameters(Path into, SyntheticRules.Options options) throws Exception {
        SyntheticRules.Generated g = SyntheticRules.write(into, options);
        ReferenceMapping r = ((PipelineContext) Context.load(into, g.contextName()).mapping()).imaps().get(0).rmaps().get(0);
        assertEquals(options.cases(), r.selector().selections().size());
        return ((MatchSelector) r.selector()).parameters();
    }

    @Test
    void headersAreSkewedAndRoundTripThroughJsonLines() throws Exception {
        SyntheticRules.Generated g = generate(dir, 40);
        Context ctx = Context.load(dir, g.contextName());
        List<SyntheticHeaders.Dataset> datasets = SyntheticHeaders.generate(ctx, 400, SEED);
        // Many datasets share a parameter tuple: count distinct headers once the dates are dropped.
        long distinct = datasets.stream().map(d -> {
            var h = new java.util.TreeMap<>(d.header());
            h.remove("DATE-OBS");
            h.remove("TIME-OBS");
            return h;
        }).distinct().count();
        assertTrue(distinct <= 50 && distinct >= 10, "distinct parameter tuples: " + distinct);
        for (SyntheticHeaders.Dataset d : datasets) {
            assertTrue(d.header().get("INSTRUME").matches("XIN0[1-3]"), d.header().toString());
            assertTrue(d.header().get("DATE-OBS").matches("(199\\d|200\\d|201\\d)-\\d\\d-\\d\\d"), d.header().toString());
            assertTrue(d.header().get("TIME-OBS").matches("\\d\\d:\\d\\d:\\d\\d"), d.header().toString());
        }
        Path jsonl = dir.resolve("headers.jsonl");
        SyntheticHeaders.writeJsonl(datasets, jsonl);
        assertEquals(datasets, SyntheticHeaders.readJsonl(jsonl, null));
        assertEquals(datasets, SyntheticHeaders.generate(ctx, 400, SEED), "same seed, same headers");
    }
}
