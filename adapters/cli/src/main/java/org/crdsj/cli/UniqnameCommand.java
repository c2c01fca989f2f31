package org.crdsj.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.util.FitsOutputStream;
import org.crdsj.engine.catalog.ReferenceTypes;
import org.crdsj.engine.io.AtomicFile;
import org.crdsj.fits.ReferenceHeader;
import org.crdsj.grammar.SyntaxPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code crds uniqname --files F...}: renames HST reference files to unique CDBS-style names
 * {@code <time stamp><instrument char>_<suffix>.<ext>} (spec §9), rewriting each FITS file under
 * its new name (atomically) with optional FILENAME/ROOTNAME/HISTORY keywords and checksums.
 * Waits 2 s per name, as CRDS does, so that names made in a row differ. Exit status = number of errors.
 */
@Command(name = "uniqname", mixinStandardHelpOptions = true,
        description = "Rename HST reference files to unique CDBS-style names.")
final class UniqnameCommand implements Callable<Integer> {
    @ParentCommand
    CrdsCommand parent;

    @picocli.CommandLine.Mixin
    StandardFlags standardFlags;

    @Option(names = "--files", arity = "1..*", paramLabel = "FILE", description = "Files to rename.")
    List<String> files;

    @Option(names = "--dry-run", description = "Only print the new names.")
    boolean dryRun;

    @Option(names = {"-a", "--add-checksum"}, description = "Add FITS checksums (otherwise existing ones are removed).")
    boolean addChecksum;

    @Option(names = {"-f", "--add-keywords"}, description = "Set FILENAME, ROOTNAME and a HISTORY line for the new name.")
    boolean addKeywords;

    @Option(names = {"-e", "--verify-file"}, description = "Read the whole file before changing it (fails on damaged files).")
    boolean verifyFile;

    @Option(names = {"-s", "--standard"}, description = "Same as --add-keywords --verify-file.")
    boolean standard;

    @Option(names = {"-r", "--remove-original"}, description = "Remove the original after writing the renamed file.")
    boolean removeOriginal;

    @Option(names = {"-o", "--output-path"}, paramLabel = "DIR", description = "Write renamed files into DIR.")
    String outputPath;

    @Option(names = {"-b", "--brief"}, description = "Show base names in messages.")
    boolean brief;

    @Option(names = "--fits-errors", description = "Accepted for compatibility: FITS problems are always errors here.")
    boolean fitsErrors;

    /** The clock; tests replace it to get fixed names without waiting. */
    Supplier<ZonedDateTime> clock = () -> {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ZonedDateTime.now(ZoneOffset.UTC);
    };

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final Map<String, Character> INSTRUMENT_CHAR = Map.of(
            "acs", 'j', "stis", 'o', "nicmos", 'n', "wfpc2", 'u', "wfc3", 'i', "cos", 'l', "synphot", 'm');
    private static final Map<Character, String> CHAR_INSTRUMENT = Map.of(
            'j', "acs", 'o', "stis", 'n', "nicmos", 'u', "wfpc2", 'i', "wfc3", 'l', "cos", 'm', "synphot");
    private static final Map<String, String> GEIS_SUFFIX = Map.of(
            "r0", "msk", "r1", "a2d", "r2", "bas", "r3", "drk", "r4", "flt", "r5", "shd", "r6", "flt", "r7", "w4t");

    @Override
    public Integer call() {
        ToolEnvironment env = parent.environment();
        CrdsLog log = new CrdsLog(env.err());
        if (standard) {
            addKeywords = true;
            verifyFile = true;
        }
        if (files == null) return 0;
        for (String given : WordLists.expand(env, files)) {
            String shown = given.contains("/") ? given : "./" + given;
            try {
                if (!isReference(shown)) {
                    throw new IllegalArgumentException("File " + SyntaxPrinter.repr(shown)
                            + " does not appear to be a reference file.  Only references can be renamed.");
                }
                Path file = env.path(given);
                String newName = uniqueName(file, clock.get());
                String dir = shown.contains("/") ? shown.substring(0, shown.lastIndexOf('/')) : ".";
                String newShown = (outputPath != null ? outputPath : dir) + "/" + newName;
                if (dryRun) {
                    log.info("Would rename " + format(shown) + " --> " + format(dir + "/" + newName));
                    continue;
                }
                log.info("Rewriting " + format(shown) + " --> " + format(newShown));
                rewrite(file, env.path(newShown), file.getFileName().toString(), newName);
                if (removeOriginal) Files.delete(file);
            } catch (Exception e) {
                log.error(String.valueOf(e.getMessage()));
            }
        }
        return Math.min(log.errors(), 255);
    }

    private String format(String path) {
        return SyntaxPrinter.repr(brief ? path.substring(path.lastIndexOf('/') + 1) : path);
    }

    private static boolean isReference(String name) {
        return name.matches("(?i).*\\.(fits|asdf|json|yaml|r\\d[hd])$");
    }

