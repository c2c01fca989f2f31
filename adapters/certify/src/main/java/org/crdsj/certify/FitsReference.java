package org.crdsj.certify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crdsj.engine.expr.PythonSequence;
import org.crdsj.fits.FitsCard;
import org.crdsj.fits.FitsChecksum;
import org.crdsj.fits.FitsFormatException;
import org.crdsj.fits.FitsLayout;

/**
 * A FITS reference file as certify reads it: every HDU's header cards (parsed by {@link FitsCard}),
 * the layout of the file (where each HDU's data is, whether the file is shorter than its headers
 * promise), FITS checksums (CHECKSUM/DATASUM, verified with the standard's 32-bit 1's-complement
 * sum), array properties and binary-table contents. The whole file is read into memory
 * (references certified here are small). Immutable after construction.
 */
public final class FitsReference {

    /** One header-data unit. {@code dataEnd} is the end of the padded data, possibly past EOF. */
    public record Hdu(int index, List<Card> cards, long headerStart, long dataStart, long dataSize, long dataEnd) {
        /** The first card with this key, as a Python {@code str()} of its value. */
        public String value(String key) {
            for (Card c : cards) if (c.key().equals(key)) return c.value();
            return null;
        }

        public String name() {
            String n = value("EXTNAME");
            return n == null ? (index == 0 ? "PRIMARY" : "") : n.strip().toUpperCase(Locale.ROOT);
        }

