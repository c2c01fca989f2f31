/**
 * FITS (and GEIS) files as CRDS sees them: {@link org.crdsj.fits.DatasetHeader} reads a dataset's
 * header the way CRDS reads it through astropy (values as {@link org.crdsj.fits.FitsCard} parses
 * them) and gives the context's minimum header; {@link org.crdsj.fits.FitsHeaderUpdate} writes
 * keywords into a primary header as astropy does, keeping every other byte and the FITS checksums
 * valid, atomically; {@link org.crdsj.fits.BestrefsKeywords} says which keywords and values
 * {@code --update-bestrefs} writes. nom-tam-fits supplies the checksum arithmetic.
 */
package org.crdsj.fits;
