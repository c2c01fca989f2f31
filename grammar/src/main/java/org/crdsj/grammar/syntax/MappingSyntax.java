package org.crdsj.grammar.syntax;

/**
 * A parsed mapping file: its {@code header} dict, its {@code selector} (a dict for .pmap/.imap, a
 * selector call for .rmap) and the optional {@code comment} string. When a name is assigned more
 * than once, the last assignment is kept, as Python would.
 */
public record MappingSyntax(String file, Value.Dict header, Value selector, String comment) {}
