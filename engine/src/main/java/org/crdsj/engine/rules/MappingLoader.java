package org.crdsj.engine.rules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.crdsj.engine.expr.CompiledExpression;
import org.crdsj.engine.observatory.HeaderHook;
import org.crdsj.engine.observatory.Observatory;
import org.crdsj.engine.rules.RulesException.Kind;
import org.crdsj.engine.select.Selector;
import org.crdsj.engine.select.SelectorBuilder;
import org.crdsj.engine.select.SelectorSettings;
import org.crdsj.engine.store.CachedSyntax;
import org.crdsj.engine.store.CompiledContextFile;
import org.crdsj.engine.store.CompiledContexts;
import org.crdsj.engine.store.SyntaxCache;
import org.crdsj.grammar.MappingParser;
import org.crdsj.grammar.RulesSyntaxException;
import org.crdsj.grammar.expr.Expr;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;

/**
 * Reads rules files and compiles them into {@link Mapping}s, loading nested mappings by name.
 * One loader caches what it has loaded, so a context's closure is read once; the mappings it
 * returns are immutable. A loader itself is meant for one thread at a time.
 *
 * <p>With a {@link SyntaxCache}, a file whose bytes the cache has seen is not parsed again: its
 * syntax and checksum come from the cache, and everything after the parse (compilation, the
 * {@code sha1sum} rule) is the same. New entries are written once, when the outermost load returns.
 *
 * <p>With {@link CompiledContexts} as well, an outermost load first looks for the context's
 * compiled file: when it is intact and every file of the closure is unchanged, the mappings are
 * rebuilt from it without reading any rules file, and each rmap (then its selector) is built on
 * its first use (or during the load, when asked to be eager; or on first use while a helper thread builds
 * the others, see {@link RmapBuild}). Otherwise the context is loaded as above and
 * its compiled file (re)written.
 */
public final class MappingLoader {
    private final MappingLocator locator;
    private final LoadOptions options;
    private final SyntaxCache cache;
    private final Map<Path, Mapping> loaded = new HashMap<>();
    private final CompiledContexts compiled;   // null: no compiled-context cache
    private final RmapBuild rmapBuild;
    /** What each file loaded so far would contribute to a compiled context (only with {@link #compiled}). */
    private final Map<Path, java.util.function.Supplier<CompiledContextFile.Source>> sources = new HashMap<>();
    /** The files each context named, in order (only with {@link #compiled}). */
    private final Map<Path, List<Path>> children = new HashMap<>();
    private final java.util.ArrayDeque<Path> stack = new java.util.ArrayDeque<>();
    private CompiledContextFile image;          // while loading from a compiled context
    private List<LazyRmap> lazies;              // the rmaps of that load, in load order
    private ImageBuild build;                   // the helper thread's share of that load (checking the closure)
    /** Rmaps of contexts loaded from compiled files, built on first use. */
    private final Map<Path, LazyRmap> lazyLoaded = new HashMap<>();
    private CompiledContexts.Outcome outcome = CompiledContexts.Outcome.OFF;
    /** Every keyword this loader's mappings read, numbered (see {@link org.crdsj.engine.values.KeywordSpace}). */
    private final org.crdsj.engine.values.KeywordSpace keywords = new org.crdsj.engine.values.KeywordSpace();
    /** Every Match key element this loader's rmaps use, conditioned and compiled once (thread-safe). */
    private final org.crdsj.engine.select.MatchKeyTable keyTable = new org.crdsj.engine.select.MatchKeyTable();
    /** Header expressions parsed once per distinct text (the rmaps of a context repeat a few). */
    private final org.crdsj.grammar.ExpressionMemo expressionMemo = new org.crdsj.grammar.ExpressionMemo();
    private int depth;
    /** The read-ahead of the outermost load from the rules, if any. */
    private Lookahead ahead;

    /** A loader that parses every file it reads. */
    public MappingLoader(MappingLocator locator, LoadOptions options) {
        this(locator, options, null);
    }

    /**
     * A loader that takes parsed syntax from {@code cache} when it can, and adds to it what it
     * had to parse (written when each outermost {@link #load}/{@link #loadFile} returns; a cache that
     * cannot be written only costs speed). A null cache parses every file.
     */
    public MappingLoader(MappingLocator locator, LoadOptions options, SyntaxCache cache) {
        this(locator, options, cache, null, false);
    }

    /**
     * A loader that also uses (and keeps up to date) compiled contexts: see the class comment.
     * The compiled cache is used only together with a syntax cache ({@code cache} not null).
     *
     * @param eager build every selector during the load instead of on first use
     */
    public MappingLoader(MappingLocator locator, LoadOptions options, SyntaxCache cache, CompiledContexts compiled,
                         boolean eager) {
        this(locator, options, cache, compiled, eager ? RmapBuild.EAGER : RmapBuild.LAZY);
    }

    /**
     * A loader that also uses (and keeps up to date) compiled contexts, building the rmaps of a
     * context loaded from one as {@code rmapBuild} says.
     */
    public MappingLoader(MappingLocator locator, LoadOptions options, SyntaxCache cache, CompiledContexts compiled,
                         RmapBuild rmapBuild) {
        this.locator = locator;
        this.options = options;
        this.cache = cache;
        this.compiled = cache == null ? null : compiled;
        this.rmapBuild = rmapBuild;
    }

    /** How the compiled-context cache served the last outermost load ({@code OFF} without one). */
    public CompiledContexts.Outcome contextCacheOutcome() { return outcome; }

    /** The syntax cache this loader uses, if any. */
    public Optional<SyntaxCache> cache() { return Optional.ofNullable(cache); }

    /** Loads a mapping by name (see {@link MappingLocator}) or path, with everything it names. */
    public Mapping load(String nameOrPath) {
        return loadFile(locator.locate(nameOrPath, null));
    }

