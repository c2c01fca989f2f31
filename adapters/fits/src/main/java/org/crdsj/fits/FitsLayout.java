package org.crdsj.fits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything is in a FITS file: for each HDU the header cards (exactly as stored) and the
 * byte ranges of its header and data. Reads headers only; data is skipped by its declared size.
 *
 * <p>Immutable.
 */
public final class FitsLayout {
    /** FITS logical record length. */
    public static final int BLOCK = 2880;
    /** Bytes per card. */
    public static final int CARD = 80;

    /** One header-data unit. */
    public record Hdu(int index, long headerOffset, long headerLength, List<String> cards, int endCard,
                      long dataOffset, long dataLength) {
        public Hdu {
            cards = List.copyOf(cards);
        }

        /** Data length rounded up to whole blocks, as stored. */
        public long paddedDataLength() {
            return (dataLength + BLOCK - 1) / BLOCK * BLOCK;
        }

        /** Offset just after this HDU. */
        public long end() {
            return dataOffset + paddedDataLength();
        }

        /** The parsed cards, END excluded. */
        public List<FitsCard> parsedCards() {
            List<FitsCard> out = new ArrayList<>(cards.size());
            for (String c : cards) out.add(FitsCard.parse(c));
            return out;
        }
    }

    private final Path file;
    private final long size;
    private final List<Hdu> hdus;

    private FitsLayout(Path file, long size, List<Hdu> hdus) {
        this.file = file;
        this.size = size;
        this.hdus = List.copyOf(hdus);
    }

    public Path file() { return file; }

    public long size() { return size; }

    public List<Hdu> hdus() { return hdus; }

    /**
     * Scans {@code file}.
     *
     * @param requireComplete when true, a file shorter than its last HDU's declared data is an
     *     error; when false, that HDU is kept (its header is complete) and reading stops there
     * @throws FitsFormatException for a file that does not start a FITS header, a header without
     *     END, or (with {@code requireComplete}) truncated data
     */
    public static FitsLayout scan(Path file, boolean requireComplete) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            List<Hdu> hdus = new ArrayList<>();
            long offset = 0;
            ByteBuffer block = ByteBuffer.allocate(BLOCK);
            while (offset < size) {
                int index = hdus.size();
                List<String> cards = new ArrayList<>();
                long pos = offset;
                int endCard = -1;
                while (endCard < 0) {
                    block.clear();
                    int got = readFully(ch, block, pos);
                    if (got < BLOCK) {
                        if (index > 0 && pos == offset && (allZero(block, got) || !requireComplete)) {   // trailing bytes
                            return new FitsLayout(file, size, hdus);
                        }
                        throw new FitsFormatException(file, FitsFormatException.Kind.MISSING_END, "truncated: header of HDU " + index + " at byte " + offset
                                + " ends after " + (pos - offset + got) + " bytes without an END card");
                    }
                    String text = new String(block.array(), 0, BLOCK, StandardCharsets.ISO_8859_1);
                    for (int c = 0; c < BLOCK / CARD; c++) {
                        String card = text.substring(c * CARD, (c + 1) * CARD);
                        if (card.startsWith("END") && card.substring(3).isBlank()) {
                            endCard = cards.size();
                            break;
                        }
                        cards.add(card);
                    }
                    pos += BLOCK;
                    if (index == 0 && pos == offset + BLOCK && !text.startsWith("SIMPLE  =")) {
                        throw new FitsFormatException(file, FitsFormatException.Kind.NOT_FITS, "not a FITS file (it does not start with SIMPLE)");
                    }
                    if (index > 0 && pos == offset + BLOCK && !text.startsWith("XTENSION=")) {
                        // astropy only warns about bytes after the last HDU; reading stops there too
                        if (allZero(block, BLOCK) || !requireComplete) return new FitsLayout(file, size, hdus);
                        throw new FitsFormatException(file, "unexpected bytes at " + offset + " after HDU " + (index - 1)
                                + " (no XTENSION card)");
                    }
                }
                long dataLength = dataLength(file, index, cards);
                Hdu hdu = new Hdu(index, offset, pos - offset, cards, endCard, pos, dataLength);
                if (hdu.dataOffset + dataLength > size) {
                    if (requireComplete) {
                        throw new FitsFormatException(file, "truncated: HDU " + index + " declares " + dataLength
                                + " data bytes at byte " + pos + " but the file has " + size + " bytes");
                    }
                    hdus.add(hdu);
                    return new FitsLayout(file, size, hdus);
                }
                if (requireComplete && hdu.end() > size) {
                    throw new FitsFormatException(file, "truncated: the data of HDU " + index
                            + " is not padded to a whole 2880-byte block (file ends at " + size + ")");
                }
                hdus.add(hdu);
                offset = hdu.end();
            }
            if (hdus.isEmpty()) throw new FitsFormatException(file, "empty file");
            return new FitsLayout(file, size, hdus);
        }
    }

    private static boolean allZero(ByteBuffer b, int n) {
        for (int i = 0; i < n; i++) if (b.get(i) != 0) return false;
        return true;
    }

    private static int readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        int total = 0;
        while (b.hasRemaining()) {
            int n = ch.read(b, pos + total);
            if (n < 0) break;
            total += n;
        }
        return total;
    }

    /** Data bytes declared by a header: |BITPIX|/8 * GCOUNT * (PCOUNT + NAXIS1*...*NAXISn). */
    static long dataLength(Path file, int index, List<String> cards) throws FitsFormatException {
        Map<String, String> values = new HashMap<>();
        for (String c : cards) {
            String k = c.substring(0, 8).trim();
            if (c.startsWith("= ", 8) && !values.containsKey(k)) {
                FitsCard card = FitsCard.parse(c);
                values.put(k, card.pythonValue());
            }
        }
        long bitpix = integer(file, index, values, "BITPIX", null);
        long naxis = integer(file, index, values, "NAXIS", null);
        if (naxis == 0) return 0;
        boolean groups = "True".equals(values.get("GROUPS")) && integer(file, index, values, "NAXIS1", null) == 0;
        long product = 1;
        for (int i = groups ? 2 : 1; i <= naxis; i++) product *= integer(file, index, values, "NAXIS" + i, null);
        long pcount = integer(file, index, values, "PCOUNT", 0L);
        long gcount = integer(file, index, values, "GCOUNT", 1L);
        return Math.abs(bitpix) / 8 * gcount * (pcount + product);
    }

    private static long integer(Path file, int index, Map<String, String> values, String key, Long dflt) throws FitsFormatException {
        String v = values.get(key);
        if (v == null) {
            if (dflt != null) return dflt;
            throw new FitsFormatException(file, "HDU " + index + " has no " + key + " keyword");
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new FitsFormatException(file, "HDU " + index + " keyword " + key + " is not an integer: " + v);
        }
    }
}
