package org.crdsj.engine.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crdsj.engine.observatory.Observatory;

/**
 * Finds a mapping file from its name. A name with a directory part is a path (relative to the
 * working directory, as CRDS treats it, else to the mapping directory). A bare name is looked up under the mapping directory:
 * {@code <dir>/<observatory>/<name>} (CRDS's cache layout, observatory = the name's prefix), then
 * {@code <dir>/<name>} (a flat directory of rules).
 */
public final class MappingLocator {
    private final Path mappingDir;

    /** @param mappingDir the mapping directory; null to accept only paths */
    public MappingLocator(Path mappingDir) {
        this.mappingDir = mappingDir;
    }

    public Optional<Path> mappingDir() { return Optional.ofNullable(mappingDir); }

    /**
     * The first place {@link #locate} looks for {@code name} ({@code <dir>/<prefix>/<name>} for a
     * bare name with a prefix), without looking; null when the name is a path or has no prefix.
     * {@link #locate} returns it exactly when a regular file is there.
     */
    public Path firstCandidate(String name) {
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || mappingDir == null) return null;
        int underscore = name.indexOf('_');
        return underscore < 0 ? null : mappingDir.resolve(name.substring(0, underscore)).resolve(name);
    }

    /** The file for {@code name}; throws a MISSING_FILE error naming where it looked. */
    public Path locate(String name, String requestedBy) {
        List<Path> tried = new ArrayList<>();
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || mappingDir == null) {
            Path p = Path.of(name);
            if (Files.isRegularFile(p)) return p;
            tried.add(p);
            // Convenience beyond CRDS: a relative path may also be taken under the mapping directory
            // (e.g. hst/synphot_tmctab.rmap, whose name does not start with its observatory).
            if (mappingDir != null && !p.isAbsolute()) {
                Path under = mappingDir.resolve(p);
                if (Files.isRegularFile(under)) return under;
                tried.add(under);
            }
        } else {
            // Each candidate is made only when the ones before it are missing (plain code: this runs
            // for every file of every load, where lambdas and extra paths show).
            String prefix = name.indexOf('_') >= 0 ? name.substring(0, name.indexOf('_')) : null;
            Path first = null;
            if (prefix != null) {
                first = mappingDir.resolve(prefix).resolve(name);
                if (Files.isRegularFile(first)) return first;
                tried.add(first);
            }
            Optional<Observatory> obs = Observatory.fromName(name);
            if (obs.isPresent()) {
                Path p = prefix != null && prefix.equals(obs.get().id()) ? first : mappingDir.resolve(obs.get().id()).resolve(name);
                if (p != first && Files.isRegularFile(p)) return p;
                tried.add(p);
            }
            Path flat = mappingDir.resolve(name);
            if (Files.isRegularFile(flat)) return flat;
            tried.add(flat);
        }
        String by = requestedBy == null ? "" : " (named in " + requestedBy + ")";
        throw new RulesException(RulesException.Kind.MISSING_FILE, name,
                "mapping file not found" + by + "; looked for " + tried);
    }
}
