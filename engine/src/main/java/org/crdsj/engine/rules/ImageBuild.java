package org.crdsj.engine.rules;

import java.util.concurrent.CountDownLatch;
import org.crdsj.engine.store.CompiledContextFile;
import org.crdsj.engine.store.CompiledContexts;

/**
 * The second core's share of a load from a compiled context: a helper thread checks every file
 * of the closure against the compiled file (stamps, else SHA-1) while the loader builds the
 * contexts (their rmaps wait for first use, see {@link LazyRmap}). Nothing built is used unless
 * the check passed ({@link #changed()}). Without a second core the check runs at once.
 */
final class ImageBuild {
    private final CompiledContextFile file;
    private final CountDownLatch checked = new CountDownLatch(1);
    private volatile String changed;
    private final Thread helper;

    ImageBuild(CompiledContextFile file, boolean parallel) {
        this.file = file;
        if (parallel) {
            helper = new Thread(new Runnable() {   // not a lambda: no bootstrap on the cold load path
                @Override
                public void run() { check(); }
            }, "crds-compiled-context");
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

    /** Waits for the check to finish: the first changed file's path, or null when none changed. */
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