    /** Loads the mapping in {@code file}, with everything it names. */
    public Mapping loadFile(Path file) {
        Path key = file.toAbsolutePath().normalize();
        if (compiled != null && !stack.isEmpty()) addChild(stack.peek(), key);
        Mapping m = loaded.get(key);
        if (m == null && lazyLoaded.containsKey(key)) return lazyLoaded.get(key).get();
        if (m == null) {
            String fileName = file.getFileName().toString();
            if (cache == null) {
                depth++;
                try {
                    Prepared p = takePrepared(fileName, file, key);
                    m = compile(fileName, p.entry().syntax(), p.entry().checksum(), new FileExpressions(Map.of()), null,
                            p.selector());
                } finally {
                    if (--depth == 0) endPrefetch();
                }
            } else if (image != null) {
                stack.push(key);
                try {
                    m = fromImage(fileName, key);
                } finally {
                    stack.pop();
                }
            } else {
                boolean outermost = depth == 0 && compiled != null;
                if (outermost) {
                    m = loadCompiled(fileName, key);
                    if (m != null) {
                        loaded.put(key, m);
                        return m;
                    }
                }
                depth++;
                if (compiled != null) stack.push(key);
                try {
                    m = compileCached(fileName, file, key);
                } finally {
                    if (compiled != null) stack.pop();
                    if (--depth == 0) {
                        endPrefetch();
                        flushQuietly();
                    }
                }
                if (outermost) writeCompiled(key);
            }
            loaded.put(key, m);
        }
        return m;
    }

    // ------------------------------------------------------------------ compiled contexts

    /** Thrown inside a load from a compiled context that cannot go on: the load starts again from the rules. */
    private static final class StaleImage extends RuntimeException {
        StaleImage() { super(null, null, false, false); }
    }

    private int optionBits() {
        return (options.verifyChecksums() ? 1 : 0) | (options.rememberPlans() ? 2 : 0);
    }

    /** The context rooted at {@code key} from its compiled file, or null (then load it from the rules). */
    private Mapping loadCompiled(String fileName, Path key) {
        CompiledContexts.Lookup found = compiled.find(key, optionBits());
        outcome = found.outcome();
        if (found.file() == null) return null;
        java.util.Set<Path> before = new java.util.HashSet<>(loaded.keySet());
        java.util.Set<Path> lazyBefore = new java.util.HashSet<>(lazyLoaded.keySet());
        // The numbering the eager load gave: every keyword a later-built selector reads is known
        // before the first header is read into an array.
        for (String k : found.file().keywords()) keywords.add(k);
        image = found.file();
        lazies = new ArrayList<>();
        boolean parallel = Runtime.getRuntime().availableProcessors() > 1 && image.members().size() >= 8;
        // The closure is checked (stamps, else SHA-1s) while the contexts are built; nothing built
        // is kept unless it passes.
        build = new ImageBuild(image, parallel);
        Mapping m = null;
        stack.push(key);
        try {
            m = fromImage(fileName, key);
        } catch (StaleImage | RulesException e) {
            // A nested name now resolves to another file, or a file vanished: the normal load
            // sees the same and reports it as it always does.
            outcome = CompiledContexts.Outcome.STALE;
        } catch (RuntimeException e) {
            outcome = CompiledContexts.Outcome.DAMAGED;
        } finally {
            stack.pop();
            String changed = build.changed();
            if (changed != null && m != null) {
                outcome = CompiledContexts.Outcome.STALE;
                m = null;
            }
            image = null;
            build = null;
        }
        List<LazyRmap> built = lazies;
        lazies = null;
        if (m != null && rmapBuild == RmapBuild.EAGER) {
            try {
                materialize(built, parallel);
            } catch (RuntimeException e) {
                outcome = CompiledContexts.Outcome.DAMAGED;
                m = null;
            }
        }
        if (m != null && rmapBuild == RmapBuild.BACKGROUND && parallel) {
            Thread helper = new Thread(new BackgroundBuild(built), "crds-rmap-build");
            helper.setDaemon(true);
            helper.start();
        }
        if (m != null) return m;
        sources.remove(key);
        children.remove(key);
        for (Path p : new ArrayList<>(loaded.keySet())) {
            if (before.contains(p)) continue;
            loaded.remove(p);
            sources.remove(p);
            children.remove(p);
        }
        for (Path p : new ArrayList<>(lazyLoaded.keySet())) {
            if (lazyBefore.contains(p)) continue;
            lazyLoaded.remove(p);
            sources.remove(p);
        }
        return null;
    }

