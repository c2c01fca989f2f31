/** Certify: the .tpn constraint language and the checks CRDS applies to reference files and mappings. */
package org.crdsj.certify;
