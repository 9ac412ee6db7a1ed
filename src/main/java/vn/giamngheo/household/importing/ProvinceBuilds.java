package vn.giamngheo.household.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * The provinces of a first load built as separate tables on several connections at once (migration V73, ADR 0013
 * amendment h25): each connection takes the next province (largest first) and builds it with
 * {@code bulk_build_province} in a transaction of its own, while the move's transaction waits; the move then swaps the
 * built tables in ({@code bulk_swap_provinces}), so the registry changes all together or not at all. Tables built for an
 * import that fails or a process that is killed are dropped by {@link #cleanup(Connection)}, which every import runs
 * before and after it.
 */
final class ProvinceBuilds {

    private final DataSource dataSource;
    private final int connections;
    private final int indexBuildWorkers;

    /**
     * @param connections       the build connections ({@code giamngheo.import.build-connections}), at least 1
     * @param indexBuildWorkers parallel workers per key or index build ({@code giamngheo.import.index-build-workers})
     */
    ProvinceBuilds(DataSource dataSource, int connections, int indexBuildWorkers) {
        if (connections < 1) {
            throw new IllegalArgumentException("build connections must be at least 1: " + connections);
        }
        this.dataSource = dataSource;
        this.connections = connections;
        this.indexBuildWorkers = indexBuildWorkers;
    }

    int connections() {
        return connections;
    }

    /**
     * Drops every built table (on the connection holding the import's lock), and the staging's province indexes that an
     * import before V79 (the staging partitioned by province) created.
     */
    static void cleanup(Connection importing) throws SQLException {
        try (Statement s = importing.createStatement()) {
            s.execute("SELECT bulk_build_cleanup()");
        }
    }

    /**
     * Starts building the provinces (in the order given: largest first) on the build connections and returns at once;
     * {@link Running#await()} gives those built (a province whose partitions are missing or hold rows is not). Any
     * failure stops the others from taking another province and is thrown by {@code await} once the builds under way
     * have ended.
     *
     * @param importing the connection holding the import's lock (tables built for an earlier import are dropped on it)
     */
    Running start(Connection importing, List<String> provinces, long importId) throws SQLException {
        if (provinces.isEmpty()) {
            return new Running(provinces, List.of(), null, new AtomicBoolean(), List.of());
        }
        try (Statement s = importing.createStatement()) {
            s.execute("SELECT bulk_build_prepare()");
        }
        Queue<String> queue = new ConcurrentLinkedQueue<>(provinces);
        List<String> built = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean failed = new AtomicBoolean();
        int threads = Math.min(connections, provinces.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "province-build");
            t.setDaemon(true);
            return t;
        });
        List<Future<Void>> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            running.add(pool.submit(() -> {
                try {
                    buildFrom(queue, importId, built, failed);
                } catch (SQLException | RuntimeException e) {
                    failed.set(true);
                    throw e;
                }
                return null;
            }));
        }
        pool.shutdown(); // no other task; the threads end with their last province
        return new Running(provinces, built, pool, failed, running);
    }

    /** Builds under way on the build connections. */
    static final class Running {
        private final List<String> provinces;
        private final List<String> built;
        private final ExecutorService pool;
        private final AtomicBoolean failed;
        private final List<Future<Void>> running;

        private Running(List<String> provinces, List<String> built, ExecutorService pool, AtomicBoolean failed,
                        List<Future<Void>> running) {
            this.provinces = provinces;
            this.built = built;
            this.pool = pool;
            this.failed = failed;
            this.running = running;
        }

        /** Waits for every build; returns the provinces built, in the order given, or throws the first failure. */
        List<String> await() throws SQLException {
            SQLException first = null;
            for (Future<Void> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    SQLException cause = e.getCause() instanceof SQLException q ? q : new SQLException(e.getCause());
                    if (first == null) {
                        first = cause;
                    } else {
                        first.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.set(true);
                    throw new SQLException("interrupted while the provinces were built", e);
                }
            }
            if (first != null) {
                throw first;
            }
            List<String> inOrder = new ArrayList<>(provinces);
            inOrder.retainAll(built);
            return inOrder;
        }

        /**
         * After a failure of the move meanwhile: no province more is taken, and the builds under way are waited for
         * (their tables are dropped by the import's cleanup); their own failures are added to {@code cause}.
         */
        void abandon(Throwable cause) {
            failed.set(true);
            try {
                await();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private void buildFrom(Queue<String> queue, long importId, List<String> built, AtomicBoolean failed)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // the move's settings (HouseholdBulkImport.store), for each build's transaction
            try (PreparedStatement settings = c.prepareStatement(indexBuildWorkers > 0 ? """
                         SELECT set_config('work_mem', '256MB', true),
                                set_config('max_parallel_maintenance_workers', ?, true),
                                set_config('min_parallel_table_scan_size', '0', true)"""
                         : "SELECT set_config('work_mem', '256MB', true)");
                 PreparedStatement build = c.prepareStatement("SELECT bulk_build_province(?, ?)")) {
                String province;
                while (!failed.get() && (province = queue.poll()) != null) {
                    if (indexBuildWorkers > 0) {
                        settings.setString(1, Integer.toString(indexBuildWorkers));
                    }
                    settings.executeQuery().close();
                    build.setString(1, province);
                    build.setLong(2, importId);
                    boolean done;
                    try (ResultSet rs = build.executeQuery()) {
                        rs.next();
                        done = rs.getBoolean(1);
                    }
                    c.commit();
                    if (done) {
                        built.add(province);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
