package org.crdsj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.grammar.ExpressionParser;
import org.crdsj.grammar.MappingParser;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.Value;

/**
 * The parse part of a fresh load, alone and on one thread: reads and parses every mapping of a
 * context's closure (in load order) and its header expressions, as a load without any cache does,
 * and prints the CPU time of this thread per phase, the process's CPU time (JIT compiler threads
 * and GC included) and the wall time. Meant for a fresh JVM per run: what it measures is mostly
 * the cold JVM (class loading, interpretation, JIT warm-up).
 *
 * <pre>
 * for i in 1 2 3 4 5; do
 *   java -cp bestrefs-bench/target/benchmarks.jar org.crdsj.bench.ParseColdRun ../shared/corpus/mappings/hst hst_9000.pmap
 * done
 * </pre>
 */
public final class ParseColdRun {
    /** Dotted parkey names (META.EXPOSURE.TYPE), which the loader rewrites before parsing (untimed here). */
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)+");

    private ParseColdRun() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ParseColdRun MAPPING_DIR CONTEXT");
            System.exit(2);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        MappingLocator locator = new MappingLocator(Path.of(args[0]));
        long process0 = os.getProcessCpuTime(), wall0 = System.nanoTime();
        long read = 0, parse = 0, expressions = 0, bytes = 0;
        int files = 0, sources = 0;
        Set<Path> seen = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(args[1]));
        while (!todo.isEmpty()) {
            String name = todo.poll();
            Path file = locator.locate(name, args[1]);
            if (!seen.add(file)) continue;
            long t0 = mx.getCurrentThreadCpuTime();
            byte[] data = Files.readAllBytes(file);
            String text = new String(data, StandardCharsets.UTF_8);
            long t1 = mx.getCurrentThreadCpuTime();
            MappingSyntax syntax = MappingParser.parse(text, file.getFileName().toString());
            List<Value.Str> exprs = expressions(syntax);
            List<String> rewritten = new ArrayList<>(exprs.size());
            for (Value.Str s : exprs) rewritten.add(DOTTED.matcher(s.value()).replaceAll(m -> m.group().replace('.', '_')));
            long t2 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < exprs.size(); i++) ExpressionParser.parse(rewritten.get(i), exprs.get(i).pos());
            long t3 = mx.getCurrentThreadCpuTime();
            read += t1 - t0;
            parse += t2 - t1;
            expressions += t3 - t2;
            bytes += data.length;
            files++;
            sources += exprs.size();
            if (!name.endsWith(".rmap") && syntax.selector() instanceof Value.Dict nested) {
                for (Value.Entry e : nested.entries()) {
                    if (e.value() instanceof Value.Str child && child.value().matches(".*\\.[ir]map")) todo.add(child.value());
                }
            }
        }
        long wall = System.nanoTime() - wall0, process = os.getProcessCpuTime() - process0;
        System.out.println(String.format(Locale.ROOT,
                "{\"files\": %d, \"bytes\": %d, \"expressions\": %d, \"read_cpu_ms\": %.1f, \"parse_cpu_ms\": %.1f,"
                        + " \"expressions_cpu_ms\": %.1f, \"thread_cpu_ms\": %.1f, \"process_cpu_ms\": %.1f, \"wall_ms\": %.1f}",
                files, bytes, sources, read / 1e6, parse / 1e6, expressions / 1e6, (read + parse + expressions) / 1e6,
                process / 1e6, wall / 1e6));
    }

    /** The rmap_relevance, rmap_omit and parkey_relevance sources of a mapping header. */
    private static List<Value.Str> expressions(MappingSyntax m) {
        List<Value.Str> out = new ArrayList<>();
        for (Value.Entry e : m.header().entries()) {
            if (!(e.key() instanceof Value.Str key)) continue;
            String k = key.value();
            if ((k.equals("rmap_relevance") || k.equals("rmap_omit")) && e.value() instanceof Value.Str s) {
                out.add(s);
            } else if (k.equals("parkey_relevance") && e.value() instanceof Value.Dict d) {
                for (Value.Entry p : d.entries()) {
                    if (p.value() instanceof Value.Str s) out.add(s);
                }
            }
        }
        return out;
    }
}
