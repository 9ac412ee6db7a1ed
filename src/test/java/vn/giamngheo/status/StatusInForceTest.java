package vn.giamngheo.status;

import vn.giamngheo.status.rules.PovertyStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "The status in force on a day", table by table on the embedded PostgreSQL: the rows of one household (inserted
 * in the order given, so ids follow that order), the day asked, the status expected. The Java service and the
 * three SQL forms must all answer the same.
 */
@Tag("database")
@SpringBootTest
class StatusInForceTest {

    private static final String PROVINCE = "08";
    private static final AtomicLong HOUSEHOLD = new AtomicLong(900_000_000L + System.nanoTime() % 1_000_000L * 100);

    @Autowired JdbcClient jdbc;
    @Autowired DecidedLists lists;

    /** One decided row: effective from, decision date, status, revoked. */
    record Row(String effective, String decided, PovertyStatus status, boolean revoked) {
        static Row of(String effective, String decided, PovertyStatus status) {
            return new Row(effective, decided, status, false);
        }

        static Row revoked(String effective, String decided, PovertyStatus status) {
            return new Row(effective, decided, status, true);
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("never decided", List.of(), "2026-06-01", null),
                Arguments.of("effective after the day: not yet in force",
                        List.of(Row.of("2026-06-02", "2026-06-02", PovertyStatus.POOR)), "2026-06-01", null),
                Arguments.of("effective on the day: in force",
                        List.of(Row.of("2026-06-01", "2026-06-01", PovertyStatus.POOR)), "2026-06-01", PovertyStatus.POOR),
                Arguments.of("the later effective day wins",
                        List.of(Row.of("2025-01-01", "2024-12-10", PovertyStatus.POOR),
                                Row.of("2025-07-01", "2025-07-01", PovertyStatus.NEAR_POOR)), "2026-01-01",
                        PovertyStatus.NEAR_POOR),
                Arguments.of("a later row effective after the day does not count",
                        List.of(Row.of("2025-01-01", "2024-12-10", PovertyStatus.POOR),
                                Row.of("2026-01-01", "2025-12-10", PovertyStatus.NOT_POOR)), "2025-12-31",
                        PovertyStatus.POOR),
                Arguments.of("a periodic list decided before a monthly amendment takes effect after it",
                        List.of(Row.of("2026-01-01", "2025-11-20", PovertyStatus.NEAR_POOR),
                                Row.of("2025-12-05", "2025-12-05", PovertyStatus.POOR)), "2026-01-01",
                        PovertyStatus.NEAR_POOR),
                Arguments.of("a revoked row never counts",
                        List.of(Row.of("2025-01-01", "2024-12-10", PovertyStatus.POOR),
                                Row.revoked("2025-07-01", "2025-07-01", PovertyStatus.NOT_POOR)), "2026-01-01",
                        PovertyStatus.POOR),
                Arguments.of("only revoked rows: never decided",
                        List.of(Row.revoked("2025-01-01", "2024-12-10", PovertyStatus.POOR)), "2026-01-01", null),
                Arguments.of("same effective day: the later decision date wins although recorded first",
                        List.of(Row.of("2026-01-01", "2025-12-15", PovertyStatus.POOR),
                                Row.of("2026-01-01", "2025-11-20", PovertyStatus.NEAR_POOR)), "2026-03-01",
                        PovertyStatus.POOR),
                Arguments.of("same effective day, recorded in decision order: the later decision wins",
                        List.of(Row.of("2026-01-01", "2025-11-20", PovertyStatus.NEAR_POOR),
                                Row.of("2026-01-01", "2025-12-15", PovertyStatus.POOR)), "2026-03-01",
                        PovertyStatus.POOR),
                Arguments.of("same effective day and decision date: the later row wins",
                        List.of(Row.of("2026-03-10", "2026-03-10", PovertyStatus.POOR),
                                Row.of("2026-03-10", "2026-03-10", PovertyStatus.AVERAGE)), "2026-03-10",
                        PovertyStatus.AVERAGE),
                Arguments.of("same effective day, the later decision revoked: the earlier one",
                        List.of(Row.of("2026-01-01", "2025-11-20", PovertyStatus.NEAR_POOR),
                                Row.revoked("2026-01-01", "2025-12-15", PovertyStatus.POOR)), "2026-03-01",
                        PovertyStatus.NEAR_POOR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theStatusInForce(String name, List<Row> rows, String day, PovertyStatus expected) {
        long commune = jdbc.sql("""
                        SELECT id FROM admin_unit WHERE level = 'commune' AND province_code = :p AND valid_to IS NULL
                        ORDER BY code LIMIT 1""").param("p", PROVINCE).query(Long.class).single();
        long household = HOUSEHOLD.incrementAndGet();
        for (Row row : rows) {
            insert(commune, household, row);
        }
        LocalDate on = LocalDate.parse(day);

        assertThat(lists.statusOn(PROVINCE, household, on)).as("service").isEqualTo(java.util.Optional.ofNullable(expected));
        assertThat(sql("SELECT status FROM status_in_force(:p, :d) WHERE household_id = :h", household, on))
                .as("status_in_force").isEqualTo(codes(expected));
        assertThat(sql("SELECT status FROM status_in_force_in(ARRAY[:p], :d) WHERE household_id = :h", household, on))
                .as("status_in_force_in").isEqualTo(codes(expected));
        assertThat(sql("SELECT status FROM status_in_force_all(:d) WHERE province_code = :p AND household_id = :h",
                household, on)).as("status_in_force_all").isEqualTo(codes(expected));
        assertThat(sql("SELECT status FROM status_of(:p, :h, :d)", household, on)).as("status_of")
                .isEqualTo(codes(expected));
        assertThat(lists.listOf(PROVINCE, commune, on).stream().filter(r -> r.householdId() == household)
                .map(InForce::status).toList()).as("list of the commune").isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    private List<String> sql(String sql, long household, LocalDate on) {
        return jdbc.sql(sql).param("p", PROVINCE).param("d", on).param("h", household).query(String.class).list();
    }

    private static List<String> codes(PovertyStatus expected) {
        return expected == null ? List.of() : List.of(expected.code());
    }

    private void insert(long commune, long household, Row row) {
        LocalDate effective = LocalDate.parse(row.effective());
        LocalDate decided = LocalDate.parse(row.decided());
        long round = jdbc.sql("""
                        INSERT INTO review_round (province_code, commune_id, kind, review_year, review_month, list_year,
                            standard_code, standard_version, reference_date, opens_on, decision_due, state, created_by)
                        VALUES (:p, :c, 'monthly', :ry, :m, :ly, 'ND07_2021', 1, :ref, :ref, :due, 'decided', 'status-test')
                        ON CONFLICT DO NOTHING RETURNING id""")
                .param("p", PROVINCE).param("c", commune).param("ry", 2000 + (int) (household % 100))
                .param("m", 1 + (int) (household / 100 % 12)).param("ly", effective.getYear())
                .param("ref", decided.minusMonths(1)).param("due", decided).query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("SELECT min(id) FROM review_round WHERE created_by = 'status-test'")
                        .query(Long.class).single());
        long decision = jdbc.sql("""
                        INSERT INTO review_decision (round_id, province_code, commune_id, number, decided_on, effective_from,
                            list_year, signed_by, recorded_by)
                        VALUES (:r, :p, :c, :n, :d, :e, :y, 'Chủ tịch', 'status-test') RETURNING id""")
                .param("r", round).param("p", PROVINCE).param("c", commune).param("n", "S" + System.nanoTime() % 1_000_000_000L)
                .param("d", decided).param("e", effective).param("y", effective.getYear()).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO household_status (province_code, household_id, commune_id, decision_id, round_id, list_year,
                            effective_from, status, standard_code, standard_version, household_code, head_name, members, area,
                            ethnic_minority, social_protection, merit, revoked)
                        VALUES (:p, :h, :c, :d, :r, :y, :e, :s, 'ND07_2021', 1, :code, 'Chủ hộ', 1, 'rural', false, false, false, :rev)""")
                .param("p", PROVINCE).param("h", household).param("c", commune).param("d", decision).param("r", round)
                .param("y", effective.getYear()).param("e", effective).param("s", row.status().code())
                .param("code", "ST" + household).param("rev", row.revoked()).update();
    }
}
