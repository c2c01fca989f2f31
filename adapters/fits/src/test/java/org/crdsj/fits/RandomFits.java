package org.crdsj.fits;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random small FITS files written card by card (not through the code under test): a primary HDU
 * with or without an image, filler keywords of every value type, sometimes reference keywords
 * with comments, trailing COMMENT/HISTORY text and blank cards, headers that end exactly at a
 * block boundary, image extensions, and CHECKSUM/DATASUM in some HDUs.
 */
final class RandomFits {
    private RandomFits() {}

    static String card(String text) {
        StringBuilder sb = new StringBuilder(text);
        while (sb.length() < 80) sb.append(' ');
        if (sb.length() > 80) throw new IllegalArgumentException(text);
        return sb.toString();
    }

    static String value(String key, String field, String comment) {
        String k = (key + "        ").substring(0, 8);
        String v = String.format("%20s", field);
        return card(comment == null ? k + "= " + v : k + "= " + v + " / " + comment);
    }

    static String string(String key, String s, String comment) {
        String k = (key + "        ").substring(0, 8);
        String q = "'" + String.format("%-8s", s.replace("'", "''")) + "'";
        return card(comment == null ? k + "= " + String.format("%-20s", q) : k + "= " + String.format("%-20s", q) + " / " + comment);
    }

    static final String[] TYPES = {"BIASFILE", "DARKFILE", "FLATFILE", "CCDTAB", "OSCNTAB", "BPIXTAB", "IDCTAB", "PFLTFILE"};

    static byte[] generate(Random rnd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int extensions = rnd.nextInt(3);
        boolean checksums = rnd.nextBoolean();
        writeHdu(out, rnd, true, extensions > 0, checksums);
        for (int i = 0; i < extensions; i++) writeHdu(out, rnd, false, false, checksums && rnd.nextBoolean());
        return out.toByteArray();
    }

    private static void writeHdu(ByteArrayOutputStream out, Random rnd, boolean primary, boolean extend, boolean checksum) {
        List<String> cards = new ArrayList<>();
        int[] bitpixes = {8, 16, 32, -32, -64};
        int bitpix = bitpixes[rnd.nextInt(bitpixes.length)];
        boolean hasData = !primary || rnd.nextInt(3) > 0;
        int n1 = 1 + rnd.nextInt(40), n2 = 1 + rnd.nextInt(30);
        cards.add(primary ? value("SIMPLE", "T", "conforms to FITS standard") : string("XTENSION", "IMAGE", "Image extension"));
        cards.add(value("BITPIX", Integer.toString(bitpix), null));
        cards.add(value("NAXIS", hasData ? "2" : "0", null));
        if (hasData) {
            cards.add(value("NAXIS1", Integer.toString(n1), null));
            cards.add(value("NAXIS2", Integer.toString(n2), null));
        }
        if (primary && extend) cards.add(value("EXTEND", "T", null));
        if (!primary) {
            cards.add(value("PCOUNT", "0", null));
            cards.add(value("GCOUNT", "1", null));
            cards.add(string("EXTNAME", "SCI", null));
        }
        if (checksum) {
            cards.add(string("CHECKSUM", "0000000000000000", "HDU checksum"));
            cards.add(string("DATASUM", "0", "data unit checksum"));
        }
        int fillers = rnd.nextInt(5) == 0 ? 36 * (1 + rnd.nextInt(2)) - cards.size() - 1 - rnd.nextInt(3) : rnd.nextInt(60);
        for (int i = 0; i < fillers; i++) {
            String key = String.format("KEY%04d", i);
            switch (rnd.nextInt(9)) {
                case 0 -> cards.add(string(key, "text " + rnd.nextInt(1000), rnd.nextBoolean() ? "a string" : null));
                case 1 -> cards.add(value(key, Integer.toString(rnd.nextInt(200000) - 100000), "an integer"));
                case 2 -> cards.add(value(key, String.format("%.6E", rnd.nextGaussian() * 1e5), null));
                case 3 -> cards.add(value(key, rnd.nextBoolean() ? "T" : "F", "a logical"));
                case 4 -> cards.add(card("COMMENT a comment line " + i));
                case 5 -> cards.add(card("HISTORY a history line " + i));
                case 6 -> cards.add(card("              / SECTION " + i));
                case 7 -> cards.add(primary && rnd.nextBoolean()
                        ? string(TYPES[rnd.nextInt(TYPES.length)], "jref$old" + i + "_x.fits", rnd.nextBoolean() ? "reference file" : null)
                        : string(key, "it's " + i, null));
                default -> cards.add(value(key, Double.toString(rnd.nextDouble()), null));
            }
        }
        if (rnd.nextInt(3) == 0) for (int i = rnd.nextInt(4); i >= 0; i--) cards.add(card("HISTORY trailing history " + i));
        if (rnd.nextInt(3) == 0) for (int i = rnd.nextInt(5); i >= 0; i--) cards.add(card(""));
        byte[] data = new byte[hasData ? pad(Math.abs(bitpix) / 8 * n1 * n2) : 0];
        if (hasData) {
            int len = Math.abs(bitpix) / 8 * n1 * n2;
            for (int i = 0; i < len; i++) data[i] = (byte) rnd.nextInt(256);
        }
        byte[] header = header(cards);
        if (checksum) {
            long datasum = ChecksumVerifier.sum(data, 0, data.length);
            replace(cards, "DATASUM", string("DATASUM", Long.toString(datasum), "data unit checksum"));
            long sum = ChecksumVerifier.add(ChecksumVerifier.sum(header(cards), 0, header.length), datasum);
            replace(cards, "CHECKSUM", string("CHECKSUM", ChecksumVerifier.encodeComplement(sum), "HDU checksum"));
            header = header(cards);
        }
        out.writeBytes(header);
        out.writeBytes(data);
    }

    private static void replace(List<String> cards, String key, String card) {
        for (int i = 0; i < cards.size(); i++) if (cards.get(i).startsWith((key + "        ").substring(0, 8) + "=")) cards.set(i, card);
    }

    static int pad(int n) {
        return (n + 2879) / 2880 * 2880;
    }

    static byte[] header(List<String> cards) {
        StringBuilder sb = new StringBuilder();
        for (String c : cards) sb.append(c);
        sb.append(card("END"));
        while (sb.length() % 2880 != 0) sb.append(' ');
        return ChecksumVerifier.ascii(sb.toString());
    }
}
