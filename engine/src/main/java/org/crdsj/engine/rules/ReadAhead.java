package org.crdsj.engine.rules;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.FutureTask;

/**
 * The work of one fresh load that a second core does ahead of the loading thread: reading,
 * parsing and building the selectors of the files of a closure as they become known.
 *
 * <p>Two threads take the same tasks from two ends. The helper thread takes the heaviest task
 * not yet taken (contexts first, since parsing one makes its rmaps known, then the biggest
 * files), so the work left at the end is small and both cores finish together. The loading
 * thread needs the files in load order; while the task it needs runs on the helper, it takes the
 * next ones in the order they became known ({@link #nextInOrder}) instead of waiting idle. A task
 * runs once: {@link FutureTask#run} does nothing for a task another thread has started, so either
 * queue may hold tasks that are already done.
 */
final class ReadAhead implements Runnable {
    /** Weight of a context: before every rmap. */
    static final long CONTEXT = Long.MAX_VALUE;

    private final ArrayDeque<FutureTask<?>> inOrder = new ArrayDeque<>();
    private final PriorityQueue<Job> byWeight = new PriorityQueue<>();
    private long scheduled;
    private boolean closed;
    private Thread helper;

    private record Job(FutureTask<?> task, long weight, long seq) implements Comparable<Job> {
        @Override
        public int compareTo(Job o) {
            // heaviest first; equal weights in the order they became known
            return weight != o.weight ? Long.compare(o.weight, weight) : Long.compare(seq, o.seq);
        }
    }

    /** Adds a task; the helper thread starts with the first. Ignored once closed. */
    synchronized void schedule(FutureTask<?> task, long weight) {
        if (closed) return;
        inOrder.addLast(task);
        byWeight.add(new Job(task, weight, scheduled++));
        if (helper == null) {
            // a daemon, so an unfinished read never keeps the JVM alive
            helper = new Thread(this, "crds-read-ahead");
            helper.setDaemon(true);
            helper.start();
        } else {
            notifyAll();
        }
    }

    /** The earliest-known task, possibly already started or done; null when none is left. */
    synchronized FutureTask<?> nextInOrder() {
        return inOrder.pollFirst();
    }

    /** The loading thread has taken {@code task}'s result: no queue keeps it (nor its result) alive any longer. */
    synchronized void taken(FutureTask<?> task) {
        inOrder.remove(task);
    }

    /** Ends the read-ahead: tasks not started are dropped; the helper ends after its current one. */
    synchronized void close() {
        closed = true;
        inOrder.clear();
        byWeight.clear();
        notifyAll();
    }

    private synchronized FutureTask<?> heaviest() {
        while (!closed && byWeight.isEmpty()) {
            try {
                wait();
            } catch (InterruptedException e) {
                return null;
            }
        }
        return closed ? null : byWeight.poll().task();
    }

    /** The helper thread's loop (FutureTask keeps what a task throws for the thread that takes its result). */
    @Override
    public void run() {
        for (FutureTask<?> task = heaviest(); task != null; task = heaviest()) task.run();
    }
}
