package org.crdsj.certify;

import java.io.UncheckedIOException;
import org.crdsj.fits.ReferenceHeader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which (instrument, filekind) a reference file is, as CRDS decides it: from a CRDS-style name
 * ({@code hst_acs_biasfile_0001.fits}), from an HST CDBS name (instrument letter and suffix,
 * {@code s7g1700gl_dead.fits}), else from the header (INSTRUME and FILETYPE/DBTABLE for HST,
 * {@code META.INSTRUMENT.NAME} and {@code META.REFTYPE} for Roman).
 */
public final class FileProperties {
    private FileProperties() {}

    /** Instrument and filekind, lower case. */
    public record Kind(String instrument, String filekind) {}

    /** A file whose kind cannot be determined; the message is CRDS's. */
    public static final class NamingException extends RuntimeException {
        public NamingException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * True when CRDS can tell the instrument and type from the file's name alone (a new-style
     * name, or an HST CDBS name); otherwise it reads the file's header to find them.
     */
    public static boolean namedByFile(String observatory, Path path) {
        TypeSpecs types = TypeSpecs.of(observatory);
        String name = path.getFileName().toString();
        if (name.matches(".*\\.r[0-9]d$")) name = name.substring(0, name.length() - 1) + "h";
        return newStyle(types, observatory, name) != null || (observatory.equals("hst") && cdbs(types, name) != null);
    }

    public static Kind of(String observatory, Path path) {
        TypeSpecs types = TypeSpecs.of(observatory);
        String name = path.getFileName().toString();
        if (name.matches(".*\\.r[0-9]d$")) path = path.resolveSibling(name.substring(0, name.length() - 1) + "h");
        Kind kind = newStyle(types, observatory, path.getFileName().toString());
        if (kind == null && observatory.equals("hst")) kind = cdbs(types, path.getFileName().toString());
        if (kind == null) kind = fromHeader(types, observatory, path);
        if (!types.isInstrument(kind.instrument())) throw new NamingException("Bad instrument " + PyValues.repr(kind.instrument()) + " in filename " + PyValues.repr(path.toString()));
        if (!types.isFilekind(kind.filekind())) throw new NamingException("Bad filekind " + PyValues.repr(kind.filekind()) + " in filename " + PyValues.repr(path.toString()));
        return kind;
    }

    private static Kind newStyle(TypeSpecs types, String observatory, String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String[] parts = stem.split("_", -1);
        if (!parts[0].equals(observatory) || (parts.length != 3 && parts.length != 4)) return null;
        if (!types.isInstrument(parts[1]) || !types.isFilekind(parts[2])) return null;
        if (observatory.equals("roman") && parts.length == 4 && !parts[3].matches("\\d*")) return null;
        return new Kind(parts[1], parts[2]);
    }

    private static final Map<Character, String> ID_CHAR = Map.of(
            'j', "acs", 'o', "stis", 'n', "nicmos", 'u', "wfpc2", 'i', "wfc3", 'l', "cos", 'm', "synphot");
    private static final Map<String, String> GEIS_SUFFIX = Map.of(
            "r0", "msk", "r1", "a2d", "r2", "bas", "r3", "drk", "r4", "flt", "r5", "shd", "r6", "flt", "r7", "w4t");

    /** HST CDBS names: the instrument from the name's letters, the filekind from its suffix. */
    private static Kind cdbs(TypeSpecs types, String name) {
        String[] parts = name.split("[_.]", -1);
        String instrument = null;
        int pos = parts.length - 2;
        if (pos > 0 && List.of("syn", "th").contains(parts[pos].toLowerCase(Locale.ROOT))) instrument = "synphot";
        pos++;
        if (instrument == null && pos > 0 && List.of("syn", "th").contains(parts[pos].toLowerCase(Locale.ROOT))) instrument = "synphot";
        if (instrument == null) {
            String first = parts[0];
            if (first.isEmpty()) return null;
            instrument = ID_CHAR.get(Character.toLowerCase(first.charAt(first.length() - 1)));
            if (instrument == null) return null;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot);
        String stem = dot < 0 ? name : name.substring(0, dot);
        String[] fields = stem.split("_", -1);
        String suffix;
        if (instrument.equals("synphot")) {
            String filekind;
            if (name.endsWith("_syn.fits")) filekind = "thruput";
            else if (name.endsWith("_th.fits")) filekind = "thermal";
            else if (name.endsWith("_tmt.fits")) filekind = "tmttab";
            else if (name.endsWith("_tmg.fits")) filekind = "tmgtab";
            else if (name.endsWith("_tmc.fits")) filekind = "tmctab";
            else return null;
            return new Kind("synphot", filekind);
        } else if (ext.equals(".fits")) {
            if (fields.length < 2) return null;
            suffix = fields[1];
        } else {
            suffix = ext.length() >= 3 ? GEIS_SUFFIX.get(ext.substring(1, 3)) : null;
            if (suffix == null) return null;
        }
        String instr = instrument;
        return types.suffixToFilekind(instr, suffix).map(fk -> new Kind(instr, fk)).orElse(null);
    }

