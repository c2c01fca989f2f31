package org.crdsj.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nom.tam.fits.utilities.FitsCheckSum;

/**
 * Writes the example FITS files of {@code examples/}: two tiny datasets that the example context
 * {@code context/hst_0100.pmap} selects references for, and one reference file of our own making
 * (a NICMOS dark that the context names). Every byte is determined by this code (no dates, no
 * randomness), so running it again reproduces the committed files exactly.
 *
 * <ul>
 *   <li>{@code datasets/n9ex01aaq_raw.fits}: NICMOS camera 1, MULTIACCUM/SPARS64, F110W, 1998-07-15,
 *       TFBTEMP 76.9; primary CHECKSUM/DATASUM; a 4x4 SCI extension;</li>
 *   <li>{@code datasets/l9ex01aaq_raw.fits}: COS FUV G130M 1291, 2010-03-15, with an old DEADTAB
 *       assignment; a 4x4 SCI extension;</li>
 *   <li>{@code references/ex2a003_drk.fits}: the NICMOS dark {@code hst_nicmos_darkfile_0100.rmap}
 *       selects for camera 1 MULTIACCUM SPARS64 after 1998-06-01 (USEAFTER {@code Jun 01 1998
 *       00:00:00}); an 8x8 float SCI extension; CHECKSUM/DATASUM in every HDU.</li>
 * </ul>
 *
 * <p>Command line: {@code ExampleFits [examples-directory]} (default {@code examples}, or {@code .}
 * when run from the module directory).
 */
public final class ExampleFits {
    private ExampleFits() {}

