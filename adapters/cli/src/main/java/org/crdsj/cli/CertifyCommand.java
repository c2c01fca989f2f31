package org.crdsj.cli;

import org.crdsj.engine.tpn.ConstraintFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crdsj.certify.CertifyLog;
import org.crdsj.certify.Certifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crds certify}: checks reference files (FITS, GEIS, ASDF) against the constraint files
 * and mappings against the rules of CRDS, relative to a comparison context. Exit status is the
 * number of errors (modulo 256, as CRDS's process exit status).
 */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = {"Check CRDS reference files and mappings (rules) as CRDS's certifier does.",
                "Constraint files are read from $CRDS_TPN_DIR/<observatory>/."})
final class CertifyCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    CrdsCommand parent;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "References or mappings to certify.")
    List<String> files;

    @Option(names = {"-x", "--comparison-context"}, paramLabel = "CONTEXT",
            description = "Context defining comparison files (a mapping name; bare names are in the mapping directory).")
    String comparisonContext;

    @Option(names = {"-y", "--comparison-reference"}, paramLabel = "OLD", description = "Comparison reference for table mode checks.")
    String comparisonReference;

    @Option(names = {"-e", "--exist"}, description = "Check that the references named by rmaps exist.")
    boolean exist;

    @Option(names = {"-d", "--deep"}, description = "Also certify the references named by rmaps.")
    boolean deep;

    @Option(names = {"-r", "--dont-recurse-mappings"}, description = "Check only the mappings given, not their closures.")
    boolean dontRecurse;

    @Option(names = {"-a", "--dont-parse"}, description = "Skip the duplicate-entry parse of mappings.")
    boolean dontParse;

    @Option(names = {"-p", "--dump-provenance"}, description = "Accepted for compatibility; provenance is not dumped.")
    boolean dumpProvenance;

    @Option(names = {"-v", "--verbose"}, description = "Debug output.")
    boolean verbose;

    @Option(names = {"--mappath"}, paramLabel = "DIR", description = "Mapping directory; default $CRDS_MAPPATH or $CRDS_PATH/mappings.")
    Path mappath;

    @Option(names = {"-H", "--hst"}, description = "Observatory HST.")
    boolean hst;

    @Option(names = {"-J", "--jwst"}, description = "Observatory JWST.")
    boolean jwst;

    @Option(names = {"--roman"}, description = "Observatory Roman.")
    boolean roman;

    @Override
    public Integer call() {
        ToolEnvironment env = parent.environment();
        CrdsLog crdsLog = new CrdsLog(env.err(), verbose);
        CertifyLog log = adapt(crdsLog);
        String observatory = observatory(env);
        if (comparisonContext != null && List.of("none", "NONE", "None").contains(comparisonContext)) {
            log.warning("It is no longer possible to run the certifier without a comparison context.  Using default context instead.");
            comparisonContext = null;
        }
        if (comparisonContext == null) {
            log.info("Defaulting --comparison-context to operational context.");
            comparisonContext = env.variable("CRDS_CONTEXT").orElse(null);
            if (comparisonContext == null) {
                crdsLog.error("(FATAL) No comparison context: serverless certify needs --comparison-context or $CRDS_CONTEXT.");
                return 255;
            }
        }
        Path tpnDir = env.tpnDir().orElse(env.path("tpns"));
        Path refDir = env.variable("CRDS_REFPATH").map(p -> env.path(p).resolve(observatory))
                .orElse(env.variable("CRDS_PATH").map(p -> env.path(p).resolve("references").resolve(observatory)).orElse(null));
        Certifier.Options options = new Certifier.Options(env.workDir(), observatory, env.mappath(mappath), refDir,
                new ConstraintFiles(tpnDir), comparisonContext, comparisonReference == null ? null : env.path(comparisonReference),
                comparisonReference, exist, deep, dontRecurse, dontParse, diffs -> DiffChecks.check(crdsLog, diffs));
        List<Certifier.FileArg> args = new ArrayList<>();
        for (String f : files) args.add(new Certifier.FileArg(f, env.path(f)));
        new Certifier(options, log).certify(args);
        int infos = crdsLog.infos();
        crdsLog.info(crdsLog.errors() + " errors");
        crdsLog.info(crdsLog.warnings() + " warnings");
        crdsLog.info(infos + " infos");
        return crdsLog.errors() % 256;
    }

    private String observatory(ToolEnvironment env) {
        if (hst) return "hst";
        if (jwst) return "jwst";
        if (roman) return "roman";
        if (env.observatory().isPresent()) return env.observatory().get();
        List<String> names = new ArrayList<>();
        if (comparisonContext != null) names.add(comparisonContext);
        names.addAll(files);
        for (String n : names) {
            String base = Path.of(n).getFileName().toString().toLowerCase(Locale.ROOT);
            for (String obs : List.of("hst", "jwst", "roman")) if (base.startsWith(obs)) return obs;
        }
        return "hst";
    }

    private static CertifyLog adapt(CrdsLog log) {
        return new CertifyLog() {
            @Override public void info(String message) { log.info(message); }
            @Override public void warning(String message) { log.warning(message); }
            @Override public void error(String message) { log.error(message); }
            @Override public void debug(String message) { log.debug(message); }
            @Override public int errors() { return log.errors(); }
            @Override public int warnings() { return log.warnings(); }
        };
    }
}
