package org.crdsj.cli;

import java.nio.file.Path;

/**
 * Where mappings are found, as CRDS users configure it: {@code --mappath}, else
 * {@code $CRDS_MAPPATH}, else {@code $CRDS_PATH/mappings}, else the current directory.
 */
final class MappingPath {
    private MappingPath() {}

    static Path resolve(Path option) {
        if (option != null) return option;
        String mappath = System.getenv("CRDS_MAPPATH");
        if (mappath != null && !mappath.isBlank()) return Path.of(mappath);
        String crdsPath = System.getenv("CRDS_PATH");
        if (crdsPath != null && !crdsPath.isBlank()) return Path.of(crdsPath).resolve("mappings");
        return Path.of(".");
    }
}
