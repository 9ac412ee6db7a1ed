package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.ByteStreamWriter;

/**
 * The staging COPY streams of the bulk import (h14): rows written from a thread of their own reach PostgreSQL
 * byte for byte as the reading thread's own writes did, in order; a write error comes back to the reading thread;
 * an aborted stream drops what is left and is cancelled.
 */
class CopyBufferTest {

    /** A COPY that records what it is sent; {@code failAfter} writes succeed, the next one fails. */
    static final class RecordingCopy implements CopyIn {
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        final int failAfter;
        final CountDownLatch gate;
        int writes;
        boolean active = true;
        boolean cancelled;

        RecordingCopy(int failAfter, CountDownLatch gate) {
            this.failAfter = failAfter;
            this.gate = gate;
        }

        @Override
        public synchronized void writeToCopy(byte[] buf, int off, int siz) throws SQLException {
            try {
                if (gate != null && !gate.await(10, TimeUnit.SECONDS)) {
                    throw new SQLException("gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (writes++ == failAfter) {
                throw new SQLException("ERROR: invalid input syntax for type bigint");
            }
            sent.write(buf, off, siz);
        }

        @Override
        public void writeToCopy(ByteStreamWriter from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void flushCopy() {
        }

        @Override
        public synchronized long endCopy() {
            active = false;
            return sent.toString(StandardCharsets.UTF_8).lines().count();
        }

        @Override
        public int getFieldCount() {
            return 0;
        }

        @Override
        public int getFormat() {
            return 0;
        }

        @Override
        public int getFieldFormat(int field) {
            return 0;
        }

        @Override
        public synchronized boolean isActive() {
            return active;
        }

        @Override
        public synchronized void cancelCopy() {
            active = false;
            cancelled = true;
        }

        @Override
        public long getHandledRowCount() {
            return 0;
        }
    }

    private static long write(CopyBuffer b, int rows) throws SQLException {
        for (int i = 0; i < rows; i++) {
            b.value(i).text("Nguyễn Văn \\ " + i + "\tx").value(null).value(new java.math.BigDecimal("12.50")).end();
        }
        return b.finish();
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {0, 1, 999, 20_000})
    void theThreadOfItsOwnSendsTheSameBytesInTheSameOrder(int rows) throws SQLException {
        RecordingCopy direct = new RecordingCopy(Integer.MAX_VALUE, null);
        RecordingCopy threaded = new RecordingCopy(Integer.MAX_VALUE, null);

        long directRows = write(new CopyBuffer(direct), rows);
        long threadedRows = write(new CopyBuffer(threaded, "test-copy"), rows);

        assertThat(threadedRows).isEqualTo(directRows).isEqualTo(rows);
        assertThat(threaded.sent.toByteArray()).isEqualTo(direct.sent.toByteArray());
        if (rows > 0) {
            assertThat(threaded.sent.toString(StandardCharsets.UTF_8)).startsWith("0\tNguyễn Văn \\\\ 0\\tx\t\\N\t12.50\n");
        }
    }

    @Test
    void aWriteErrorReachesTheReadingThread() {
        RecordingCopy failing = new RecordingCopy(2, null);
        CopyBuffer b = new CopyBuffer(failing, "test-copy");

        assertThatThrownBy(() -> write(b, 50_000)).isInstanceOf(SQLException.class).hasMessageContaining("invalid input syntax");
        b.abort();
        assertThat(failing.cancelled).isTrue();
    }

    @Test
    void anAbortedStreamDropsWhatIsLeftAndIsCancelled() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        RecordingCopy slow = new RecordingCopy(Integer.MAX_VALUE, gate);
        CopyBuffer b = new CopyBuffer(slow, "test-copy");
        Thread reader = new Thread(() -> {
            try {
                for (int i = 0; i < 5_000; i++) { // about 10 chunks: the queue holds them while the first write waits
                    b.value(i).text("x".repeat(100)).end();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        reader.join(10_000);
        Thread aborter = new Thread(b::abort);
        aborter.start();
        // the abort has dropped the queued chunks and waits for the write in progress
        for (int i = 0; i < 1_000 && aborter.getState() != Thread.State.WAITING; i++) {
            Thread.sleep(10);
        }
        gate.countDown();
        aborter.join(10_000);

        assertThat(slow.cancelled).isTrue();
        assertThat(slow.writes).as("chunks written after the abort").isLessThanOrEqualTo(1);
    }
}