        public int ver() {
            String v = value("EXTVER");
            try {
                return v == null ? 1 : Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        long longValue(String key, long dflt) {
            String v = value(key);
            if (v == null) return dflt;
            try {
                return Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                return dflt;
            }
        }
    }

    /** A header card: key, value as Python {@code str(card.value)}, comment. */
    public record Card(String key, String value, String comment) {}

    /** A binary table: its HDU index, upper-case column names, rows of Python-like cell values. */
    public record Table(int segment, List<String> columns, List<List<Object>> rows) {}

    private final Path path;
    private final byte[] bytes;
    private final List<Hdu> hdus;

    private FitsReference(Path path, byte[] bytes, List<Hdu> hdus) {
        this.path = path;
        this.bytes = bytes;
        this.hdus = hdus;
    }

    /**
     * Reads and splits the file into HDUs.
     *
     * @throws IOException when the file cannot be read or is not FITS at all
     */
    public static FitsReference read(Path path) throws IOException {
        FitsLayout layout;
        try {
            layout = FitsLayout.scan(path, false);
        } catch (FitsFormatException e) {
            // astropy's words, which CRDS reports
            switch (e.kind()) {
                case NOT_FITS: throw new IOException("No SIMPLE card found, this file does not appear to be a valid FITS file.", e);
                case MISSING_END: throw new IOException("Header missing END card.", e);
                default: throw e;
            }
        }
        List<Hdu> hdus = new ArrayList<>();
        for (FitsLayout.Hdu h : layout.hdus()) {
            List<Card> cards = new ArrayList<>();
            for (String image : h.cards()) {
                Card c = card(image);
                if (c != null) cards.add(c);
            }
            hdus.add(new Hdu(h.index(), List.copyOf(cards), h.headerOffset(), h.dataOffset(), h.dataLength(), h.end()));
        }
        return new FitsReference(path, Files.readAllBytes(path), List.copyOf(hdus));
    }

    /**
     * One 80-character card image as astropy reads it ({@link FitsCard}); null for blank-keyword
     * cards. An undefined value (astropy's UNDEFINED, which has no stable text) reads as empty.
     */
    private static Card card(String image) {
        FitsCard c = FitsCard.parse(image);
        if (c.keyword().isEmpty()) return null;
        String value = c.kind() == FitsCard.Kind.UNDEFINED ? "" : c.pythonValue();
        return new Card(c.keyword(), value, c.comment() == null ? "" : c.comment());
    }

    public Path path() {
        return path;
    }

    public List<Hdu> hdus() {
        return hdus;
    }

    /** File length in bytes. */
    public long length() {
        return bytes.length;
    }

    /** The size the headers promise (end of the last HDU's padded data) when the file is shorter, else -1. */
    public long truncatedExpectedSize() {
        for (Hdu h : hdus) if (h.dataEnd() > bytes.length) return h.dataEnd();
        return -1;
    }

    /** The union of all headers' cards (first occurrence of a key wins), keys upper case. */
    public List<Card> allCards() {
        List<Card> out = new ArrayList<>();
        for (Hdu h : hdus) out.addAll(h.cards());
        return out;
    }

    // ---------------------------------------------------------------------------------- checksums

    /** A checksum finding, phrased as astropy warns it. */
    public List<String> checksumProblems() {
        List<String> out = new ArrayList<>();
        for (Hdu h : hdus) {
            String hduId = "('" + h.name() + "', " + h.ver() + ")";
            if (h.dataEnd() > bytes.length) continue;
            String checksum = h.value("CHECKSUM");
            if (checksum != null) {
                long sum = FitsChecksum.sum(bytes, h.headerStart(), h.dataEnd());
                if (sum != FitsChecksum.ALL_ONES && sum != 0) out.add("Checksum verification failed for HDU " + hduId + ".");
            }
            String datasum = h.value("DATASUM");
            if (datasum != null) {
                long sum = FitsChecksum.sum(bytes, h.dataStart(), h.dataEnd());
                long declared;
                try {
                    declared = Long.parseLong(datasum.strip());
                } catch (NumberFormatException e) {
                    declared = -1;
                }
                if (declared != sum) out.add("Datasum verification failed for HDU " + hduId + ".");
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------- arrays

    /**
     * The HDU an array constraint names: {@code EXT<n>}/{@code EXTENSION<n>}/{@code <n>} by
     * index, {@code NAME__<ver>} by name and version, else by EXTNAME. Null when absent.
     */
    public Hdu findHdu(String arrayName) {
        java.util.regex.Matcher ext = java.util.regex.Pattern.compile("(EXT(ENSION)?)?(\\d+).*").matcher(arrayName);
        if (ext.matches()) {
            int i = Integer.parseInt(ext.group(3));
            return i < hdus.size() ? hdus.get(i) : null;
        }
        java.util.regex.Matcher ver = java.util.regex.Pattern.compile("(.*)__(\\d+).*").matcher(arrayName);
        for (Hdu h : hdus) {
            if (ver.matches()) {
                if (h.name().equals(ver.group(1)) && h.ver() == Integer.parseInt(ver.group(2))) return h;
            } else if (h.name().equals(arrayName)) {
                return h;
            }
        }
        return null;
    }

    /** Array properties of the named HDU, or null when it does not exist. */
    public ArrayInfo arrayInfo(String arrayName) {
        Hdu h = findHdu(arrayName);
        if (h == null) return null;
        String xt = h.value("XTENSION");
        boolean table = xt != null && xt.strip().equals("BINTABLE");
        boolean image = h.index() > 0 && xt != null && xt.strip().equals("IMAGE");
        String kind = table ? "TABLE" : image ? "IMAGE" : "UNKNOWN";
        List<Long> shape = new ArrayList<>();
        long naxis = h.longValue("NAXIS", 0);
        if (table) {
            shape.add(h.longValue("NAXIS2", 0));
            Table t = table(h);
            Map<String, Object> types = new LinkedHashMap<>();
            for (int i = 0; i < t.columns().size(); i++) types.put(t.columns().get(i), numpyColumnType(h, i + 1));
            return new ArrayInfo(shape, kind, types, t.columns(), arrayName, h.index());
        }
        for (long i = naxis; i >= 1; i--) shape.add(h.longValue("NAXIS" + i, 0));
        return new ArrayInfo(shape, kind, numpyImageType(h), null, arrayName, h.index());
    }

    private static String numpyImageType(Hdu h) {
        long bitpix = h.longValue("BITPIX", 8);
        boolean scaled = h.value("BSCALE") != null || h.value("BZERO") != null;
        if (scaled && bitpix > 0) return "float32";
        switch ((int) bitpix) {
            case 8: return "uint8";
            case 16: return "int16";
            case 32: return "int32";
            case 64: return "int64";
            case -32: return "float32";
            case -64: return "float64";
            default: return "unknown";
        }
    }

    private static String numpyColumnType(Hdu h, int col) {
        Format f = Format.parse(h.value("TFORM" + col));
        String base;
        switch (f.code) {
            case 'L': base = "bool"; break;
            case 'B': base = "uint8"; break;
            case 'I': base = ">i2"; break;
            case 'J': base = ">i4"; break;
            case 'K': base = ">i8"; break;
            case 'E': base = ">f4"; break;
            case 'D': base = ">f8"; break;
            case 'C': base = ">c8"; break;
            case 'M': base = ">c16"; break;
            case 'A': return "|S" + f.repeat;
            default: base = "object";
        }
        return f.repeat > 1 ? "('" + base + "', (" + f.repeat + ",))" : base;
    }

    // ---------------------------------------------------------------------------------- tables

    /** Every binary table HDU in order. */
    public List<Table> tables() {
        List<Table> out = new ArrayList<>();
        for (Hdu h : hdus) {
            String xt = h.value("XTENSION");
            if (h.index() > 0 && xt != null && xt.strip().equals("BINTABLE")) out.add(table(h));
        }
        return out;
    }

    private record Format(long repeat, char code) {
        static Format parse(String tform) {
            String t = tform == null ? "" : tform.strip().toUpperCase(Locale.ROOT);
            int i = 0;
            while (i < t.length() && Character.isDigit(t.charAt(i))) i++;
            long repeat = i == 0 ? 1 : Long.parseLong(t.substring(0, i));
            char code = i < t.length() ? t.charAt(i) : '?';
            return new Format(repeat, code);
        }

        int width() {
            switch (code) {
                case 'L': case 'B': case 'A': return (int) repeat;
                case 'X': return (int) ((repeat + 7) / 8);
                case 'I': return (int) (2 * repeat);
                case 'J': case 'E': return (int) (4 * repeat);
                case 'K': case 'D': case 'C': case 'P': return (int) (8 * repeat);
                case 'M': case 'Q': return (int) (16 * repeat);
                default: return 0;
            }
        }
    }

    private Table table(Hdu h) {
        int nfields = (int) h.longValue("TFIELDS", 0);
        long rowWidth = h.longValue("NAXIS1", 0), nrows = h.longValue("NAXIS2", 0);
        List<String> names = new ArrayList<>();
        List<Format> formats = new ArrayList<>();
        for (int i = 1; i <= nfields; i++) {
            String n = h.value("TTYPE" + i);
            names.add(n == null ? "" : n.strip().toUpperCase(Locale.ROOT));
            formats.add(Format.parse(h.value("TFORM" + i)));
        }
        // Missing bytes of a truncated file read as zeros.
        byte[] data = new byte[(int) Math.max(0, rowWidth * nrows)];
        long available = Math.max(0, Math.min(data.length, bytes.length - h.dataStart()));
        System.arraycopy(bytes, (int) h.dataStart(), data, 0, (int) available);
        ByteBuffer buf = ByteBuffer.wrap(data);
        List<List<Object>> rows = new ArrayList<>();
        for (long r = 0; r < nrows; r++) {
            int offset = (int) (r * rowWidth);
            List<Object> row = new ArrayList<>(nfields);
            for (int c = 0; c < nfields; c++) {
                Format f = formats.get(c);
                row.add(cell(buf, offset, f, h, c + 1));
                offset += f.width();
            }
            rows.add(List.copyOf(row));
        }
        return new Table(h.index(), List.copyOf(names), List.copyOf(rows));
    }

    private static Object cell(ByteBuffer buf, int offset, Format f, Hdu h, int col) {
        if (f.code == 'A') {
            byte[] b = new byte[(int) f.repeat];
            buf.get(offset, b);
            String s = new String(b, StandardCharsets.ISO_8859_1);
            int end = s.indexOf('\0');
            if (end >= 0) s = s.substring(0, end);
            return s.stripTrailing();
        }
        List<Object> items = new ArrayList<>();
        int width = f.repeat == 0 ? 0 : f.width() / (int) Math.max(1, f.repeat);
        for (int k = 0; k < f.repeat; k++) {
            int p = offset + k * width;
            Object v;
            switch (f.code) {
                case 'L': v = buf.get(p) == 'T'; break;
                case 'B': v = (long) (buf.get(p) & 0xFF); break;
                case 'I': v = scaled((long) buf.getShort(p), h, col); break;
                case 'J': v = scaled((long) buf.getInt(p), h, col); break;
                case 'K': v = scaled(buf.getLong(p), h, col); break;
                case 'E': v = new PyValues.Float32(buf.getFloat(p)); break;
                case 'D': v = buf.getDouble(p); break;
                default: v = "?"; break;
            }
            items.add(v);
        }
        if (f.repeat == 1) return items.get(0);
        return PythonSequence.list(items);
    }

    /** Integer columns with TZERO (unsigned conventions) shift by it. */
    private static Object scaled(long raw, Hdu h, int col) {
        String zero = h.value("TZERO" + col);
        if (zero == null) return raw;
        try {
            return raw + (long) Double.parseDouble(zero.strip());
        } catch (NumberFormatException e) {
            return raw;
        }
    }
}
