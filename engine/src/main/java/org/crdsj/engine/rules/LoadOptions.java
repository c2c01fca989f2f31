package org.crdsj.engine.rules;

/**
 * How mappings are loaded. {@code verifyChecksums}: reject a file whose {@code sha1sum} is missing or
 * does not match its text (CRDS's default; switch off only for rules being edited).
 */
public record LoadOptions(boolean verifyChecksums) {
    public static final LoadOptions DEFAULT = new LoadOptions(true);
}