    private static Kind fromHeader(TypeSpecs types, String observatory, Path path) {
        Map<String, String> header;
        try {
            header = ReferenceHeader.read(path);
        } catch (UncheckedIOException e) {
            throw new NamingException(e.getCause().getMessage());
        }
        String name = path.getFileName().toString();
        if (observatory.equals("roman")) {
            String instrument = firstOf(header, "ROMAN.META.INSTRUMENT.NAME", "META.INSTRUMENT.NAME", "INSTRUME", "INSTRUMENT");
            if (instrument == null) throw new NamingException("Can't identify instrument of " + PyValues.repr(name) + " : 'No instrument keyword defined in header.'");
            instrument = instrument.toLowerCase(Locale.ROOT);
            if (!types.isInstrument(instrument)) throw new NamingException("Can't identify instrument of " + PyValues.repr(name) + " : Invalid instrument " + PyValues.repr(instrument));
            String filekind = firstOf(header, "ROMAN.META.REFTYPE", "META.REFTYPE", "REFTYPE");
            filekind = filekind == null ? "undefined" : filekind.toLowerCase(Locale.ROOT);
            if (!types.isFilekind(filekind)) throw new NamingException("Can't identify ROMAN.META.REFTYPE of " + PyValues.repr(name));
            return new Kind(instrument, filekind);
        }
        String instrument;
        if (!header.containsKey("DBTABLE") || header.get("DBTABLE").equals("IMPHTTAB")) {
            String i = header.get("INSTRUME");
            if (i == null) {
                throw new NamingException("Can't determine instrument for " + PyValues.repr(name) + ". CAL references must define INSTRUME, SYNPHOT references define DBTABLE.");
            }
            instrument = i.toLowerCase(Locale.ROOT);
        } else {
            instrument = "synphot";
        }
        if (instrument.equals("hst")) instrument = "synphot";
        if (instrument.equals("wfii")) instrument = "wfpc2";
        String filetype = firstOf(header, "FILETYPE", "DBTABLE", "CDBSFILE");
        if (filetype == null) {
            String telescope = firstOf(header, "TELESCOP", "TELESCOPE");
            if (telescope != null && !telescope.equalsIgnoreCase("HST")) {
                throw new NamingException("CRDS is configured for 'HST' but file " + PyValues.repr(name) + " is for the "
                        + PyValues.repr(telescope) + " telescope.  Reconfigure CRDS_PATH or CRDS_SEVER_URL.");
            }
            throw new NamingException("Can't determine HST file type for " + PyValues.repr(name) + ". Check FILETYPE, CDBSFILE, DBTABLE, TELESCOP, and/or TELESCOPE.");
        }
        filetype = filetype.toLowerCase(Locale.ROOT);
        if (instrument.equals("wfpc2") && filetype.equals("dark")) filetype = "drk";
        String inst = instrument, ft = filetype;
        String filekind = types.filetypeToFilekind(inst, ft).orElseThrow(() ->
                new NamingException("Invalid FILETYPE (or CDBSFILE) of '" + ft + "' for instrument '" + inst + "'."));
        return new Kind(instrument, filekind);
    }

    private static String firstOf(Map<String, String> header, String... keys) {
        for (String k : keys) if (header.containsKey(k)) return header.get(k);
        return null;
    }
}
