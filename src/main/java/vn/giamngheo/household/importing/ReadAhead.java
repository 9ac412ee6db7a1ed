package vn.giamngheo.household.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Entries of a source read on a thread of their own (a {@link vn.giamngheo.exchange.HouseholdStreamReader}'s, parsing the CSV files),
 * handed over in order in batches of {@value #BATCH} through a queue of {@value #QUEUE} batches (the heap does not
 * grow with the file). The source is used by that thread alone until {@link #close()} has returned; an exception
 * of the source is thrown by {@link #next()} after the entries read before it, as the source would have thrown it.
 */
final class ReadAhead<T> implements AutoCloseable {
    private static final int BATCH = 256;
    private static final int QUEUE = 8;
    private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(QUEUE);
    private final List<T> end = new ArrayList<>(0);
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Throwable failure;
    private List<T> batch = List.of();
    private int next;
    private boolean ended;

    ReadAhead(Supplier<T> source, String name) {
        this.thread = new Thread(() -> run(source), name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run(Supplier<T> source) {
        List<T> b = new ArrayList<>(BATCH);
        try {
            while (!stopped) {
                T e = source.get();
                if (e == null) {
                    break;
                }
                b.add(e);
                if (b.size() == BATCH) {
                    put(b);
                    b = new ArrayList<>(BATCH);
                }
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            if (!b.isEmpty()) {
                put(b); // the entries read before the end or the failure
            }
            put(end);
        }
    }

    /** Waits for room in the queue; gives up (drops the batch) once {@link #close()} is called. */
    private void put(List<T> b) {
        try {
            while (!stopped && !queue.offer(b, 50, TimeUnit.MILLISECONDS)) {
                // the reader of the entries is busy: wait
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /** The next entry, or {@code null} at the end of the source. */
    T next() {
        while (next == batch.size()) {
            if (ended) {
                return null;
            }
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading", e);
            }
            next = 0;
            if (batch == end) {
                ended = true;
                Throwable t = failure;
                if (t instanceof RuntimeException r) {
                    throw r;
                } else if (t instanceof Error e) {
                    throw e;
                } else if (t != null) {
                    throw new IllegalStateException(t);
                }
                return null;
            }
        }
        return batch.get(next++);
    }

    /** Stops the thread (what it has read and not handed over is dropped) and waits for it to end. */
    @Override
    public void close() {
        stopped = true;
        while (thread.isAlive()) {
            queue.clear();
            try {
                thread.join(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
