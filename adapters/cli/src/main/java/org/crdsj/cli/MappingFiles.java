package org.crdsj.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.crdsj.engine.rules.Checksums;
import org.crdsj.grammar.MappingParser;
import org.crdsj.grammar.RulesSyntaxException;
import org.crdsj.grammar.syntax.MappingSyntax;

/** Reading mapping files the way CRDS's tools read them (UTF-8 text, universal newlines). */
final class MappingFiles {
    private MappingFiles() {}

    /** A tool operation on one file that failed; the message is what CRDS logs after its prefix. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /** The file's text, newlines normalised; {@code shown} is the name messages use. */
    static String text(Path file, String shown) throws Failure {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Failure("[Errno 2] No such file or directory: " + org.crdsj.engine.values.PythonRepr.str(shown));
        } catch (IOException e) {
            throw new Failure("cannot read " + shown + ": " + e.getMessage());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return Checksums.normalizeNewlines(text);
        } catch (CharacterCodingException e) {
            throw new Failure("'utf-8' codec can't decode " + shown + ": not UTF-8 text");
        }
    }

    /**
     * The parsed file; a syntax error is reported as {@code <context> : file:line:column: what},
     * the context being what CRDS says at that point (e.g. {@code Can't load file x.rmap}).
     */
    static MappingSyntax parse(String text, String fileName, String context) throws Failure {
        try {
            return MappingParser.parse(text, fileName);
        } catch (RulesSyntaxException e) {
            throw new Failure(context + " : " + e.getMessage());
        }
    }

    /** CRDS's test for a rules file: a {@code .pmap}, {@code .imap} or {@code .rmap} name. */
    static boolean isMapping(String name) {
        return name.endsWith(".pmap") || name.endsWith(".imap") || name.endsWith(".rmap");
    }
}
