package org.crdsj.certify;

import java.io.UncheckedIOException;
import org.crdsj.fits.ReferenceHeader;
import org.crdsj.engine.tpn.TpnInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.select.Choice;
import org.crdsj.engine.select.Selection;
import org.crdsj.engine.select.Selector;
import org.crdsj.engine.values.Conditioning;
import org.crdsj.engine.values.Timestamps;
import org.crdsj.grammar.syntax.Value;

/**
 * Certifies one reference file (FITS, GEIS, ASDF) against the constraint files and the
 * comparison context, in CRDS's order: constraint set with rmap parameters made required, file
 * format checks and header load, each constraint, table mode checks against the file it
 * replaces, then the project checks that need the governing rmap.
 */
final class ReferenceCertifier {
    private final Certifier run;
    private final Certifier.FileArg file;
    private final String display;     // the path as given on the command line
    private final Path path;
    private final String fileType;
    private final String observatory;
    private final CertifyLog log;
    private FitsReference fits;                   // null unless FITS
    private FitsReads reads;                      // astropy's repeated warnings; null unless FITS
    private List<FitsReference.Table> tables;      // read on first use, as CRDS's cached table reader

    ReferenceCertifier(Certifier run, Certifier.FileArg file, String fileType) {
        this.run = run;
        this.file = file;
        this.display = file.display();
        this.path = file.path();
        this.fileType = fileType;
        this.observatory = run.observatory();
        this.log = run.log();
    }

    private String basename() {
        return path.getFileName().toString();
    }

    void certify() {
        FileProperties.Kind kind = FileProperties.of(observatory, path);
        List<Validator> validators = validators(kind);
        List<String> modeColumns = TypeSpecs.of(observatory).rowKeys(kind.instrument(), kind.filekind());

        Map<String, Object> header = null;
        try {
            if (fileType.equals("fits")) {
                if (!basename().endsWith(".fits")) return;
                fits = FitsReference.read(path);
                reads = new FitsReads(fits, log);
                // Before the format check CRDS has read the header to learn the file's type (when
                // its name does not tell), and counted its tables when the type has mode columns.
                if (!FileProperties.namedByFile(observatory, path)) reads.open(false);
                if (!modeColumns.isEmpty()) reads.open(true);
                reads.open(true);   // the format check's open (verifies checksums)
                for (FitsReference.Hdu h : fits.hdus()) {
                    if (h.name().equals("ASDF")) {
                        run.trackedError(file, "FITS files must not include an ASDF extension");
                        break;
                    }
                }
                log.info("FITS file " + PyValues.repr(basename()) + " conforms to FITS standards.");
            }
            header = load(kind, fits, validators);
        } catch (IOException | RuntimeException e) {
            run.trackedError(file, "Error loading : " + Certifier.message(e));
            return;
        }

        Validator.Reference ref = reference(header, fits);
        for (Validator v : validators) {
            try {
                v.check(ref);
            } catch (RuntimeException e) {
                Object presence = v.applicable(header, log);
                if ("W".equals(presence)) log.warning("Checking " + PyValues.repr(v.name()) + " failed: " + Certifier.message(e));
                else run.trackedError(file, "Checking " + PyValues.repr(v.name()) + " : " + Certifier.message(e));
            }
        }

        if (!modeColumns.isEmpty() && fits != null && !fits.tables().isEmpty()) {
            try {
                certifyModes(kind, tables(), modeColumns);
            } catch (IOException | RuntimeException e) {
                run.trackedError(file, "Checking reference modes for " + PyValues.repr(display) + " : " + Certifier.message(e));
            }
        }

        if (fileType.equals("asdf")) {
            String version = null;
            try {
                version = ReferenceHeader.read(path).get("ASDF_LIBRARY.VERSION");
            } catch (UncheckedIOException e) {
                throw new CheckFailure(e.getCause().getMessage());
            }
            if (version != null && !version.matches("^[0-9]+\\.[0-9]+\\.[0-9]+$")) {
                log.warning("File written with dev version of asdf library: " + version);
            }
        }
        if (reads != null) reads.open(false);   // the probe for an ASDF extension
        if (fileType.equals("fits") || fileType.equals("asdf")) {
            // The project checks start by finding the governing rmap; CRDS fails here when it is unknown.
            run.context().rmap(kind.instrument(), kind.filekind());
        }
    }

