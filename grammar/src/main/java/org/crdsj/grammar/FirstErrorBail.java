package org.crdsj.grammar;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The error strategy of the first, fast parse: it does no work while the input is valid (no
 * look-ahead checks at loop entries, unlike {@link SyntaxErrorStrategy#sync}) and gives up at the
 * first error without describing it. {@link RulesParsing} then parses again with
 * {@link SyntaxErrorStrategy}, which finds the same first error and says what is wrong there.
 */
final class FirstErrorBail extends DefaultErrorStrategy {
    @Override
    public void sync(Parser recognizer) {
        // Errors are found where a token does not match; where exactly is the second parse's business.
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        throw new ParseCancellationException(e);
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw new ParseCancellationException(e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        throw new ParseCancellationException(new InputMismatchException(recognizer));
    }
}