    /** The files this generator writes, relative to the examples directory, with their content. */
    public static Map<String, byte[]> files() {
        Map<String, byte[]> out = new TreeMap<>();
        out.put("datasets/n9ex01aaq_raw.fits", nicmosDataset());
        out.put("datasets/l9ex01aaq_raw.fits", cosDataset());
        out.put("references/ex2a003_drk.fits", nicmosDark());
        return out;
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0])
                : Files.isDirectory(Path.of("examples/context")) ? Path.of("examples") : Path.of(".");
        for (Map.Entry<String, byte[]> e : files().entrySet()) {
            Path target = dir.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
            System.out.println("wrote " + target + " (" + e.getValue().length + " bytes)");
        }
    }

    // ------------------------------------------------------------------------------------------

    private static byte[] nicmosDataset() {
        Hdu primary = dataFreePrimary()
                .integer("NEXTEND", 1, "Number of standard extensions")
                .string("FILENAME", "n9ex01aaq_raw.fits", "name of file")
                .string("TELESCOP", "HST", "telescope used to acquire data")
                .string("INSTRUME", "NICMOS", "identifier for instrument used to acquire data")
                .checksums()
                .blank("/ EXAMPLE DATASET")
                .comment("Invented for the crds-j examples: not an observation.")
                .integer("CAMERA", 1, "camera in use")
                .string("OBSMODE", "MULTIACCUM", "operating mode")
                .string("SAMP_SEQ", "SPARS64", "MULTIACCUM exposure time sequence name")
                .string("FILTER", "F110W", "filter in use")
                .string("DATE-OBS", "1998-07-15", "UT date of start of observation (yyyy-mm-dd)")
                .string("TIME-OBS", "10:20:30", "UT time of start of observation (hh:mm:ss)")
                .real("TFBTEMP", "76.9", "temperature from the bias of the detector (K)")
                .string("DARKCORR", "PERFORM", "subtract dark image")
                .string("FLATCORR", "PERFORM", "flat field the data")
                .blank("/ CALIBRATION REFERENCE FILES")
                .string("DARKFILE", "nref$ex2a002_drk.fits", "dark image file name")
                .string("FLATFILE", "N/A", "flat field file name")
                .history("Written by org.crdsj.examples.ExampleFits.");
        Hdu sci = image("SCI", 16, 4, 4, 7);
        return join(primary, sci);
    }

    /** The opening cards of a primary HDU without data that announces extensions. */
    private static Hdu dataFreePrimary() {
        return new Hdu()
                .logical("SIMPLE", true, "conforms to FITS standard")
                .integer("BITPIX", 16, "bits per data value")
                .integer("NAXIS", 0, "number of data axes")
                .logical("EXTEND", true, "File may contain standard extensions");
    }

    private static byte[] cosDataset() {
        Hdu primary = dataFreePrimary()
                .string("FILENAME", "l9ex01aaq_raw.fits", "name of file")
                .string("TELESCOP", "HST", "telescope used to acquire data")
                .string("INSTRUME", "COS", "identifier for instrument used to acquire data")
                .comment("Invented for the crds-j examples: not an observation.")
                .string("DETECTOR", "FUV", "FUV or NUV")
                .string("OPT_ELEM", "G130M", "optical element in use")
                .integer("CENWAVE", 1291, "central wavelength of spectrum")
                .string("DATE-OBS", "2010-03-15", "UT date of start of observation (yyyy-mm-dd)")
                .string("TIME-OBS", "12:00:00", "UT time of start of observation (hh:mm:ss)")
                .string("DEADCORR", "PERFORM", "correct for deadtime")
                .string("FLATCORR", "PERFORM", "apply flat-field correction")
                .string("DEADTAB", "lref$ex1a001_dead.fits", "deadtime reference table")
                .history("Written by org.crdsj.examples.ExampleFits.")
                .blank("")
                .blank("");
        Hdu sci = image("SCI", 16, 4, 4, 11);
        return join(primary, sci);
    }

    private static byte[] nicmosDark() {
        Hdu primary = dataFreePrimary()
                .integer("NEXTEND", 1, "Number of standard extensions")
                .string("FILENAME", "ex2a003_drk.fits", "name of file")
                .string("FILETYPE", "DRK", "type of data found in data file")
                .string("TELESCOP", "HST", "telescope used to acquire data")
                .string("INSTRUME", "NICMOS", "identifier for instrument used to acquire data")
                .checksums()
                .integer("CAMERA", 1, "camera in use")
                .string("READOUT", "FAST", "detector readout speed")
                .integer("NREAD", 1, "number of reads per exposure")
                .string("SAMP_SEQ", "SPARS64", "MULTIACCUM exposure time sequence name")
                .string("OBSMODE", "MULTIACCUM", "operating mode")
                .string("USEAFTER", "Jun 01 1998 00:00:00", "use after this date")
                .string("PEDIGREE", "DUMMY", "invented for the crds-j examples")
                .string("DESCRIP", "crds-j example NICMOS camera 1 dark (invented values)", "description")
                .comment("Invented for the crds-j examples: not calibration data.")
                .history("Written by org.crdsj.examples.ExampleFits.");
        Hdu sci = image("SCI", -32, 8, 8, 3).checksums();
        return join(primary, sci);
    }

    /** An image extension whose pixels follow a fixed pattern. */
    private static Hdu image(String name, int bitpix, int nx, int ny, int seed) {
        Hdu h = new Hdu()
                .string("XTENSION", "IMAGE", "Image extension")
                .integer("BITPIX", bitpix, "array data type")
                .integer("NAXIS", 2, "number of array dimensions")
                .integer("NAXIS1", nx, null)
                .integer("NAXIS2", ny, null)
                .integer("PCOUNT", 0, "number of parameters")
                .integer("GCOUNT", 1, "number of groups")
                .string("EXTNAME", name, "extension name")
                .integer("EXTVER", 1, "extension version number");
        ByteBuffer data = ByteBuffer.allocate(Math.abs(bitpix) / 8 * nx * ny);
        for (int i = 0; i < nx * ny; i++) {
            int v = (i * 37 + seed * 11) % 97;
            if (bitpix == 16) data.putShort((short) v);
            else data.putFloat(v / 8.0f);
        }
        h.data = data.array();
        return h;
    }

    private static byte[] join(Hdu... hdus) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Hdu h : hdus) out.writeBytes(h.bytes());
        return out.toByteArray();
    }

    /** One HDU being written: cards in order, then data. */
    private static final class Hdu {
        private final List<String> cards = new ArrayList<>();
        private byte[] data = new byte[0];
        private boolean checksums;

        Hdu logical(String key, boolean v, String comment) { return value(key, v ? "T" : "F", comment); }

        Hdu integer(String key, long v, String comment) { return value(key, Long.toString(v), comment); }

        Hdu real(String key, String v, String comment) { return value(key, v, comment); }

        Hdu string(String key, String v, String comment) {
            String quoted = "'" + pad(v.replace("'", "''"), 8) + "'";
            return card(pad(key, 8) + "= " + pad(quoted, 20) + (comment == null ? "" : " / " + comment));
        }

        Hdu comment(String text) { return card("COMMENT " + text); }

        Hdu history(String text) { return card("HISTORY " + text); }

        /** A card with a blank keyword (section titles), or a blank card. */
        Hdu blank(String text) { return card(text.isEmpty() ? "" : "        " + pad("", 22) + text); }

        /** CHECKSUM and DATASUM cards here, filled in when the HDU is written. */
        Hdu checksums() {
            checksums = true;
            string("CHECKSUM", "0".repeat(16), "HDU checksum");
            return string("DATASUM", "0", "data unit checksum");
        }

        private Hdu value(String key, String field, String comment) {
            return card(pad(key, 8) + "= " + String.format("%20s", field) + (comment == null ? "" : " / " + comment));
        }

        private Hdu card(String text) {
            if (text.length() > 80) text = text.substring(0, 80);
            cards.add(pad(text, 80));
            return this;
        }

        byte[] bytes() {
            byte[] padded = new byte[(data.length + 2879) / 2880 * 2880];
            System.arraycopy(data, 0, padded, 0, data.length);
            if (checksums) {
                long datasum = FitsCheckSum.checksum(padded);
                set("DATASUM", Long.toString(datasum), "data unit checksum");
                long sum = FitsCheckSum.sumOf(FitsCheckSum.checksum(header()), datasum);
                set("CHECKSUM", FitsCheckSum.encode(sum, true), "HDU checksum");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(header());
            out.writeBytes(padded);
            return out.toByteArray();
        }

        private void set(String key, String value, String comment) {
            int at = -1;
            for (int i = 0; i < cards.size(); i++) if (cards.get(i).startsWith(pad(key, 8) + "=")) at = i;
            List<String> tail = new ArrayList<>(cards.subList(at + 1, cards.size()));
            cards.subList(at, cards.size()).clear();
            string(key, value, comment);
            cards.addAll(tail);
        }

        private byte[] header() {
            StringBuilder sb = new StringBuilder();
            for (String c : cards) sb.append(c);
            sb.append(pad("END", 80));
            while (sb.length() % 2880 != 0) sb.append(' ');
            return sb.toString().getBytes(StandardCharsets.US_ASCII);
        }

        private static String pad(String s, int n) {
            StringBuilder sb = new StringBuilder(s);
            while (sb.length() < n) sb.append(' ');
            return sb.toString();
        }
    }
}
