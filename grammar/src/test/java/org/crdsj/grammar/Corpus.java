package org.crdsj.grammar;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test helper: the shared golden corpus, located by the {@code crds.corpus} system property. */
final class Corpus {
    private Corpus() {}

    /** The corpus root; fails the test (never skips it) when the corpus is not there. */
    static Path root() {
        String dir = System.getProperty("crds.corpus");
        assertNotNull(dir, "system property crds.corpus is not set");
        Path root = Path.of(dir);
        assertTrue(Files.isDirectory(root.resolve("mappings")), "no corpus mappings under " + root);
        return root;
    }

    /** Every .pmap, .imap and .rmap file under mappings/, broken/ included, in a stable order. */
    static List<Path> mappingFiles() {
        try (Stream<Path> files = Files.walk(root().resolve("mappings"))) {
            List<Path> list = files.filter(p -> p.getFileName().toString().matches(".*\\.[pir]map"))
                    .sorted().toList();
            assertTrue(list.size() > 100, "suspiciously few mapping files: " + list.size());
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A corpus mapping file and its text. */
    record Text(Path file, String text) {
        String fileName() { return file.getFileName().toString(); }
    }

    /**
     * The mapping files of at most 12,000 characters, with their texts: the ones mutation tests
     * edit, so that thousands of edited parses stay quick.
     */
    static List<Text> smallMappingTexts() {
        List<Text> small = new java.util.ArrayList<>();
        for (Path file : mappingFiles()) {
            String text = read(file);
            if (text.length() <= 12_000) small.add(new Text(file, text));
        }
        return small;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
