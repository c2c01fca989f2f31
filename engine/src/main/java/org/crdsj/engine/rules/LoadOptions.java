package org.crdsj.engine.rules;

/**
 * How mappings are loaded.
 *
 * @param verifyChecksums reject a file whose {@code sha1sum} is missing or does not match its
 *     text (CRDS's default; switch off only for rules being edited)
 * @param rememberPlans let each Match remember what every combination of its parameter values
 *     leads to (faster when datasets repeat combinations, as they do; answers are the same
 *     either way; off only to measure the uncached path)
 */
public record LoadOptions(boolean verifyChecksums, boolean rememberPlans) {
    public static final LoadOptions DEFAULT = new LoadOptions(true, true);

    public LoadOptions(boolean verifyChecksums) {
        this(verifyChecksums, true);
    }
}