    /**
     * Builds every rmap and its selector now: this thread from the first, a helper from the last,
     * meeting in the middle.
     */
    private static void materialize(List<LazyRmap> all, boolean parallel) {
        Thread helper = null;
        if (parallel) {
            helper = new Thread(() -> {
                try {
                    for (int i = all.size() - 1; i >= 0; i--) all.get(i).get().selector();
                } catch (RuntimeException e) {
                    // this thread reaches the same selector and reports it
                }
            }, "crds-compiled-context");
            helper.setDaemon(true);
            helper.start();
        }
        for (LazyRmap l : all) l.get().selector();
        if (helper != null) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Builds rmaps (and their selectors) from the last to the first while lookups build what they
     * need from the first: whichever thread comes first builds an rmap, the other waits for it or
     * finds it built. A failure is left for the lookup that needs that rmap to raise.
     */
    private static final class BackgroundBuild implements Runnable {
        private final List<LazyRmap> rmaps;

        BackgroundBuild(List<LazyRmap> rmaps) { this.rmaps = rmaps; }

        @Override
        public void run() {
            for (int i = rmaps.size() - 1; i >= 0; i--) {
                try {
                    rmaps.get(i).get().selector();
                } catch (RuntimeException | StackOverflowError | LinkageError e) {
                    // the lookup that needs this rmap builds it again and reports the failure
                }
            }
        }
    }

    /** Compiles one context of {@link #image}: no file is read. */
    private Mapping fromImage(String fileName, Path key) {
        CompiledContextFile.Member member = imageMember(fileName, key);
        Mapping m = compileMember(member);
        rememberImageSource(key, member);
        return m;
    }

    /** The member of {@link #image} at {@code key}; a name that now resolves elsewhere makes the image stale. */
    private CompiledContextFile.Member imageMember(String fileName, Path key) {
        CompiledContextFile.Member member = image.member(key.toString());
        if (member == null || !member.fileName().equals(fileName)) throw new StaleImage();
        return member;
    }

    /**
     * An rmap named by a context of {@link #image}: nothing of it is decoded now; it is built
     * (head, expressions, then its selector on first lookup) when a lookup first needs it.
     */
    private Object lazyRmapFromImage(Path file) {
        Path key = file.toAbsolutePath().normalize();
        if (!stack.isEmpty()) addChild(stack.peek(), key);
        Mapping done = loaded.get(key);
        if (done != null) {
            if (!(done instanceof ReferenceMapping)) throw new StaleImage();
            return done;
        }
        LazyRmap known = lazyLoaded.get(key);
        if (known != null) return known;
        CompiledContextFile.Member member = imageMember(file.getFileName().toString(), key);
        if (!member.isRmap()) throw new StaleImage();
        LazyRmap lazy = new LazyRmap(member.requiredParkeys(), new MemberBuild(member));
        rememberImageSource(key, member);
        lazyLoaded.put(key, lazy);
        lazies.add(lazy);
        return lazy;
    }

    /**
     * Where a name in a context of {@link #image} resolves. When the first place the locator looks
     * holds a file of the closure, the name resolves there: the closure check, which must pass
     * before anything built from the image is kept, finds that very file there (same stamp, else
     * same bytes), so looking for it now too would only repeat a file system call per name.
     * Otherwise the locator looks as it always does.
     */
    private Path imageLocation(String target, String requestedBy) {
        Path first = locator.firstCandidate(target);
        if (first != null && image.member(first.toAbsolutePath().normalize().toString()) != null) return first;
        return locator.locate(target, requestedBy);
    }

    /** What a member of {@link #image} contributes when the compiled context is written again. */
    private void rememberImageSource(Path key, CompiledContextFile.Member member) {
        sources.put(key, new ImageSource(key, member));
    }

    /** {@code child} was named by the context {@code parent} (kept for writing compiled contexts). */
    private void addChild(Path parent, Path child) {
        List<Path> kids = children.get(parent);
        if (kids == null) children.put(parent, kids = new ArrayList<>());
        kids.add(child);
    }

    // The load from a compiled context runs in a cold JVM: named classes rather than lambdas there,
    // whose call sites each cost a bootstrap on first use.

    /** A member's source for rewriting the compiled context, decoded only if it is rewritten. */
    private static final class ImageSource implements java.util.function.Supplier<CompiledContextFile.Source> {
        private final Path key;
        private final CompiledContextFile.Member member;

        ImageSource(Path key, CompiledContextFile.Member member) {
            this.key = key;
            this.member = member;
        }

        @Override
        public CompiledContextFile.Source get() {
            String fileName = member.fileName();
            CachedSyntax head = member.head(fileName);
            MappingSyntax s = head.syntax();
            MappingSyntax whole = member.isRmap() ? new MappingSyntax(s.file(), s.header(), member.selector(fileName), s.comment()) : s;
            return new CompiledContextFile.Source(key.toString(), member.stamp().isEmpty() ? null : member.stamp(),
                    member.sha1Hex(), member.isRmap(), member.requiredParkeys(),
                    new CachedSyntax(whole, head.checksum(), head.expressions()));
        }
    }

    /** Builds an rmap of a compiled context when a lookup first needs it. */
    private final class MemberBuild implements java.util.function.Supplier<ReferenceMapping> {
        private final CompiledContextFile.Member member;

        MemberBuild(CompiledContextFile.Member member) { this.member = member; }

        @Override
        public ReferenceMapping get() { return (ReferenceMapping) compileMember(member); }
    }

    /**
     * Compiles a member from its stored head; an rmap's selector is built on first use. Rmaps are
     * compiled on whichever thread first needs them, after the load: they touch only immutable
     * state and the (synchronised) keyword space.
     */
    private Mapping compileMember(CompiledContextFile.Member member) {
        String fileName = member.fileName();
        CachedSyntax head = member.head(fileName);
        java.util.function.Supplier<Value.Call> call = member.isRmap() ? () -> member.selector(fileName) : null;
        return compile(fileName, head.syntax(), head.checksum(), new FileExpressions(head.expressions()), call, null);
    }

    /** Writes the compiled context of the closure just loaded from {@code root}; failures only cost time. */
    private void writeCompiled(Path root) {
        List<CompiledContextFile.Source> members = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<Path> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Path p = todo.pop();
            if (!seen.add(p)) continue;
            var source = sources.get(p);
            if (source == null) return;
            members.add(source.get());
            List<Path> kids = children.getOrDefault(p, List.of());
            for (int i = kids.size() - 1; i >= 0; i--) todo.push(kids.get(i));
        }
        try {
            compiled.write(root, optionBits(), keywords.keywords(), members);
        } catch (IOException | RuntimeException e) {
            // The compiled cache only saves time; an unwritable cache directory must not fail a load.
        }
    }

    /** Compiles one mapping from its text; nested mappings are loaded through this loader. */
    public Mapping compile(String fileName, String text) {
        text = Checksums.normalizeNewlines(text);
        return compile(fileName, parse(text, fileName), Checksums.compute(text), new FileExpressions(Map.of()), null,
                null);
    }

