package org.crdsj.examples;

import org.crdsj.engine.rules.Checksums;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Computes, checks and rewrites the {@code sha1sum} header field of the example mappings
 * (and of any other CRDS {@code .pmap}/{@code .imap}/{@code .rmap} file).
 *
 * <p>The checksum is the SHA-1, as 40 lowercase hex digits, of the UTF-8 text after
 * universal-newline normalisation with every line that contains the substring {@code sha1sum}
 * removed (spec 1.6). Because the field's own line is excluded, rewriting the field never changes
 * the checksum, so one pass is enough.
 *
 * <p>Command line: {@code ExampleChecksums [--check] [file-or-directory ...]}. Without paths it
 * processes {@code examples/context} (or {@code context} when run from the module directory).
 * With {@code --check} nothing is written and the exit status is 1 if any file is stale.
 */
public final class ExampleChecksums {

    /** Name of the header field, and the marker of lines that the checksum ignores. */
    public static final String FIELD = "sha1sum";

    private static final List<String> EXTENSIONS = List.of(".pmap", ".imap", ".rmap");

    /** The header entry as written by CRDS: {@code 'sha1sum' : '<hex>',}. */
    private static final Pattern FIELD_ENTRY =
            Pattern.compile("(['\"]" + FIELD + "['\"]\\s*:\\s*['\"])([^'\"\\n]*)(['\"])");

    private ExampleChecksums() {
    }

    /** Universal-newline reading, as CRDS reads rules files (the engine's rule). */
    public static String normalizeNewlines(String text) {
        return Checksums.normalizeNewlines(text);
    }

    /**
     * The mapping checksum of a file's text, computed by the engine's {@link Checksums}.
     *
     * @param text the file text (newlines are normalised here, so raw text is fine)
     * @return 40 lowercase hex digits
     */
    public static String checksum(String text) {
        return Checksums.compute(Checksums.normalizeNewlines(text));
    }

    /**
     * Returns the value currently written in the {@code sha1sum} field, if there is one.
     *
     * @param text the file text
     * @return the stored value, lower-cased as CRDS reads it
     */
    public static Optional<String> storedChecksum(String text) {
        Matcher m = FIELD_ENTRY.matcher(text);
        return m.find() ? Optional.of(m.group(2).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * Returns {@code text} with its {@code sha1sum} field set to the correct value; everything
     * else, including line terminators, is left byte-for-byte unchanged.
     *
     * @param text the file text
     * @return the updated text
     * @throws IllegalArgumentException if the text has no {@code 'sha1sum' : '...'} entry
     */
    public static String withChecksum(String text) {
        Matcher m = FIELD_ENTRY.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException(
                    "no '" + FIELD + "' header entry; add a placeholder line such as    '"
                            + FIELD + "' : '',");
        }
        return text.substring(0, m.start(2)) + checksum(text) + text.substring(m.end(2));
    }

    /**
     * Tells whether the stored checksum of a mapping file is correct.
     *
     * @param file a mapping file
     * @return true if the field is present and matches
     * @throws IOException if the file cannot be read as UTF-8
     */
    public static boolean verify(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return storedChecksum(text).map(checksum(text)::equals).orElse(false);
    }

    /**
     * Rewrites the {@code sha1sum} field of a mapping file if it is stale.
     *
     * @param file a mapping file
     * @return true if the file was rewritten
     * @throws IOException if the file cannot be read or written
     */
    public static boolean update(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String updated = withChecksum(text);
        if (updated.equals(text)) {
            return false;
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
        return true;
    }

    /**
     * Lists the mapping files ({@code .pmap}, {@code .imap}, {@code .rmap}) directly inside a
     * directory, sorted by name; a mapping file given directly is returned alone.
     *
     * @param path a directory or a single mapping file
     * @return the mapping files
     * @throws IOException if the directory cannot be listed
     */
    public static List<Path> mappingFiles(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> EXTENSIONS.stream().anyMatch(p.getFileName().toString()::endsWith))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Command-line entry point; see the class description.
     *
     * @param args {@code [--check] [file-or-directory ...]}
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        boolean check = false;
        List<Path> roots = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--check")) {
                check = true;
            } else {
                roots.add(Path.of(arg));
            }
        }
        if (roots.isEmpty()) {
            Path fromRoot = Path.of("examples", "context");
            roots.add(Files.isDirectory(fromRoot) ? fromRoot : Path.of("context"));
        }
        int stale = run(roots, check, System.out);
        if (check && stale > 0) {
            System.exit(1);
        }
    }

    /**
     * Checks or updates every mapping under the given roots, reporting one line per file.
     *
     * @param roots directories or files
     * @param checkOnly if true nothing is written
     * @param out where the report goes
     * @return the number of files whose checksum was (or, with {@code checkOnly}, is) stale
     * @throws IOException if a file cannot be read or written
     */
    public static int run(List<Path> roots, boolean checkOnly, PrintStream out) throws IOException {
        int stale = 0;
        for (Path root : roots) {
            for (Path file : mappingFiles(root)) {
                boolean bad;
                if (checkOnly) {
                    bad = !verify(file);
                    out.println((bad ? "STALE " : "ok    ") + file);
                } else {
                    bad = update(file);
                    out.println((bad ? "updated " : "ok      ") + file);
                }
                if (bad) {
                    stale++;
                }
            }
        }
        return stale;
    }
}
