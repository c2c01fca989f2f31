package org.crdsj.certify;

import java.io.IOException;
import org.crdsj.fits.ReferenceHeader;
import org.crdsj.engine.tpn.ConstraintFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.crdsj.engine.diff.Difference;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;

/**
 * One {@code crds certify} run: certifies reference files and mappings against a comparison
 * context, reporting through a {@link CertifyLog} exactly as CRDS does (banners, per-file
 * "Certifying ..." lines, errors tracked with instrument, type and file). A file passes iff it
 * produced no error; the run's exit status is the error count. Not thread-safe (one per run).
 */
public final class Certifier {
    /**
     * What the command line decided. {@code mappingDir} holds {@code <obs>/} folders of mappings;
     * {@code referenceDir} (may be null) is where comparison references are looked up;
     * {@code comparisonReference} (may be null) with the text it was given as; {@code diffChecks}
     * reviews the logical differences of a mapping from its predecessor (CRDS's check-diffs warnings).
     */
    public record Options(Path workDir, String observatory, Path mappingDir, Path referenceDir, ConstraintFiles constraints,
                          String comparisonContext, Path comparisonReference, String comparisonReferenceDisplay,
                          boolean exist, boolean deep, boolean dontRecurse, boolean dontParse,
                          Consumer<List<Difference>> diffChecks) {
        public Options {
            Objects.requireNonNull(workDir, "workDir");
            Objects.requireNonNull(observatory, "observatory");
            Objects.requireNonNull(diffChecks, "diffChecks");
            Objects.requireNonNull(constraints, "constraints");
            Objects.requireNonNull(comparisonContext, "comparisonContext");
        }
    }

    /** A file named on the command line: as given, and where it is. */
    public record FileArg(String display, Path path) {}

    private final Options options;
    private final CertifyLog log;
    private ComparisonContext context;

    public Certifier(Options options, CertifyLog log) {
        this.options = options;
        this.log = log;
    }

    String observatory() {
        return options.observatory();
    }

    CertifyLog log() {
        return log;
    }

    ConstraintFiles constraints() {
        return options.constraints();
    }

    Options options() {
        return options;
    }

    Path comparisonReference() {
        return options.comparisonReference();
    }

    String comparisonReferenceDisplay() {
        return options.comparisonReferenceDisplay();
    }

    ComparisonContext context() {
        if (context == null) context = new ComparisonContext(options.comparisonContext(), loader().load(options.comparisonContext()));
        return context;
    }

    private MappingLoader loader;

    MappingLoader loader() {
        if (loader == null) loader = new MappingLoader(new MappingLocator(options.mappingDir()), new LoadOptions(false));
        return loader;
    }

    /** A reference by name in the reference directory, or null. */
    Path locateReference(String name) {
        Path p = referencePath(name);
        return Files.exists(p) ? p : null;
    }

    /** Where a reference would be in the reference directory. */
    Path referencePath(String name) {
        Path dir = options.referenceDir() != null ? options.referenceDir() : options.workDir();
        return dir.resolve(name);
    }

