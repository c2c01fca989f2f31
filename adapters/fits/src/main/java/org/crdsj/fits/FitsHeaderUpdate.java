package org.crdsj.fits;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import nom.tam.fits.utilities.FitsCheckSum;
import org.crdsj.engine.io.AtomicFile;

/**
 * Sets string keywords in the primary header of a FITS file the way astropy does when CRDS runs
 * {@code hdulist[0].header[keyword] = value} in update mode, and nothing else:
 *
 * <ul>
 *   <li>an existing keyword's card is rewritten with the new value and its old comment;</li>
 *   <li>a new keyword's card goes after the last card that is not COMMENT/HISTORY/blank-keyword
 *       text, and one trailing blank card (if any) is given up for it;</li>
 *   <li>the header is rewritten within its blocks when the cards still fit; otherwise it grows
 *       by whole 2880-byte blocks and everything after it is shifted, byte for byte;</li>
 *   <li>when the primary header has {@code CHECKSUM}, its {@code DATASUM} and {@code CHECKSUM}
 *       are recomputed (FITS checksum convention, as astropy writes them; comments kept); a lone
 *       {@code DATASUM} is recomputed.</li>
 * </ul>
 *
 * Every other byte of the file — other cards, data, extensions — is kept. The new file is
 * written to a sibling temporary file and renamed over the original, so a crash or a full disk
 * leaves the original as it was.
 */
public final class FitsHeaderUpdate {
    private final Map<String, String> values;

    /** Keyword (upper case, at most 8 characters) to string value, applied in this order. */
    public FitsHeaderUpdate(Map<String, String> values) {
        this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        for (String k : values.keySet()) {
            if (k.length() > 8 || !k.equals(k.toUpperCase(java.util.Locale.ROOT)) || FitsCard.isCommentary(k)) {
                throw new IllegalArgumentException("not a keyword this update can set: '" + k + "'");
            }
        }
    }

    public Map<String, String> values() { return values; }

    /**
     * Applies the update to {@code file}.
     *
     * @throws FitsFormatException when the file is not complete FITS (e.g. truncated)
     * @throws IOException naming the file when it is read-only, its directory refuses a temporary
     *     file, or writing fails (the original is then unchanged)
     */
    public void applyTo(Path file) throws IOException {
        applyTo(file, UnaryOperator.identity());
    }

    /** As {@link #applyTo(Path)}, writing through {@code wrap} (tests inject failures here). */
    void applyTo(Path file, UnaryOperator<OutputStream> wrap) throws IOException {
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString(), null, "no such file");
        if (isReadOnly(file)) throw new AccessDeniedException(file.toString(), null, "the file is read-only; cannot update its header");
        FitsLayout layout = FitsLayout.scan(file, true);
        FitsLayout.Hdu primary = layout.hdus().get(0);
        List<String> cards = new ArrayList<>(primary.cards());
        values.forEach((k, v) -> set(cards, k, v));
        updateChecksums(file, primary, cards);
        byte[] header = serialize(cards, primary.headerLength());
        try {
            AtomicFile.write(file, raw -> {
                OutputStream out = wrap.apply(raw);
                out.write(header);
                try (InputStream in = Files.newInputStream(file)) {
                    in.skipNBytes(primary.dataOffset());
                    in.transferTo(out);
                }
                out.flush();
            });
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(file.toString(), null, "cannot write a temporary file beside it: " + e.getMessage());
        } catch (IOException e) {
            throw new IOException(file + ": update failed, file left unchanged: " + e.getMessage(), e);
        }
    }

    /** Not writable for us, or (for the super-user, who may write anything) without any write permission bit. */
    private static boolean isReadOnly(Path file) throws IOException {
        if (!Files.isWritable(file)) return true;
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return !p.contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)
                    && !p.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                    && !p.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /** astropy's {@code header[keyword] = value} for a string value. */
    static void set(List<String> cards, String keyword, String value) {
        for (int i = 0; i < cards.size(); i++) {
            FitsCard c = FitsCard.parse(cards.get(i));
            if (!c.isCommentary() && c.keyword().equals(keyword)) {
                cards.set(i, FitsCard.formatString(keyword, value, c.comment()));
                return;
            }
        }
        int idx = cards.size() - 1;
        while (idx >= 0 && cards.get(idx).isBlank()) idx--;
        while (idx >= 0 && FitsCard.parse(cards.get(idx)).isCommentary()) idx--;
        cards.add(idx + 1, FitsCard.formatString(keyword, value, null));
        if (cards.get(cards.size() - 1).isBlank()) cards.remove(cards.size() - 1);
    }

    private static int indexOf(List<String> cards, String keyword) {
        for (int i = 0; i < cards.size(); i++) {
            FitsCard c = FitsCard.parse(cards.get(i));
            if (!c.isCommentary() && c.keyword().equals(keyword)) return i;
        }
        return -1;
    }

    private static void updateChecksums(Path file, FitsLayout.Hdu primary, List<String> cards) throws IOException {
        int checksumAt = indexOf(cards, "CHECKSUM");
        int datasumAt = indexOf(cards, "DATASUM");
        if (checksumAt < 0 && datasumAt < 0) return;
        long datasum = dataSum(file, primary);
        String datasumComment = datasumAt >= 0 ? FitsCard.parse(cards.get(datasumAt)).comment() : "data unit checksum";
        String datasumCard = FitsCard.formatString("DATASUM", Long.toString(datasum), datasumComment);
        if (datasumAt >= 0) {
            cards.set(datasumAt, datasumCard);
        } else {   // astropy adds it like any new keyword
            set(cards, "DATASUM", Long.toString(datasum));
            cards.set(indexOf(cards, "DATASUM"), datasumCard);
            checksumAt = indexOf(cards, "CHECKSUM");
        }
        if (checksumAt < 0) return;
        String comment = FitsCard.parse(cards.get(checksumAt)).comment();
        cards.set(checksumAt, FitsCard.formatString("CHECKSUM", "0".repeat(16), comment));
        byte[] header = serialize(cards, primary.headerLength());
        long sum = FitsCheckSum.sumOf(FitsCheckSum.checksum(header), datasum);
        cards.set(checksumAt, FitsCard.formatString("CHECKSUM", FitsCheckSum.encode(sum, true), comment));
    }

    /** The 32-bit ones'-complement sum of the HDU's data blocks (zero padding included). */
    private static long dataSum(Path file, FitsLayout.Hdu hdu) throws IOException {
        if (hdu.dataLength() == 0) return 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, hdu.dataOffset(), hdu.paddedDataLength());
            return FitsCheckSum.checksum(data);
        }
    }

    /** Cards, END and blanks, in at least {@code minLength} bytes (whole blocks). */
    static byte[] serialize(List<String> cards, long minLength) {
        int needed = (cards.size() + 1) * FitsLayout.CARD;
        long blocks = (needed + FitsLayout.BLOCK - 1) / FitsLayout.BLOCK;
        int length = (int) Math.max(blocks * FitsLayout.BLOCK, minLength);
        StringBuilder sb = new StringBuilder(length);
        for (String c : cards) sb.append(c);
        sb.append(FitsCard.padRight("END", FitsLayout.CARD));
        while (sb.length() < length) sb.append(' ');
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
