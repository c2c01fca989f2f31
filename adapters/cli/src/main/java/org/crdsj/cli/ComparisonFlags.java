package org.crdsj.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code crds bestrefs} options of CRDS's context-to-context comparison: where the datasets
 * come from (a store, or CRDS's JSON parameter files) and how differences are judged and printed.
 */
final class ComparisonFlags {
    @Option(names = "--datasets", paramLabel = "STORE", description = "Datasets from a dataset store (crds store import).")
    Path datasets;

    @Option(names = {"-p", "--load-pickles"}, paramLabel = "FILE.json", arity = "1..*",
            description = "Datasets from CRDS parameter files ({\"<id>\": {header}} per line); later files update earlier ones keyword by keyword.")
    List<Path> loadPickles;

    @Option(names = "--affected-datasets", description = "CRDS's reprocessing bundle: only the types the rules diff affects, "
            + "datasets since --datasets-since=auto, undefined and N/A differences matter, print affected product ids.")
    boolean affectedDatasets;

    @Option(names = "--print-affected", description = "Print the affected product ids on standard output, sorted.")
    boolean printAffected;

    @Option(names = "--print-new-references", description = "Print one line per changed assignment: id instrument type old new (with --files: file instrument type old new, instead of the table).")
    boolean printNewReferences;

    @Option(names = "--print-update-counts", description = "Log the number of updates per instrument and type.")
    boolean printUpdateCounts;

    @Option(names = "--undefined-differences-matter", description = "An unmatched or undefined assignment is an error, not N/A.")
    boolean undefinedDifferencesMatter;

    @Option(names = "--na-differences-matter", description = "With --differences-are-errors, a difference to or from N/A is an error too.")
    boolean naDifferencesMatter;

    @Option(names = "--differences-are-errors", description = "Every difference is an error (regression mode).")
    boolean differencesAreErrors;

    @Option(names = "--datasets-since", paramLabel = "DATE|auto",
            description = "Only datasets whose exposure time is not earlier (any date form CRDS reads; auto: derived from the rules diff).")
    String datasetsSince;

    @Option(names = "--max-errors-per-class", paramLabel = "N", defaultValue = "500",
            description = "Errors of one class logged before the rest are only counted (default 500).")
    int maxErrorsPerClass;

    @Option(names = "--threads", paramLabel = "N", description = "Threads evaluating datasets (default: all cores).")
    Integer threads;

    @Option(names = "--json", description = "Write the comparison report as one JSON object on standard output.")
    boolean json;

    @Option(names = "--no-summary", description = "Leave out the per-instrument/type summary on standard error.")
    boolean noSummary;

    /** True when the command line asks for CRDS's comparison rather than per-dataset JSON differences. */
    boolean requested() {
        return datasets != null || loadPickles != null || affectedDatasets || printAffected || printNewReferences
                || printUpdateCounts || undefinedDifferencesMatter || naDifferencesMatter || differencesAreErrors
                || datasetsSince != null || json;
    }
}
