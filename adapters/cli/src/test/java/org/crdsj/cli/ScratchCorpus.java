package org.crdsj.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A scratch copy of the golden corpus's rules, reference files and constraint files, so that tool
 * goldens can run their {@code argv} unchanged "from the corpus root" (and write into it) without
 * ever touching {@code ../shared}.
 */
final class ScratchCorpus {
    private static final List<String> PARTS = List.of("mappings", "references", "tpns", "datasets");

    private ScratchCorpus() {}

    /** The corpus root given to surefire; fails when it is missing. */
    static Path source() {
        String root = System.getProperty("crds.corpus");
        if (root == null || !Files.isDirectory(Path.of(root))) {
            throw new IllegalStateException("the golden corpus is missing (system property crds.corpus = " + root + ")");
        }
        return Path.of(root);
    }

    /** Copies the corpus parts into {@code dir} and returns it (the new corpus root). */
    static Path copyInto(Path dir) {
        return copyInto(dir, PARTS);
    }

    /** Copies only the named corpus parts (e.g. {@code mappings}) into {@code dir}; returns it. */
    static Path copyInto(Path dir, List<String> parts) {
        Path src = source();
        for (String part : parts) copyTree(src.resolve(part), dir.resolve(part));
        return dir;
    }

    /** The environment CRDS's goldens were produced with, relative to a (scratch) corpus root. */
    static Map<String, String> variables(Path root, String observatory) {
        Map<String, String> vars = new HashMap<>();
        vars.put("CRDS_MAPPATH", root.resolve("mappings").toString());
        vars.put("CRDS_TPN_DIR", root.resolve("tpns").toString());
        vars.put("CRDS_PATH", root.resolve("crds-cache-unused").toString());
        vars.put("CRDS_SERVER_URL", "https://serverless-mode.stsci.edu");
        if (observatory != null) vars.put("CRDS_OBSERVATORY", observatory);
        return vars;
    }

    private static void copyTree(Path from, Path to) {
        if (!Files.exists(from)) return;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