    private List<Validator> validators(FileProperties.Kind kind) {
        List<TpnInfo> infos = run.constraints().constraints(observatory, kind.instrument(), kind.filekind(), false);
        Set<String> parkeys = new HashSet<>(rmapParkeys(kind));
        List<Validator> out = new ArrayList<>();
        for (TpnInfo info : infos) {
            Validator v = new Validator(info);
            out.add(v.optional() && parkeys.contains(v.name()) ? v.required() : v);
        }
        return out;
    }

    private List<String> rmapParkeys(FileProperties.Kind kind) {
        try {
            return run.context().rmap(kind.instrument(), kind.filekind()).requiredParkeys();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private ReferenceMapping governingOrNull(FileProperties.Kind kind) {
        try {
            return run.context().rmap(kind.instrument(), kind.filekind());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The header as the constraints see it: dataset terms, arrays, numbers, UNDEFINED defaults. */
    private Map<String, Object> load(FileProperties.Kind kind, FitsReference fits, List<Validator> validators) throws IOException {
        Map<String, String> raw = ReferenceHeader.read(path);
        if (reads != null) reads.open(false);   // the header read proper
        Map<String, String> mapped = new LinkedHashMap<>(raw);
        ReferenceMapping rmap = governingOrNull(kind);
        if (rmap != null) {
            try {
                mapped = datasetTerms(rmap, raw);
            } catch (RuntimeException e) {
                run.trackedError(file, "Error mapping reference names and values to dataset names and values : " + Certifier.message(e));
            }
        }
        Map<String, Object> header = new LinkedHashMap<>(mapped);
        addArrays(header, fits, validators);
        Map<String, Object> eval = evalHeader(header);
        for (Validator v : validators) {
            Object value = eval.get(v.complexName());
            if (value == null) eval.put(v.complexName(), "UNDEFINED");
        }
        return eval;
    }

    /** CRDS's translation of reference keywords to dataset terms (USEAFTER to the date parameters). */
    private Map<String, String> datasetTerms(ReferenceMapping rmap, Map<String, String> header) {
        Map<String, String> out = new LinkedHashMap<>(header);
        if (observatory.equals("hst")) {
            if (header.containsKey("USEAFTER")) {
                String[] parts = useafter(header).split(" ");
                out.put("DATE-OBS", parts[0]);
                out.put("DATE_OBS", parts[0]);
                out.put("TIME-OBS", parts[1]);
                out.put("TIME_OBS", parts[1]);
            }
            return out;
        }
        boolean pars = rmap.name().split("-").length > 1;
        String prefix = pars ? "META" : "ROMAN.META";
        Map<String, String> translations = new LinkedHashMap<>();
        translations.put(prefix + ".EXPOSURE.P_EXPTYPE", prefix + ".EXPOSURE.TYPE");
        translations.put(prefix + ".INSTRUMENT.P_DETECTOR", prefix + ".INSTRUMENT.DETECTOR");
        translations.put(prefix + ".INSTRUMENT.P_OPTICAL_ELEMENT", prefix + ".INSTRUMENT.OPTICAL_ELEMENT");
        rmap.header().raw("reference_to_dataset").ifPresent(v -> {
            if (v instanceof Value.Dict d) {
                for (Value.Entry e : d.entries()) {
                    if (e.key() instanceof Value.Str k && e.value() instanceof Value.Str t) {
                        translations.put(k.value().toUpperCase(Locale.ROOT), t.value().toUpperCase(Locale.ROOT));
                    }
                }
            }
        });
        for (Map.Entry<String, String> t : translations.entrySet()) {
            if (header.containsKey(t.getKey())) out.put(t.getValue(), header.get(t.getKey()));
        }
        out.putIfAbsent(prefix + ".SUBARRAY.NAME", "UNDEFINED");
        out.putIfAbsent(prefix + ".EXPOSURE.TYPE", "UNDEFINED");
        if (header.containsKey("ROMAN.META.USEAFTER") || header.containsKey("META.USEAFTER") || header.containsKey("USEAFTER")) {
            out.put(prefix + ".EXPOSURE.START_TIME", useafter(header));
        }
        return out;
    }

    private static String useafter(Map<String, String> header) {
        String v = header.getOrDefault("USEAFTER", header.getOrDefault("META.USEAFTER", header.getOrDefault("ROMAN.META.USEAFTER", "UNDEFINED")));
        try {
            return Timestamps.reformatDate(v);
        } catch (RuntimeException e) {
            throw new CheckFailure("Bad USEAFTER time format = " + PyValues.repr(v));
        }
    }

    private void addArrays(Map<String, Object> header, FitsReference fits, List<Validator> validators) {
        List<Validator> arrays = new ArrayList<>();
        for (Validator v : validators) if (v.info().keytype().equals("A") || v.info().keytype().equals("D")) arrays.add(v);
        for (Validator v : arrays) {
            if (header.containsKey(v.complexName())) continue;
            if (reads != null) {
                // CRDS opens the file for the array, and again to find an HDU given by name.
                reads.open(true);
                if (!v.name().matches("(EXT(ENSION)?)?\\d+.*")) reads.open(true);
            }
            ArrayInfo info = fits == null ? null : fits.arrayInfo(v.name());
            header.put(v.complexName(), info == null ? "UNDEFINED" : info);
        }
        Set<String> seen = new HashSet<>();
        for (Validator v : arrays) {
            if (!"UNDEFINED".equals(header.get(v.complexName()))) continue;
            if (seen.contains(v.complexName())) continue;
            try {
                v.handleMissing(header, log);
            } catch (CheckFailure e) {
                run.trackedError(file, "Missing required array " + PyValues.repr(v.name()));
                seen.add(v.complexName());
            }
        }
    }

    /** Numbers in strings become numbers; dotted keys are also given with underscores. */
    static Map<String, Object> evalHeader(Map<String, Object> header) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : header.entrySet()) out.put(e.getKey(), destringize(e.getValue()));
        Map<String, Object> copy = new LinkedHashMap<>(out);
        for (Map.Entry<String, Object> e : copy.entrySet()) {
            String clean = e.getKey().replaceAll("([A-Za-z][A-Za-z0-9_]*)\\.", "$1_");
            out.put(clean, e.getValue());
        }
        return out;
    }

    private static Object destringize(Object v) {
        if (!(v instanceof String s)) return v;
        String t = s.strip().replace("_", "");
        if (t.matches("[+-]?\\d+") && !s.strip().startsWith("_") && !s.strip().endsWith("_")) {
            try {
                return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            } catch (NumberFormatException e) {
                return s;
            }
        }
        String f = s.strip();
        if (f.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) return Double.parseDouble(f);
        if (f.matches("(?i)[+-]?(nan|inf|infinity)")) {
            return Double.parseDouble(f.replaceAll("(?i)inf(inity)?", "Infinity").replaceAll("(?i)nan", "NaN"));
        }
        return s;
    }

    /** The file's tables: the first use reads them (one open to list them, one per table). */
    private List<FitsReference.Table> tables() {
        if (tables == null) {
            tables = fits == null ? List.of() : fits.tables();
            if (reads != null) reads.opens(1 + tables.size(), true);
        }
        return tables;
    }

    private Validator.Reference reference(Map<String, Object> header, FitsReference fits) {
        return new Validator.Reference() {
            @Override public String filename() { return display; }
            @Override public Map<String, Object> header() { return header; }
            @Override public List<FitsReference.Table> tables() { return ReferenceCertifier.this.tables(); }
            @Override public CertifyLog log() { return log; }
            @Override public FitsReference fits() { return fits; }
            @Override public String contextName() { return run.context().name(); }
            @Override public String synphotFile(String filekind, String compname) {
                ReferenceMapping rmap = run.context().rmap("synphot", filekind);
                for (Selection s : rmap.selector().selections()) {
                    if (s.rawKey() instanceof Value.Tuple t && !t.items().isEmpty() && t.items().get(0) instanceof Value.Str k
                            && k.value().toLowerCase(Locale.ROOT).equals(compname) && s.choice() instanceof Choice.Terminal f) {
                        return f.value();
                    }
                }
                return null;
            }
        };
    }

    // ------------------------------------------------------------------------------ table modes

    private void certifyModes(FileProperties.Kind kind, List<FitsReference.Table> tables, List<String> modeColumns) throws IOException {
        String oldDisplay;
        Path oldPath;
        if (run.comparisonReference() != null) {
            oldDisplay = run.comparisonReferenceDisplay();
            oldPath = run.comparisonReference();
        } else {
            String old = findOldReference(kind);
            if (old == null || old.equals(basename())) {
                for (FitsReference.Table t : tables) TableModes.modes("new reference", display, t, modeColumns, log);
                log.warning("No comparison reference for " + PyValues.repr(basename()) + " in context "
                        + PyValues.repr(run.context().name()) + ". Skipping tables comparison.");
                return;
            }
            oldDisplay = old;
            oldPath = Path.of(old);
        }
        List<FitsReference.Table> oldTables = FitsReference.read(oldPath).tables();
        if (reads != null) reads.open(true);   // counting the new file's tables against the old one's
        if (oldTables.size() != tables.size()) {
            log.warning("Differing HDU counts in " + PyValues.repr(oldDisplay) + " and " + PyValues.repr(basename()) + " : "
                    + oldTables.size() + " vs. " + tables.size());
        }
        for (int i = 0; i < Math.min(oldTables.size(), tables.size()); i++) {
            try {
                TableModes.compare(oldDisplay, oldTables.get(i), display, tables.get(i), modeColumns, log);
            } catch (RuntimeException e) {
                run.trackedError(file, "Checking tables modes in segment " + i + " of " + PyValues.repr(display) + " : " + Certifier.message(e));
            }
        }
    }

    /**
     * The file this reference would replace in the comparison context, as a path, or null. An
     * identified predecessor that is not available locally only warns (certify runs serverless).
     */
    private String findOldReference(FileProperties.Kind kind) {
        ReferenceMapping rmap;
        String replaced;
        try {
            rmap = run.context().rmap(kind.instrument(), kind.filekind());
            if (ComparisonContext.referenceNames(rmap).contains(basename())) return basename();
            replaced = replacedFile(rmap);
        } catch (RuntimeException e) {
            log.warning("Failed resolving comparison reference for table checks : " + Certifier.message(e));
            return null;
        }
        if (replaced == null) {
            log.info("No file corresponding to " + PyValues.repr(display) + " in context " + PyValues.repr(rmap.name()));
            return null;
        }
        log.info("Syncing 1 files");
        Path local = run.locateReference(replaced);
        if (local == null || !Files.exists(local)) {
            log.warning("Failed to obtain reference comparison file " + PyValues.repr(replaced) + " : <not available offline>");
            return null;
        }
        log.info("Comparing reference " + PyValues.repr(basename()) + " against " + PyValues.repr(replaced));
        return local.toString();
    }

    /**
     * Which existing file inserting this reference into {@code rmap} would replace: the file of
     * the Match case with the reference's (conditioned) parameter values and the same USEAFTER
     * date; null when insertion would add a case or a date instead.
     */
    private String replacedFile(ReferenceMapping rmap) throws RuntimeException {
        Map<String, String> raw;
        try {
            raw = ReferenceHeader.read(path);
        } catch (UncheckedIOException e) {
            throw new CheckFailure(e.getCause().getMessage());
        }
        Map<String, String> header = datasetTerms(rmap, raw);
        Selector top = rmap.selector();
        Selector dates = null;
        if (top.kind().equals("Match")) {
            List<String> want = new ArrayList<>();
            for (String p : top.parameters()) {
                String v = header.get(p.toUpperCase(Locale.ROOT));
                want.add(v == null ? "N/A" : Conditioning.conditionValue(v));
            }
            for (Selection s : top.selections()) {
                List<String> have = new ArrayList<>();
                if (s.rawKey() instanceof Value.Tuple t) {
                    for (Value v : t.items()) have.add(Conditioning.conditionValue(v));
                } else if (s.rawKey() != null) {
                    have.add(Conditioning.conditionValue(s.rawKey()));
                }
                if (have.equals(want) && s.choice() instanceof Choice.Nested n) {
                    dates = n.selector();
                    break;
                }
            }
        } else {
            dates = top;
        }
        if (dates == null || !dates.kind().equals("UseAfter")) return null;
        String date = Timestamps.reformatDate(header.getOrDefault("DATE-OBS", "") + " " + header.getOrDefault("TIME-OBS", ""));
        if (!observatory.equals("hst")) {
            String start = header.get("ROMAN.META.EXPOSURE.START_TIME");
            if (start != null) date = Timestamps.reformatDate(start);
        }
        for (Selection s : dates.selections()) {
            String key = s.rawKey() instanceof Value.Str k ? k.value() : String.valueOf(s.key());
            try {
                if (Timestamps.reformatDate(key).equals(date) && s.choice() instanceof Choice.Terminal f) return f.value();
            } catch (RuntimeException e) {
                // an unparsable date never equals the reference's
            }
        }
        return null;
    }
}