    /** A located file as CRDS shows it: relative to the working directory when under it. */
    String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(options.workDir()) ? options.workDir().relativize(abs).toString() : abs.toString();
    }

    /** Certifies the files (mappings expanded to their closure unless told not to). */
    public void certify(List<FileArg> files) {
        List<FileArg> all;
        if (options.dontRecurse()) {
            all = new ArrayList<>(files);
            all.sort((a, b) -> a.display().compareTo(b.display()));
        } else {
            all = MappingCertifier.closure(this, files);
        }
        for (int i = 0; i < all.size(); i++) {
            banner();
            certifyFile(all.get(i), " (" + (i + 1) + "/" + all.size() + ")");
        }
        banner();
    }

    void banner() {
        log.info("#".repeat(40));
    }

    /** The file format CRDS assigns: mapping, fits, geis, asdf, json, yaml or unknown. */
    static String fileType(Path path) {
        String name = path.getFileName().toString();
        if (name.endsWith(".pmap") || name.endsWith(".imap") || name.endsWith(".rmap")) return "mapping";
        try {
            return ReferenceHeader.formatOf(path).toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "unknown";
        }
    }

    void certifyFile(FileArg file, String ith) {
        if (file.display().equals("N/A")) return;
        String type = fileType(file.path());
        String against = options.comparisonReference() != null
                ? " and comparison reference " + PyValues.repr(options.comparisonReferenceDisplay()) : "";
        log.info("Certifying " + PyValues.repr(file.display()) + ith + " as " + PyValues.repr(type.toUpperCase(Locale.ROOT))
                + " relative to context " + PyValues.repr(options.comparisonContext()) + against);
        try {
            switch (type) {
                case "mapping":
                    new MappingCertifier(this, file).certify();
                    break;
                case "fits":
                case "geis":
                case "asdf":
                case "json":
                case "yaml":
                    new ReferenceCertifier(this, file, type).certify();
                    break;
                default:
                    log.warning("No certifier defined for " + PyValues.repr(file.path().getFileName().toString()));
                    if (!Files.isReadable(file.path())) throw new CheckFailure("Error parsing  : [Errno 2] No such file or directory: " + PyValues.repr(file.display()));
            }
        } catch (RuntimeException e) {
            trackedError(file, "Validation error : " + message(e));
        }
    }

    /** An error about a file, prefixed with its instrument, type and name as CRDS tracks errors. */
    void trackedError(FileArg file, String message) {
        String instrument = "UNKNOWN", type = "UNKNOWN";
        try {
            FileProperties.Kind kind = MappingCertifier.isMapping(file.display())
                    ? MappingCertifier.mappingKind(this, file.path()) : FileProperties.of(observatory(), file.path());
            instrument = kind.instrument().toUpperCase(Locale.ROOT);
            type = kind.filekind().toUpperCase(Locale.ROOT);
        } catch (RuntimeException e) {
            // CRDS tracks such errors as 'unknown'
        }
        log.error("instrument=" + PyValues.repr(instrument) + " type=" + PyValues.repr(type) + " data=" + PyValues.repr(file.display())
                + " ::  " + message);
    }

    /** Python's {@code str(exception)} for the failures certify traps. */
    static String message(Throwable e) {
        String m = e.getMessage();
        if (e instanceof org.crdsj.engine.rules.RulesException r && r.kind() == org.crdsj.engine.rules.RulesException.Kind.BAD_EXPRESSION
                && r.detail() != null && r.detail().contains("but found")) {
            // CRDS reports a header expression that does not parse with Python's compiler message;
            // two operands in a row is Python's "forgot a comma" case. Our position is in r.pos().
            return r.detail().startsWith("expected ')' or ','")
                    ? "invalid syntax. Perhaps you forgot a comma? (<unknown>, line 1)" : "invalid syntax (<unknown>, line 1)";
        }
        if (e instanceof org.crdsj.engine.rules.RulesException r && r.detail() != null
                && r.kind() != org.crdsj.engine.rules.RulesException.Kind.SYNTAX
                && r.kind() != org.crdsj.engine.rules.RulesException.Kind.MISSING_FILE) {
            return r.detail();   // CRDS's own text; only syntax errors keep our file:line:column
        }
        if (m != null) {
            java.util.regex.Matcher missing = java.util.regex.Pattern.compile("^(.*?): mapping file not found").matcher(m);
            if (missing.find()) return "[Errno 2] No such file or directory: " + PyValues.repr(missing.group(1));
        }
        if (e instanceof java.nio.file.NoSuchFileException) return "[Errno 2] No such file or directory: " + PyValues.repr(m);
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** The loaded mapping for a path (checksums not enforced). */
    Mapping loadMapping(Path path) {
        return loader().loadFile(path);
    }
}
