package org.crdsj.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.crdsj.bench.SyntheticHeaders;
import org.crdsj.bench.SyntheticRules;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.rules.InstrumentContext;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.PipelineContext;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.select.MatchSelector;

/**
 * One column of the scale table: a generated single-instrument, single-type context whose rmap
 * has a given number of Match cases (each a UseAfter of up to {@code maxDates} dates), loaded
 * with or without Match plans, and the headers that are looked up in it.
 *
 * <ul>
 *   <li>{@link Column#PLANS}: the default engine; 4,096 headers drawn from a pool of 512
 *       parameter tuples with a 1/rank popularity, as real datasets repeat observing modes.</li>
 *   <li>{@link Column#COLD}: the engine without plans (every Match evaluated from scratch for
 *       every dataset); {@value #DISTINCT} headers that each draw their own tuple.</li>
 *   <li>{@link Column#UNSEEN}: the default engine with those {@value #DISTINCT} distinct headers,
 *       more combinations than a Match remembers (50,000) when the rules allow that many.</li>
 * </ul>
 * Every column mixes matching and failing lookups: 2% of values are ones the rules never
 * mention, and many dates fall before a case's first UseAfter date.
 */
public final class ScalingCase {
    /** How many headers the cold columns cycle through. */
    static final int DISTINCT = 131_072;

    /** Which engine and which headers (see the class comment). */
    public enum Column { PLANS, COLD, UNSEEN }

    final Context context;
    final HeaderCycle headers;
    /** The number of Match parameters of the rmap (the same at every size when they are chosen for a fixed number of cases). */
    final int parameters;

    private ScalingCase(Context context, HeaderCycle headers) {
        this.context = context;
        this.headers = headers;
        int np = 0;
        if (context.mapping() instanceof PipelineContext p) {
            for (InstrumentContext i : p.imaps()) {
                for (ReferenceMapping r : i.rmaps()) {
                    if (r.selector() instanceof MatchSelector m) np = Math.max(np, m.parameters().size());
                }
            }
        }
        this.parameters = np;
    }

    /**
     * Generates and loads the rmap; its Match parameters are those the generator chooses for
     * {@code parametersFor} cases (0: for {@code cases}), so a table over several sizes with one
     * fixed {@code parametersFor} has the same parameters in every row and only the cases vary.
     */
    static ScalingCase create(int cases, int parametersFor, int maxDates, long seed, Column column) throws IOException {
        Path dir = Files.createTempDirectory("crds-bench-rules");
        Context context;
        try {
            SyntheticRules.Generated g = SyntheticRules.write(dir, new SyntheticRules.Options(1, 1, cases, maxDates, seed, parametersFor));
            context = Context.load(dir, g.contextName(), new LoadOptions(true, column != Column.COLD));
        } finally {
            deleteTree(dir);
        }
        List<SyntheticHeaders.Dataset> datasets = column == Column.PLANS
                ? SyntheticHeaders.generate(context, 4096, seed)
                : SyntheticHeaders.generateDistinct(context, DISTINCT, seed);
        return new ScalingCase(context, new HeaderCycle(datasets));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
