package org.crdsj.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code crds} command sees of the world outside it: the working directory that relative
 * paths resolve against, the environment variables CRDS honours, and the two output streams.
 * Commands never read {@code System.getenv}, {@code user.dir} or {@code System.out} directly, so
 * tests can run any command line in-process "from" a scratch directory.
 *
 * <p>Variables read: {@code CRDS_PATH}, {@code CRDS_MAPPATH}, {@code CRDS_REFPATH},
 * {@code CRDS_OBSERVATORY}, {@code CRDS_TPN_DIR} (certify constraint files, one folder per
 * observatory), {@code CRDS_SERVER_URL} (accepted; this implementation always works serverless).
 */
public record ToolEnvironment(Path workDir, Map<String, String> variables, PrintStream out, PrintStream err) {

    public ToolEnvironment {
        workDir = workDir.toAbsolutePath().normalize();
        variables = Map.copyOf(variables);
    }

    /** The real process: current directory, real environment, standard streams. */
    public static ToolEnvironment system() {
        return new ToolEnvironment(Path.of("").toAbsolutePath(), System.getenv(), System.out, System.err);
    }

    /** A path given on the command line, resolved against the working directory. */
    public Path path(String given) {
        return workDir.resolve(given).normalize();
    }

    /** A path option, resolved against the working directory (null stays null). */
    public Path path(Path given) {
        return given == null ? null : workDir.resolve(given).normalize();
    }

    /** A non-blank environment variable. */
    public Optional<String> variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The mapping directory: the option if given, else {@code $CRDS_MAPPATH}, else
     * {@code $CRDS_PATH/mappings}, else the working directory.
     */
    public Path mappath(Path option) {
        if (option != null) return path(option);
        Optional<String> mappath = variable("CRDS_MAPPATH");
        if (mappath.isPresent()) return path(mappath.get());
        Optional<String> crdsPath = variable("CRDS_PATH");
        if (crdsPath.isPresent()) return path(crdsPath.get()).resolve("mappings");
        return workDir;
    }

    /** The observatory named by {@code $CRDS_OBSERVATORY}, lower case, if set. */
    public Optional<String> observatory() {
        return variable("CRDS_OBSERVATORY").map(v -> v.toLowerCase(java.util.Locale.ROOT));
    }

    /** The directory of certify constraint files ({@code $CRDS_TPN_DIR}), if set. */
    public Optional<Path> tpnDir() {
        return variable("CRDS_TPN_DIR").map(this::path);
    }
}
