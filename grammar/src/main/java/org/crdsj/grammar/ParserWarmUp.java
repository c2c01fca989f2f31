package org.crdsj.grammar;

import org.crdsj.grammar.syntax.SourcePos;

/**
 * Gets the parser ready in a fresh JVM before the first real mapping arrives. In a cold JVM the
 * first parse pays ~50-80 ms (without a class-data archive) that have nothing to do with its
 * text: loading and verifying the ANTLR runtime and the generated lexer and parser, decoding
 * their ATNs, and building the lexer's first DFA states. {@link #run()} pays that by parsing a
 * small built-in mapping and header expression which use every kind of token and value the
 * mapping files use. Called on a second thread as early as possible in a load without caches, it
 * takes that time off the loading thread's path; the JVM makes a parse that starts meanwhile wait
 * for the class initialisations it needs, and ANTLR's shared DFA is safe to grow from several
 * threads. Results are thrown away; no state of this project's code is changed.
 */
public final class ParserWarmUp implements Runnable {
    /** A mapping with the usual constructs: nested dicts, tuples, selector calls, every literal kind. */
    static final String MAPPING = """
            # a warm-up mapping
            header = {
                'derived_from' : 'hst_acs_biasfile_0001.rmap',
                'filekind' : 'BIASFILE',
                'parkey' : (('DETECTOR', 'CCDAMP', 'CCDGAIN'), ('DATE-OBS', 'TIME-OBS')),
                'rmap_relevance' : '((DETECTOR != "SBC") and (OBSTYPE == "IMAGING"))',
                'reference_to_dataset' : {'A' : "B", 'c' : 'd\\te', 'e' : ''},
                'tpn' : ['a', 'b',],
                'n' : 10, 'x' : -1.5e3, 'y' : 0.5, 'ok' : True, 'no' : False, 'none' : None,
            }

            selector = Match({
                ('HRC', 'A|B|C', 'N/A', 1.0) : UseAfter({
                    '2002-03-01 00:00:00' : 'abc_bia.fits',
                    '2003-03-01 00:00:00' : 'def_bia.fits',
                }),
                ('WFC', '*', '2', -1) : 'N/A',
            })
            comment = '''warm'''
            """;

    /** A header expression with names, literals, comparisons and logic. */
    private static final String EXPRESSION =
            "((DETECTOR != 'SBC') and (OBSTYPE in ['IMAGING', \"CORON\"]) or not (CCDGAIN == 1.0 or N < -2))";

    /** Parses the built-in texts once; see the class comment. */
    @Override
    public void run() {
        MappingParser.parse(MAPPING, "warm-up.rmap");
        ExpressionParser.parse(EXPRESSION, SourcePos.UNKNOWN);
    }

    /** A daemon thread that runs {@link #run()}, started; for a caller with nothing else to set up. */
    public static Thread start() {
        Thread thread = new Thread(new ParserWarmUp(), "crds-parser-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