    private static MappingSyntax parse(String normalizedText, String fileName) {
        return parse(normalizedText, null, fileName);
    }

    /**
     * Parses; {@code bytes} are the file's bytes when they are also the text's ASCII bytes, one per
     * character (the lexer then reads them as they are), else null.
     */
    private static MappingSyntax parse(String normalizedText, byte[] bytes, String fileName) {
        try {
            return bytes == null ? MappingParser.parse(normalizedText, fileName)
                    : MappingParser.parse(normalizedText, bytes, fileName);
        } catch (RulesSyntaxException e) {
            throw new RulesException(Kind.SYNTAX, e.pos(), e.detail());
        }
    }

    // ------------------------------------------------------------------ reading ahead

    /**
     * One file read and parsed, not yet compiled: its syntax and checksum (with the syntax cache,
     * also the stamp taken before reading and the SHA-1 of its bytes), or the error reading or
     * parsing it raised, to be raised when the load reaches the file (so errors come in load order);
     * for an rmap read ahead, also what building its selector gave (see {@link #selectorAhead}).
     */
    private record Prepared(String stamp, String digest, CachedSyntax entry, RuntimeException error, Object selector) {
        Prepared(String stamp, String digest, CachedSyntax entry, RuntimeException error) {
            this(stamp, digest, entry, error, null);
        }
    }

    /** Reads and parses one file; safe on any thread (the syntax cache is thread-safe, parsing stateless). */
    private Prepared prepare(String fileName, Path file) {
        try {
            if (cache == null) {
                byte[] bytes = readBytes(file);
                String decoded = decodeUtf8(bytes, file);
                String text = Checksums.normalizeNewlines(decoded);
                String checksum = text == decoded ? Checksums.compute(text, bytes) : Checksums.compute(text);
                return new Prepared(null, null, new CachedSyntax(parse(text, ascii(text, decoded, bytes), fileName), checksum), null);
            }
            String stamp = cache.fileStamp(file);   // before reading: a racing write changes it
            // A file whose stat stamp is unchanged since it was hashed is neither read nor hashed again.
            String known = cache.unchangedSha1(file).orElse(null);
            CachedSyntax entry = known == null ? null : cache.get(known, fileName).orElse(null);
            String digest = known;
            if (entry == null) {
                byte[] bytes = readBytes(file);
                digest = SyntaxCache.sha1Hex(bytes);
                cache.rememberSha1(file, stamp, digest);
                if (!digest.equals(known)) entry = cache.get(digest, fileName).orElse(null);
                if (entry == null) {
                    String decoded = decodeUtf8(bytes, file);
                    String text = Checksums.normalizeNewlines(decoded);
                    String checksum = text == decoded ? Checksums.compute(text, bytes) : Checksums.compute(text);
                    entry = new CachedSyntax(parse(text, ascii(text, decoded, bytes), fileName), checksum);
                    cache.put(digest, entry);
                }
            }
            return new Prepared(stamp, digest, entry, null);
        } catch (RuntimeException e) {
            return new Prepared(null, null, null, e);
        }
    }

    /**
     * Runs {@code task} on this thread unless the read-ahead thread has started it; while that
     * thread is still on it, this thread takes the next read-ahead work in load order rather than
     * wait idle (FutureTask.run does nothing for a task already started or done).
     */
    private void runUntilDone(java.util.concurrent.FutureTask<?> task) {
        task.run();
        while (!task.isDone()) {
            java.util.concurrent.FutureTask<?> other = ahead.queue.nextInOrder();
            if (other == null) return;
            other.run();
        }
    }

