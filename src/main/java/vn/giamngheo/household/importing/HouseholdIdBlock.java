package vn.giamngheo.household.importing;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Household ids handed out from the sequence {@code household_id_seq} in blocks of {@value #SIZE}. */
final class HouseholdIdBlock {
    private static final int SIZE = 10_000;
    private final JdbcClient jdbc;
    private long[] block = new long[0];
    private int next;

    HouseholdIdBlock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long next() {
        if (next == block.length) {
            block = jdbc.sql("SELECT nextval('household_id_seq') FROM generate_series(1, :n)").param("n", SIZE)
                    .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
            next = 0;
        }
        return block[next++];
    }
}
