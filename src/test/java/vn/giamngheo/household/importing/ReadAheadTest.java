package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bulk import's read-ahead (issue 26 point 1: the CSV files parsed on a thread of their own): every entry of the
 * source comes out once, in order, whatever the count against its batches; an exception of the source comes out after
 * the entries read before it; closing it early stops its thread, which then reads no further.
 */
class ReadAheadTest {

    private static Supplier<Integer> counting(int count, AtomicInteger calls, int failAt) {
        return () -> {
            int i = calls.getAndIncrement();
            if (i == failAt) {
                throw new IllegalArgumentException("line " + i + ": unreadable");
            }
            return i < count ? i : null;
        };
    }

    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {0, 1, 255, 256, 257, 2_048, 100_003})
    void everyEntryComesOutOnceInOrder(int count) {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> out = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(counting(count, calls, -1), "t")) {
            for (Integer e = ahead.next(); e != null; e = ahead.next()) {
                out.add(e);
            }
            assertThat(ahead.next()).isNull();
        }
        assertThat(out).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(out.get(i)).isEqualTo(i);
        }
    }

    @Test
    void anExceptionOfTheSourceComesAfterTheEntriesReadBeforeIt() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> out = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(counting(10_000, calls, 700), "t")) {
            assertThatThrownBy(() -> {
                for (Integer e = ahead.next(); e != null; e = ahead.next()) {
                    out.add(e);
                }
            }).isInstanceOf(IllegalArgumentException.class).hasMessage("line 700: unreadable");
        }
        assertThat(out).hasSize(700).startsWith(0, 1, 2).endsWith(699);
    }

    @Test
    void closingEarlyStopsTheThread() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        ReadAhead<Integer> ahead = new ReadAhead<>(counting(Integer.MAX_VALUE, calls, -1), "t");
        assertThat(ahead.next()).isZero();
        ahead.close();
        int read = calls.get();
        Thread.sleep(200);
        assertThat(calls.get()).as("entries read after the close").isEqualTo(read);
        assertThat(read).as("read ahead at most the queue and a batch").isLessThanOrEqualTo(256 * 10);
    }
}