    /** CRDS's time stamp: year (base 36 from 1990), month, day, hour, minute, seconds/2. */
    static String timestamp(ZonedDateTime now) {
        String years = "abcdefghijklmnopqrstuvwxyz0123456789";
        String md = "0123456789abcdefghijklmnopqrstuvwxyz";
        int halfSeconds = now.getSecond() / 2;
        char second = halfSeconds <= 9 ? (char) ('0' + halfSeconds) : (char) ('a' + halfSeconds - 10);
        return "" + years.charAt(Math.floorMod(now.getYear() - 1990, 36)) + md.charAt(now.getMonthValue()) + md.charAt(now.getDayOfMonth())
                + String.format(Locale.ROOT, "%02d%02d", now.getHour(), now.getMinute()) + second;
    }

    /** The new name of {@code file}: from its CRDS-style or CDBS-style name, else from its header. */
    static String uniqueName(Path file, ZonedDateTime now) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot), ext = dot < 0 ? "" : name.substring(dot);
        String[] parts = stem.split("_");
        String instrument = null, suffix = null;
        if (parts.length >= 3 && parts[0].equals("hst")) {
            Optional<ReferenceTypes.Type> t = ReferenceTypes.of("hst", parts[1], parts[2]);
            if (t.isPresent()) {
                instrument = parts[1];
                suffix = t.get().suffix();
            }
        }
        if (instrument == null && parts.length >= 2 && List.of("syn", "th", "tmt", "tmg", "tmc").contains(parts[parts.length - 1])) {
            instrument = "synphot";
            suffix = parts[parts.length - 1];
        }
        if (instrument == null && parts.length >= 2 && !parts[0].isEmpty()
                && CHAR_INSTRUMENT.containsKey(Character.toLowerCase(parts[0].charAt(parts[0].length() - 1)))) {
            String instr = CHAR_INSTRUMENT.get(Character.toLowerCase(parts[0].charAt(parts[0].length() - 1)));
            String sfx = ext.equals(".fits") ? parts[1] : GEIS_SUFFIX.get(ext.length() >= 3 ? ext.substring(1, 3) : "");
            if (sfx != null && ReferenceTypes.bySuffix("hst", instr, sfx).isPresent()) {
                instrument = instr;
                suffix = sfx;
            }
        }
        if (instrument == null) {
            Map<String, String> header = ReferenceHeader.read(file);
            String instr = header.containsKey("DBTABLE") && !header.get("DBTABLE").equals("IMPHTTAB")
                    ? "synphot" : header.getOrDefault("INSTRUME", "").toLowerCase(Locale.ROOT);
            String filetype = header.getOrDefault("FILETYPE", header.getOrDefault("DBTABLE", header.getOrDefault("CDBSFILE", "")));
            Optional<ReferenceTypes.Type> t = ReferenceTypes.byFiletype("hst", instr, filetype);
            if (t.isEmpty()) {
                throw new IllegalArgumentException("Can't determine the instrument and type of " + SyntaxPrinter.repr(name)
                        + " (INSTRUME=" + SyntaxPrinter.repr(instr) + ", FILETYPE=" + SyntaxPrinter.repr(filetype) + ")");
            }
            instrument = instr;
            suffix = t.get().suffix();
        }
        Character c = INSTRUMENT_CHAR.get(instrument);
        if (c == null) throw new IllegalArgumentException("No CDBS instrument character for " + SyntaxPrinter.repr(instrument));
        return timestamp(now) + c + "_" + suffix + ext;
    }

    /** Writes {@code from} as {@code to} with the requested keyword and checksum changes, atomically. */
    private void rewrite(Path from, Path to, String oldName, String newName) throws Exception {
        if (!oldName.endsWith(".fits")) {
            throw new IllegalArgumentException("Failed to rename/rewrite " + SyntaxPrinter.repr(oldName) + " as "
                    + SyntaxPrinter.repr(newName) + " : only FITS files can be rewritten");
        }
        try (Fits fits = new Fits(from.toFile())) {
            BasicHDU<?>[] hdus = fits.read();
            for (BasicHDU<?> hdu : hdus) {
                Header h = hdu.getHeader();
                h.deleteKey("CHECKSUM");
                h.deleteKey("DATASUM");
            }
            if (addKeywords) {
                Header h0 = hdus[0].getHeader();
                ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
                h0.addValue("FILENAME", newName, "");
                h0.addValue("ROOTNAME", newName.substring(0, newName.lastIndexOf('.')).toUpperCase(Locale.ROOT), "");
                h0.insertHistory(oldName + " renamed to " + newName + " on " + MONTHS[now.getMonthValue() - 1] + " "
                        + now.getDayOfMonth() + " " + now.getYear());
            }
            if (addChecksum) fits.setChecksum();
            AtomicFile.write(to, out -> {
                // Not closed here: the atomic writer owns (and syncs) the underlying stream.
                FitsOutputStream fo = new FitsOutputStream(out);
                try {
                    fits.write(fo);
                    fo.flush();
                } catch (nom.tam.fits.FitsException e) {
                    throw new IOException(e.getMessage(), e);
                }
            });
        } catch (IOException | nom.tam.fits.FitsException e) {
            throw new IllegalArgumentException("Failed to rename/rewrite " + SyntaxPrinter.repr(oldName) + " as "
                    + SyntaxPrinter.repr(newName) + " : " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
    }
}
