package org.crdsj.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.crdsj.cli.MappingFiles.Failure;
import org.crdsj.engine.values.CodePointOrder;
import org.crdsj.engine.values.PythonRepr;

/**
 * Where CRDS looks for a mapping by name, and the "fake" local names {@code crds newcontext}
 * gives new mappings: the next serial after the highest {@code <series>_NNNN} of the same series
 * in the mapping directory, a {@code _0001} series for an unnumbered name, skipping names that
 * exist, always written as {@code ./<name>}.
 */
final class LocalMappingNames {
    private static final Pattern ANY_SERIAL = Pattern.compile("_\\d+");
    private static final Pattern SERIAL_AT_END = Pattern.compile("_\\d+(\\..map)");
    private static final Pattern LAST_SERIAL = Pattern.compile("_(\\d+)\\..map");
    private static final Pattern REPLACE_SERIAL = Pattern.compile("_(\\d+)(\\.[pir]map)");
    private static final Pattern UNNUMBERED = Pattern.compile("\\w+[^\\d]+\\..map", Pattern.UNICODE_CHARACTER_CLASS);

    private final Path workDir;
    private final Path mappath;

    LocalMappingNames(Path workDir, Path mappath) {
        this.workDir = workDir;
        this.mappath = mappath;
    }

    /**
     * The file CRDS means by {@code name}: with a directory part, a path from the working
     * directory; else {@code <mappath>/<observatory>/<name>} (or a flat {@code <mappath>/<name>}).
     */
    Path locate(String name) {
        if (name.contains("/")) return workDir.resolve(name).normalize();
        List<Path> candidates = candidates(name);
        for (Path p : candidates) if (Files.exists(p)) return p;
        return candidates.get(0);
    }

    private List<Path> candidates(String name) {
        List<Path> out = new ArrayList<>();
        int u = name.indexOf('_');
        if (u > 0) out.add(mappath.resolve(name.substring(0, u)).resolve(name));
        out.add(mappath.resolve(name));
        return out;
    }

    /** A new local name for a mapping of the series of {@code oldName}, {@code ./<name>}. */
    String next(String oldName) throws Failure {
        return next(oldName, 0);
    }

    private String next(String oldName, int depth) throws Failure {
        if (depth > 10_000) throw new Failure("no free mapping name after " + PythonRepr.str(oldName));
        String newName;
        if (ANY_SERIAL.matcher(oldName).find()) {
            Optional<String> last = lastOfSeries(SERIAL_AT_END.matcher(oldName).replaceAll("_*$1"));
            if (last.isPresent()) {
                Matcher m = LAST_SERIAL.matcher(last.get());
                if (!m.find()) throw new Failure("cannot read the serial number of " + PythonRepr.str(last.get()));
                long serial = Long.parseLong(m.group(1)) + 1;
                newName = REPLACE_SERIAL.matcher(oldName).replaceAll(Matcher.quoteReplacement(
                        "_" + String.format(java.util.Locale.ROOT, "%04d", serial)) + "$2");
            } else {
                newName = oldName;
            }
        } else if (UNNUMBERED.matcher(oldName).find()) {
            int dot = oldName.lastIndexOf('.');
            newName = next(oldName.substring(0, dot) + "_0001" + oldName.substring(dot), depth + 1);
        } else {
            throw new Failure("Unrecognized mapping filename " + PythonRepr.str(oldName));
        }
        if (exists(newName)) {
            if (newName.equals(oldName)) throw new Failure("no free mapping name after " + PythonRepr.str(oldName));
            return next(newName, depth + 1);
        }
        return newName.startsWith("./") ? newName : "./" + newName.substring(newName.lastIndexOf('/') + 1);
    }

    private boolean exists(String name) {
        if (name.contains("/")) return Files.exists(workDir.resolve(name));
        return candidates(name).stream().anyMatch(Files::exists);
    }

    /** The last (in code-point order) existing file matching a {@code *} pattern, as a path string. */
    private Optional<String> lastOfSeries(String pattern) {
        Path where = locate(pattern);
        if (!pattern.contains("/")) {
            // CRDS looks in <mappath>/<observatory>; a flat mapping directory is searched as well.
            for (Path p : candidates(pattern)) {
                if (Files.isDirectory(p.getParent())) {
                    where = p;
                    break;
                }
            }
        }
        Path dir = where.getParent();
        String glob = where.getFileName().toString();
        if (!Files.isDirectory(dir)) return Optional.empty();
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            var matcher = dir.getFileSystem().getPathMatcher("glob:" + glob);
            s.filter(p -> !p.getFileName().toString().startsWith(".") && matcher.matches(p.getFileName()))
                    .forEach(p -> found.add(p.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(CodePointOrder.STRINGS);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }
}
