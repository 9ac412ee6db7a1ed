package vn.giamngheo.task;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.UserAccounts;

/** Agencies of a province (plain inserts into {@code agency}, codes of their own per run) and their officers, for tests. */
public final class TaskFixture {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

    private final JdbcClient jdbc;
    private final UserAccounts users;

    public TaskFixture(JdbcClient jdbc, UserAccounts users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** A new agency of today's province with this code, valid from 2025-07-01; returns its id. */
    public long agency(String provinceCode, String name) {
        String code = "T" + RUN + "-" + SERIAL.incrementAndGet();
        return jdbc.sql("""
                        INSERT INTO agency (code, level, kind, unit_id, province_code, name_vi, name_en, valid_from)
                        SELECT :code, 'province', 'department', u.id, u.province_code, :name, :name, DATE '2025-07-01'
                        FROM admin_unit u WHERE u.level = 'province' AND u.code = :p AND u.valid_to IS NULL
                        RETURNING id""")
                .param("code", code).param("name", name).param("p", provinceCode).query(Long.class).single();
    }

    /** A new agency officer of the agency, on the agency's unit. */
    public CurrentUser officer(long agencyId) {
        String name = "agency-officer-" + RUN.toLowerCase() + "-" + SERIAL.incrementAndGet();
        long unit = jdbc.sql("SELECT unit_id FROM agency WHERE id = :id").param("id", agencyId).query(Long.class).single();
        users.createAgencyOfficer(name, "password-123", "Cán bộ " + name, unit, agencyId, false);
        return users.findByUsername(name).orElseThrow();
    }
}
