package org.crdsj.engine.rules;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.crdsj.engine.store.CompiledContextFile;
import org.crdsj.engine.store.CompiledContexts;

/**
 * The second core's share of a load from a compiled context: a helper thread first checks every
 * file of the closure against the compiled file (stamps, else SHA-1), then compiles rmaps from
 * the last one backwards while the loader compiles the contexts from the root forwards. Each rmap
 * is compiled once, by whichever thread claims it first; the loader waits for one the helper is
 * still compiling. Nothing built is used unless the check passed ({@link #changed()}).
 */
final class ImageBuild {
    private final CompiledContextFile file;
    private final Function<CompiledContextFile.Member, Mapping> compile;
    private final AtomicIntegerArray claims;
    private final AtomicReferenceArray<Object> results;   // Mapping or Throwable
    private final CountDownLatch checked = new CountDownLatch(1);
    private volatile String changed;
    private final Thread helper;

    ImageBuild(CompiledContextFile file, Function<CompiledContextFile.Member, Mapping> compile, boolean parallel) {
        this.file = file;
        this.compile = compile;
        int n = file.members().size();
        this.claims = new AtomicIntegerArray(n);
        this.results = new AtomicReferenceArray<>(n);
        if (parallel) {
            helper = new Thread(this::help, "crds-compiled-context");
            helper.setDaemon(true);
            helper.start();
        } else {
            helper = null;
            check();
        }
    }

    private void check() {
        try {
            changed = CompiledContexts.changedMember(file);
        } catch (RuntimeException | Error e) {
            changed = String.valueOf(e);
        } finally {
            checked.countDown();
        }
    }

    private void help() {
        check();
        if (changed != null) return;
        for (int i = file.members().size() - 1; i >= 0; i--) {
            CompiledContextFile.Member m = file.members().get(i);
            if (m.isRmap() && claims.compareAndSet(i, 0, 1)) run(m);
        }
    }

    private Mapping run(CompiledContextFile.Member m) {
        Object r;
        try {
            r = compile.apply(m);
        } catch (RuntimeException | Error e) {
            r = e;
        }
        synchronized (this) {
            results.set(m.index(), r);
            notifyAll();
        }
        return unwrap(r);
    }

    /** The compiled rmap {@code m}: compiled now, or the helper's result (waiting for it if need be). */
    Mapping rmap(CompiledContextFile.Member m) {
        if (claims.compareAndSet(m.index(), 0, 1)) return run(m);
        Object r;
        synchronized (this) {
            while ((r = results.get(m.index())) == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while loading a compiled context", e);
                }
            }
        }
        return unwrap(r);
    }

    private static Mapping unwrap(Object r) {
        if (r instanceof RuntimeException e) throw e;
        if (r instanceof Error e) throw e;
        return (Mapping) r;
    }

    /** Waits for the check (and the helper) to finish: the first changed file's path, or null when none changed. */
    String changed() {
        try {
            checked.await();
            if (helper != null) helper.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return changed;
    }
}
