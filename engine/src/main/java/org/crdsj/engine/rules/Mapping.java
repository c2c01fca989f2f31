package org.crdsj.engine.rules;

import java.util.List;
import org.crdsj.engine.observatory.Observatory;

/**
 * A loaded, compiled rules file: a pipeline context (.pmap), an instrument context (.imap) or a
 * reference mapping (.rmap). Immutable and safe to share between threads.
 */
public sealed interface Mapping permits PipelineContext, InstrumentContext, ReferenceMapping {

    /** The file's base name, e.g. {@code hst_acs_biasfile_0001.rmap}. */
    String name();

    MappingHeader header();

    MappingKind kind();

    Observatory observatory();

    /** The header keys a lookup needs (CRDS's {@code get_required_parkeys}). */
    List<String> requiredParkeys();

    /** The checksum of the file's text (what {@code sha1sum} should say). */
    String sha1sum();
}