    /**
     * The file read ahead (waiting for it, or reading it now if no one started), else read now.
     * The outermost load starts the read-ahead with its own file.
     */
    private Prepared takePrepared(String fileName, Path file, Path key) {
        if (depth == 1 && ahead == null) startReadAhead(fileName, file, key);
        java.util.concurrent.FutureTask<Prepared> task = ahead == null ? null : ahead.tasks.get(key);
        Prepared p = null;
        if (task != null && task != TAKEN) {
            runUntilDone(task);
            // (what was read is compiled now: the read-ahead need not keep it alive until the load ends)
            ahead.tasks.put(key, TAKEN);
            ahead.queue.taken(task);
            try {
                p = task.get();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                p = null;   // an Error on the other thread (e.g. its smaller stack): do it again here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (p == null) p = prepare(fileName, file);
        if (p.error() != null) throw p.error();
        return p;
    }

    /**
     * Starts reading ahead on a second core with the outermost file; each context read ahead
     * makes the files it names known to the read-ahead as soon as it is parsed (see {@link Ahead}).
     */
    private void startReadAhead(String fileName, Path file, Path key) {
        if (image != null || Runtime.getRuntime().availableProcessors() < 2) return;
        // With no parsed-rules cache every file is parsed: in a fresh JVM the parser's classes and
        // first DFA states then cost the loading thread ~50 ms before its first file; a third
        // thread pays that while the read-ahead thread still waits for the root context's names.
        if (cache == null) org.crdsj.grammar.ParserWarmUp.start();
        java.util.Set<Path> done = new java.util.HashSet<>(loaded.keySet());
        done.addAll(lazyLoaded.keySet());
        ahead = new Lookahead(done);
        schedule(ahead, fileName, file, key);
    }

    /**
     * One outermost load's read-ahead: its queue, its task for each file of the closure it knows
     * (either thread adds to it), and the files loaded before it began (not read ahead again).
     */
    private static final class Lookahead {
        final ReadAhead queue = new ReadAhead();
        final Map<Path, java.util.concurrent.FutureTask<Prepared>> tasks = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.Set<Path> known;

        Lookahead(java.util.Set<Path> known) { this.known = known; }
    }

    /** Marks a file whose read-ahead result the loading thread has taken (never run). */
    private static final java.util.concurrent.FutureTask<Prepared> TAKEN = new java.util.concurrent.FutureTask<>(
            new java.util.concurrent.Callable<Prepared>() {
                @Override
                public Prepared call() { return null; }
            });

    /** Adds one file to a read-ahead unless it is loaded or already known; safe on either thread. */
    private void schedule(Lookahead la, String fileName, Path file, Path key) {
        if (la.known.contains(key)) return;
        var task = new java.util.concurrent.FutureTask<Prepared>(new Ahead(la, fileName, file));
        if (la.tasks.putIfAbsent(key, task) != null) return;
        long weight = ReadAhead.CONTEXT;
        if (MappingKind.fromFileName(fileName).orElse(null) == MappingKind.REFERENCE) {
            try {
                weight = Files.size(file);
            } catch (IOException e) {
                weight = 0;   // reading it will report the problem, in load order
            }
        }
        la.queue.schedule(task, weight);
    }

    /**
     * Makes the files a context names known to the read-ahead. Names that cannot be located are
     * left for the load to report in order. Safe on either thread.
     */
    private void prefetch(Lookahead la, String requestedBy, List<Value.Entry> entries) {
        if (la == null) return;
        for (Value.Entry e : entries) {
            String target = ((Value.Str) e.value()).value();
            if (SpecialValues.isSpecial(target)) continue;
            Path file;
            try {
                file = locator.locate(target, requestedBy);
            } catch (RulesException notFound) {
                continue;
            }
            schedule(la, file.getFileName().toString(), file, file.toAbsolutePath().normalize());
        }
    }

    /**
     * Reads and parses one file ahead ({@link #prepare}), on whichever thread gets to it first;
     * then builds an rmap's selector there too, or makes the files a context names known. A
     * class, not a lambda: start-up.
     */
    private final class Ahead implements java.util.concurrent.Callable<Prepared> {
        private final Lookahead la;
        private final String fileName;
        private final Path file;

        Ahead(Lookahead la, String fileName, Path file) {
            this.la = la;
            this.fileName = fileName;
            this.file = file;
        }

        @Override
        public Prepared call() {
            Prepared p = prepare(fileName, file);
            if (p.error() != null) return p;
            MappingKind kind = MappingKind.fromFileName(fileName).orElse(null);
            if (kind == MappingKind.REFERENCE) {
                Object selector = selectorAhead(fileName, p.entry().syntax());
                return new Prepared(p.stamp(), p.digest(), p.entry(), null, selector);
            }
            if (kind != null) {
                List<Value.Entry> entries;
                try {
                    entries = contextSelections(p.entry().syntax());
                } catch (RuntimeException e) {
                    return p;   // the load reports it when it compiles this context
                }
                prefetch(la, fileName, entries);
            }
            return p;
        }
    }

    /**
     * Builds one rmap's selector ahead, exactly as {@link #reference} would (same header, levels,
     * settings and key table), but without numbering its keywords: the loading thread numbers
     * them when it takes the selector, in load order. Gives the unbound selector, the
     * RuntimeException building raised (the loading thread raises it where it would have built
     * the selector), or null when there is nothing to build ahead (a file the loading thread will
     * reject before reaching its selector).
     */
    private Object selectorAhead(String fileName, MappingSyntax syntax) {
        try {
            MappingHeader header = new MappingHeader(fileName, syntax.header());
            Value parkeyValue = header.raw("parkey").orElse(null);
            if (parkeyValue == null || !(syntax.selector() instanceof Value.Call call)) return null;
            List<List<String>> levels = parkeyLevels(parkeyValue);
            return buildSelector(header, levels, call, options.rememberPlans(), null, keyTable);
        } catch (RuntimeException e) {
            return e;
        }
    }

    /**
     * The selector built ahead, its keywords now numbered on this thread; null when it must be
     * built here. A build error is raised here, where building it here would have raised it.
     */
    private Selector takeBuiltAhead(Object built) {
        if (built instanceof RuntimeException e) throw e;
        if (!(built instanceof Selector s)) return null;
        SelectorBuilder.bind(s, keywords);
        return s;
    }

    /** Ends reading ahead when the outermost load returns (or fails): what was not used is dropped. */
    private void endPrefetch() {
        if (ahead != null) ahead.queue.close();
        ahead = null;
    }

    /** Syntax and checksum from the cache when it knows these bytes, else parsed and offered to it. */
    private Mapping compileCached(String fileName, Path file, Path key) {
        Prepared p = takePrepared(fileName, file, key);
        String stamp = p.stamp(), digest = p.digest();
        CachedSyntax entry = p.entry();
        FileExpressions expressions = new FileExpressions(entry.expressions());
        Mapping m = compile(fileName, entry.syntax(), entry.checksum(), expressions, null, p.selector());
        if (!expressions.parsed.isEmpty()) {
            // Once the file has compiled, its entry also keeps the header expressions it parsed.
            Map<String, Expr> all = new HashMap<>(entry.expressions());
            all.putAll(expressions.parsed);
            entry = new CachedSyntax(entry.syntax(), entry.checksum(), all);
            cache.put(digest, entry);
        }
        if (compiled != null) {
            var source = new CompiledContextFile.Source(key.toString(), stamp, digest, m instanceof ReferenceMapping,
                    m instanceof ReferenceMapping r ? r.requiredParkeys() : List.of(), entry);
            sources.put(key, () -> source);
        }
        return m;
    }

    /**
     * The parsed header expressions of one file: taken from the cache when it has them, else
     * parsed (and noted, so the cache can keep them too).
     */
    private final class FileExpressions {
        final Map<String, Expr> known;
        final Map<String, Expr> parsed = new HashMap<>();

        FileExpressions(Map<String, Expr> known) { this.known = known; }

        CompiledExpression compile(String code, SourcePos pos) {
            String key = CachedSyntax.expressionKey(code, pos);
            Expr e = known.get(key);
            if (e == null) {
                e = expressionMemo.parse(code, pos);
                parsed.put(key, e);
            }
            return CompiledExpression.of(code, e);
        }
    }

    private void flushQuietly() {
        try {
            cache.flush();
        } catch (java.io.IOException | RuntimeException e) {
            // The cache only saves time; an unwritable cache directory must not fail a load.
        }
    }

    /**
     * Compiles parsed syntax whose text has CRDS checksum {@code sha1}; an rmap's selector comes
     * from {@code lazyCall} on first use when that is given (compiled contexts), else from the syntax now.
     */
    private Mapping compile(String fileName, MappingSyntax syntax, String sha1, FileExpressions expressions,
                            java.util.function.Supplier<Value.Call> lazyCall, Object selectorAhead) {
        MappingHeader header = new MappingHeader(fileName, syntax.header());
        // (plain code, no lambdas: every mapping of a load passes here, and each new lambda costs at start-up)
        MappingKind kind = MappingKind.fromFileName(fileName).orElse(null);
        if (kind == null) {
            Optional<String> field = header.string("mapping");
            kind = field.isPresent() ? MappingKind.fromHeaderField(field.get()).orElse(null) : null;
        }
        if (kind == null) {
            throw new RulesException(Kind.STRUCTURE, header.pos(),
                    "cannot tell the mapping kind: no .pmap/.imap/.rmap extension and no valid 'mapping' field");
        }
        Mapping m;
        switch (kind) {
            case PIPELINE: m = pipeline(fileName, header, syntax, sha1); break;
            case INSTRUMENT: m = instrument(fileName, header, syntax, sha1); break;
            default: m = reference(fileName, header, syntax, sha1, expressions, lazyCall, selectorAhead); break;
        }
        if (kind == MappingKind.REFERENCE && options.verifyChecksums()) verifyChecksum(fileName, header, sha1);
        return m;
    }

    // ------------------------------------------------------------------ contexts

    private PipelineContext pipeline(String name, MappingHeader header, MappingSyntax syntax, String sha1) {
        List<String> parkey = header.stringList("parkey");
        requireFields(header, "mapping", "parkey", "name", "derived_from", "observatory");
        // CRDS checks the checksum before it ever opens a nested mapping (those load lazily).
        if (options.verifyChecksums()) verifyChecksum(name, header, sha1);
        if (parkey.isEmpty()) throw new RulesException(Kind.STRUCTURE, header.pos(), "a .pmap parkey must name the instrument keyword");
        Observatory obs = observatory(header);
        Map<String, Object> selections = nestedSelections(name, syntax, InstrumentContext.class, "an instrument context (.imap)");
        return new PipelineContext(name, header, obs, parkey.get(0).toUpperCase(Locale.ROOT), selections, parkey, sha1,
                keywords);
    }

    private InstrumentContext instrument(String name, MappingHeader header, MappingSyntax syntax, String sha1) {
        List<String> parkey = header.stringList("parkey");
        requireFields(header, "mapping", "parkey", "name", "derived_from", "observatory", "instrument");
        if (options.verifyChecksums()) verifyChecksum(name, header, sha1);
        Observatory obs = observatory(header);
        Map<String, Object> selections = nestedSelections(name, syntax, ReferenceMapping.class, "a reference mapping (.rmap)");
        return new InstrumentContext(name, header, obs, header.requireString("instrument"), selections, parkey, sha1,
                keywords);
    }

    /** A context's selections, lower-case keys, each loaded (special values such as N/A kept as text). */
    private Map<String, Object> nestedSelections(String name, MappingSyntax syntax, Class<? extends Mapping> expected,
                                                 String expectedKind) {
        Map<String, Object> selections = new LinkedHashMap<>();
        List<Value.Entry> entries = contextSelections(syntax);
        // (usually known already: a context read ahead makes its names known when it is parsed)
        prefetch(ahead, name, entries);
        for (Value.Entry e : entries) {
            String key = ((Value.Str) e.key()).value().toLowerCase(Locale.ROOT);
            String target = ((Value.Str) e.value()).value();
            if (SpecialValues.isSpecial(target)) {
                selections.put(key, target);
                continue;
            }
            Path file = image != null ? imageLocation(target, name) : locator.locate(target, name);
            if (image != null && expected == ReferenceMapping.class) {
                selections.put(key, lazyRmapFromImage(file));
                continue;
            }
            Mapping nested = loadFile(file);
            if (!expected.isInstance(nested)) {
                throw new RulesException(Kind.STRUCTURE, e.value().pos(), "'" + target + "' is not " + expectedKind);
            }
            selections.put(key, nested);
        }
        return selections;
    }

    private static List<Value.Entry> contextSelections(MappingSyntax syntax) {
        if (!(syntax.selector() instanceof Value.Dict d)) {
            throw new RulesException(Kind.STRUCTURE, syntax.selector().pos(),
                    "the selector of a context (.pmap/.imap) must be a dict of names");
        }
        List<Value.Entry> out = PythonKey.dictItems(d);
        for (Value.Entry e : out) {
            if (!(e.key() instanceof Value.Str) || !(e.value() instanceof Value.Str)) {
                throw new RulesException(Kind.STRUCTURE, e.key().pos(), "context selections must map names to file names");
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ rmaps

    private ReferenceMapping reference(String name, MappingHeader header, MappingSyntax syntax, String sha1,
                                       FileExpressions expressions, java.util.function.Supplier<Value.Call> lazyCall,
                                       Object selectorAhead) {
        Value parkeyValue = header.raw("parkey").orElse(null);
        if (parkeyValue == null) {
            throw new RulesException(Kind.MISSING_HEADER_KEY, header.pos(), "Can't load file " + name + " : 'parkey'");
        }
        List<List<String>> levels = parkeyLevels(parkeyValue);
        Selector selector;
        if (lazyCall == null) {
            if (!(syntax.selector() instanceof Value.Call call)) {
                throw new RulesException(Kind.STRUCTURE, syntax.selector().pos(),
                        "the selector of a reference mapping (.rmap) must be a selector call such as Match({...})");
            }
            Selector ahead = selectorAhead == null ? null : takeBuiltAhead(selectorAhead);
            selector = ahead != null ? ahead : buildSelector(header, levels, call, options.rememberPlans(), keywords, keyTable);
        } else {
            boolean remember = options.rememberPlans();
            org.crdsj.engine.values.KeywordSpace space = keywords;
            org.crdsj.engine.select.MatchKeyTable table = keyTable;
            selector = new LazySelector(() -> buildSelector(header, levels, lazyCall.get(), remember, space, table));
        }
        requireFields(header, "mapping", "parkey", "name", "derived_from", "observatory", "instrument", "filekind");
        Observatory obs = observatory(header);
        String instrument = header.requireString("instrument");
        String filekind = header.requireString("filekind");

        List<String> required = new ArrayList<>();
        for (Value level : ((Value.Tuple) parkeyValue).items()) {
            if (level instanceof Value.Str s) required.add(s.value());
            else for (Value v : ((Value.Tuple) level).items()) required.add(((Value.Str) v).value());
        }
        String reffileSwitch = header.string("reffile_switch", "NONE").toUpperCase(Locale.ROOT);
        if (!reffileSwitch.equals("NONE")) required.add(reffileSwitch);
        required.addAll(header.stringList("extra_keys"));
        required.addAll(obs.extraKeys());

        CompiledExpression relevance = expression(expressions, header, "rmap_relevance",
                header.string("rmap_relevance", "always").replace("always", "True"), required, "True");
        CompiledExpression omit = expression(expressions, header, "rmap_omit", header.string("rmap_omit", "False"), required, "False");
        Map<String, CompiledExpression> parkeyRelevance = new HashMap<>();
        // (plain code, no lambdas, here and below: rmaps of a compiled context are built during
        // the first lookups, where each new lambda's bootstrap shows)
        Value relevanceField = header.raw("parkey_relevance").orElse(null);
        if (relevanceField != null) {
            Value v = relevanceField;
            if (!(v instanceof Value.Dict d)) throw new RulesException(Kind.STRUCTURE, v.pos(), "parkey_relevance must be a dict");
            for (Value.Entry e : PythonKey.dictItems(d)) {
                if (!(e.key() instanceof Value.Str k) || !(e.value() instanceof Value.Str src)) {
                    throw new RulesException(Kind.STRUCTURE, e.key().pos(), "parkey_relevance maps names to expression strings");
                }
                parkeyRelevance.put(k.value().toLowerCase(Locale.ROOT), compile(expressions, src.value(), required, src.pos()));
            }
        }
        for (String c : header.stringList("comment_parkeys")) parkeyRelevance.put(c.toLowerCase(Locale.ROOT), null);

        HeaderHook precondition = hook(header, obs, "precondition_header", instrument, filekind);
        HeaderHook fallback = hook(header, obs, "fallback_header", instrument, filekind);
        String required_ = header.string("reffile_required", "NONE").toUpperCase(Locale.ROOT);
        return new ReferenceMapping(name, header, obs, instrument, filekind, selector, required, relevance, omit,
                parkeyRelevanceWithNulls(parkeyRelevance), precondition, fallback, required_, sha1, keywords);
    }

    /**
     * The selector tree of an rmap's selector call, built as loading builds it (CRDS's selector
     * instantiation: key lengths, duplicate keys after conditioning, dates), without compiling
     * anything else of the mapping. Tools use it to refuse rewriting a mapping CRDS cannot read.
     *
     * @throws RulesException when the header has no usable {@code parkey} or the selector is malformed
     */
    public static Selector buildSelector(MappingHeader header, Value.Call call) {
        Value parkeyValue = header.raw("parkey").orElseThrow(() ->
                new RulesException(Kind.MISSING_HEADER_KEY, header.pos(), "'parkey'"));
        return buildSelector(header, parkeyLevels(parkeyValue), call, false, null,
                new org.crdsj.engine.select.MatchKeyTable());
    }

    private static Selector buildSelector(MappingHeader header, List<List<String>> levels, Value.Call call,
                                          boolean rememberPlans, org.crdsj.engine.values.KeywordSpace keywords,
                                          org.crdsj.engine.select.MatchKeyTable keyTable) {
        SelectorSettings settings = new SelectorSettings(mergeOverlaps(header), substitutions(header), rememberPlans);
        return new SelectorBuilder(levels, settings, keywords, keyTable).build(call);
    }

    /** Map.copyOf rejects null values, which mark comment parameters; keep them in a plain map. */
    private static Map<String, CompiledExpression> parkeyRelevanceWithNulls(Map<String, CompiledExpression> m) {
        return java.util.Collections.unmodifiableMap(new HashMap<>(m));
    }

    private static List<List<String>> parkeyLevels(Value parkey) {
        if (!(parkey instanceof Value.Tuple t)) {
            throw new RulesException(Kind.STRUCTURE, parkey.pos(), "an rmap parkey must be a tuple of tuples of names");
        }
        List<List<String>> levels = new ArrayList<>();
        for (Value level : t.items()) {
            if (level instanceof Value.Tuple lt) {
                List<String> names = new ArrayList<>();
                for (Value v : lt.items()) {
                    if (!(v instanceof Value.Str s)) throw new RulesException(Kind.STRUCTURE, v.pos(), "parkey names must be strings");
                    names.add(s.value());
                }
                levels.add(names);
            } else if (level instanceof Value.Str) {
                levels.add(null);   // legal only as an extra (unused) level
            } else {
                throw new RulesException(Kind.STRUCTURE, level.pos(), "each parkey level must be a tuple of names");
            }
        }
        // A selector nested at a string level fails like CRDS's assertion; unused string levels are fine.
        List<List<String>> out = new ArrayList<>();
        for (List<String> l : levels) {
            if (l == null) break;
            out.add(l);
        }
        return out;
    }

    private static boolean mergeOverlaps(MappingHeader header) {
        Value v = header.raw("merge_overlaps").orElse(null);
        if (v == null) return true;
        String s = v instanceof Value.Str str ? str.value()
                : v instanceof Value.Bool b ? (b.value() ? "True" : "False")
                : org.crdsj.grammar.SyntaxPrinter.print(v);
        s = s.toUpperCase(Locale.ROOT);
        return s.equals("TRUE") || s.equals("1");
    }

    private static Map<String, Map<PythonKey, Value>> substitutions(MappingHeader header) {
        Map<String, Map<PythonKey, Value>> out = new LinkedHashMap<>();
        for (String p : List.of("META.SUBARRAY.NAME", "SUBARRAY")) {
            out.put(p, Map.of(new PythonKey(new Value.Str("GENERIC", SourcePos.UNKNOWN)), new Value.Str("N/A", SourcePos.UNKNOWN)));
        }
        Value v = header.raw("substitutions").orElse(null);
        if (v != null) {
            if (!(v instanceof Value.Dict d)) throw new RulesException(Kind.STRUCTURE, v.pos(), "substitutions must be a dict");
            for (Value.Entry e : PythonKey.dictItems(d)) {
                if (!(e.key() instanceof Value.Str k) || !(e.value() instanceof Value.Dict inner)) {
                    throw new RulesException(Kind.STRUCTURE, e.key().pos(), "substitutions map parameter names to dicts");
                }
                Map<PythonKey, Value> table = new LinkedHashMap<>();
                for (Value.Entry ie : PythonKey.dictItems(inner)) table.put(new PythonKey(ie.key()), ie.value());
                out.put(k.value(), table);
            }
        }
        return out;
    }

    private static CompiledExpression expression(FileExpressions expressions, MappingHeader header, String field,
                                                 String source, List<String> required, String trivial) {
        if (source.equals(trivial)) return null;
        Value fieldValue = header.raw(field).orElse(null);
        SourcePos pos = fieldValue != null ? fieldValue.pos() : header.pos();
        return compile(expressions, source, required, pos);
    }

    /** Compiles a header expression after CRDS's rewrite of dotted parkey names to {@code _} names. */
    private static CompiledExpression compile(FileExpressions expressions, String source, List<String> required,
                                              SourcePos pos) {
        String code = source;
        for (String key : new java.util.LinkedHashSet<>(required)) {
            if (key.indexOf('.') >= 0) code = code.replace(key, key.replace('.', '_'));
        }
        try {
            return expressions.compile(code, pos);
        } catch (RulesSyntaxException e) {
            throw new RulesException(Kind.BAD_EXPRESSION, e.pos(), e.detail());
        }
    }

    private static HeaderHook hook(MappingHeader header, Observatory obs, String point, String instrument, String filekind) {
        String function = new StringBuilder(point).append('_').append(instrument).append('_').append(filekind)
                .append("_v1").toString();   // (not '+': its first use per shape costs a bootstrap at start-up)
        var hooks = header.raw("hooks");
        if (hooks.isPresent() && hooks.get() instanceof Value.Dict d && !d.entries().isEmpty()) {
            function = point;
            for (Value.Entry e : PythonKey.dictItems(d)) {
                if (e.key() instanceof Value.Str k && k.value().equals(point) && e.value() instanceof Value.Str v) {
                    function = v.value();
                }
            }
        }
        return obs.hook(function).orElse(null);
    }

    // ------------------------------------------------------------------ common checks

    private static void requireFields(MappingHeader header, String... keys) {
        for (String k : keys) header.require(k);
    }

    private static Observatory observatory(MappingHeader header) {
        String id = header.requireString("observatory");
        Optional<Observatory> obs = Observatory.fromId(id);
        if (obs.isEmpty()) {
            throw new RulesException(Kind.STRUCTURE, header.raw("observatory").get().pos(), "unknown observatory '" + id + "'");
        }
        return obs.get();
    }

    private static void verifyChecksum(String name, MappingHeader header, String computed) {
        var stored = header.string("sha1sum");
        if (stored.isEmpty()) {
            throw new RulesException(Kind.CHECKSUM, name, "sha1sum is missing in '" + name + "'");
        }
        if (!stored.get().equals(computed)) {
            throw new RulesException(Kind.CHECKSUM, header.raw("sha1sum").get().pos(),
                    "sha1sum mismatch in '" + name + "' (the text's checksum is " + computed + ")");
        }
    }

    /**
     * The file's {@code bytes} when they are {@code text}'s ASCII bytes, else null: when decoding
     * them (strictly) gave as many characters as bytes and nothing was normalised, each was ASCII.
     */
    private static byte[] ascii(String text, String decoded, byte[] bytes) {
        return text == decoded && bytes.length == text.length() ? bytes : null;
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RulesException(Kind.MISSING_FILE, file.toString(), "cannot read: " + e.getMessage());
        }
    }

    private static String decodeUtf8(byte[] bytes, Path file) {
        // The JDK's own decoding (fast for ASCII, one copy) replaces malformed input with U+FFFD;
        // only text that then holds one needs the strict decoder to tell whether it was malformed.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) return text;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RulesException(Kind.SYNTAX, file.toString(), "not valid UTF-8 text");
        }
    }
}
