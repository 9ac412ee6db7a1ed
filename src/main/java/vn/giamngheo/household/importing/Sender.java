package vn.giamngheo.household.importing;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.postgresql.copy.CopyIn;

/**
 * The thread that writes one COPY stream's chunks, in order, through a short queue (at most
 * {@value #QUEUE} chunks of about {@value CopyBuffer#FLUSH_BYTES} bytes: the heap does not grow with the file). The
 * connection is used by this thread alone until {@link #drain()} or {@link #stop()} has returned.
 */
final class Sender {
    private static final int QUEUE = 16;
    private static final byte[] END = new byte[0];
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE);
    private final CopyIn copy;
    private final Thread thread;
    private volatile SQLException failure;
    private volatile boolean dropping;

    Sender(CopyIn copy, String name) {
        this.copy = copy;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        while (true) {
            byte[] chunk;
            try {
                chunk = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (chunk == END) {
                return;
            }
            if (failure != null || dropping) {
                continue; // keep taking, so that the reading thread never waits on a dead stream
            }
            try {
                copy.writeToCopy(chunk, 0, chunk.length);
            } catch (SQLException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new SQLException("COPY stream failed: " + e.getMessage(), e);
            }
        }
    }

    void send(byte[] chunk) throws SQLException {
        rethrow();
        put(chunk);
    }

    /** Waits until every chunk sent so far is written; the first write error, if any, is thrown here. */
    void drain() throws SQLException {
        put(END);
        join();
        rethrow();
    }

    /** Drops the chunks not yet written and waits for the thread to end (a chunk being written completes). */
    void stop() {
        dropping = true;
        queue.clear();
        try {
            put(END);
        } catch (SQLException e) {
            // interrupted: the thread is a daemon and the connection is closed by the caller
        }
        join();
    }

    private void put(byte[] chunk) throws SQLException {
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while staging", e);
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() throws SQLException {
        if (failure != null) {
            throw failure;
        }
    }
}
