/** FITS files through nom-tam-fits: dataset headers as CRDS reads them, best references written back, reference headers. */
package org.crdsj.fits;
