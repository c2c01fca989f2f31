package org.crdsj.certify;

/**
 * The warnings astropy gives each time CRDS opens a damaged FITS reference while certifying it.
 * CRDS reads the same file many times (see {@link ReferenceCertifier}: the header for the file's
 * type, the format check, the header proper, the tables, each array, the ASDF-extension probe),
 * and astropy re-checks the file on every open, so its warnings repeat once per open:
 *
 * <ul>
 *   <li>a file shorter than its last HDU's padded data warns "File may have been truncated" on
 *       each seek past the end: three per open that walks all HDUs (the seek after reading that
 *       HDU, the seek back to its end before looking for another HDU, and the seek back to the
 *       same place when the fast header parser finds nothing there);</li>
 *   <li>CHECKSUM/DATASUM failures are reported by opens that verify checksums, which are the
 *       opens made through CRDS's {@code fits_open} (its default is to verify); the header reads
 *       and the ASDF probe open without verification.</li>
 * </ul>
 *
 * Not thread-safe: one per certified file.
 */
final class FitsReads {
    private static final int TRUNCATION_WARNINGS_PER_OPEN = 3;

    private final FitsReference fits;
    private final CertifyLog log;

    FitsReads(FitsReference fits, CertifyLog log) {
        this.fits = fits;
        this.log = log;
    }

    /** One open that reads every HDU; {@code verifiesChecksums} for opens through CRDS's fits_open. */
    void open(boolean verifiesChecksums) {
        long expected = fits.truncatedExpectedSize();
        if (expected >= 0) {
            for (int i = 0; i < TRUNCATION_WARNINGS_PER_OPEN; i++) {
                log.warning("AstropyUserWarning : astropy.io.fits.file : File may have been truncated: actual file length ("
                        + fits.length() + ") is smaller than the expected size (" + expected + ")");
            }
        }
        if (verifiesChecksums) {
            for (String problem : fits.checksumProblems()) log.warning("AstropyUserWarning : astropy.io.fits.hdu.base : " + problem);
        }
    }

    /** {@code n} opens. */
    void opens(int n, boolean verifiesChecksums) {
        for (int i = 0; i < n; i++) open(verifiesChecksums);
    }
}
