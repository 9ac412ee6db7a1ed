package vn.giamngheo.plan;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Decided lists written straight into review_round → review_decision → household_status, and registry households. */
public final class PlanListsFixture {

    private final JdbcClient jdbc;
    private int serial;

    public PlanListsFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Commune(long id, String provinceCode, String code) {
    }

    public record Decision(long id, long roundId, Commune commune, int listYear, LocalDate effectiveFrom) {
    }

    public Commune commune(String code) {
        return jdbc.sql("SELECT id, province_code FROM admin_unit WHERE level = 'commune' AND code = :c AND valid_to IS NULL")
                .param("c", code).query((rs, i) -> new Commune(rs.getLong("id"), rs.getString("province_code"), code)).single();
    }

    long newHouseholdId() {
        return jdbc.sql("SELECT nextval('household_id_seq')").query(Long.class).single();
    }

    /** A household in the registry (active or not); returns its id. */
    public long household(Commune c, String lifeStatus) {
        long id = newHouseholdId();
        jdbc.sql("""
                        INSERT INTO household (id, province_code, household_code, commune_id, income_per_capita, housing_quality,
                            floor_area_m2, water_source, toilet, internet_use, life_status)
                        VALUES (:id, :p, :code, :c, 1000000, 'durable', 40, 'piped', 'flush', true, :life)""")
                .param("id", id).param("p", c.provinceCode()).param("code", "PL" + id).param("c", c.id()).param("life", lifeStatus)
                .update();
        return id;
    }

    public Decision decide(Commune c, int listYear, LocalDate decidedOn, boolean periodic) {
        LocalDate effective = periodic ? LocalDate.of(listYear, 1, 1) : decidedOn;
        long round = jdbc.sql("""
                        INSERT INTO review_round (province_code, commune_id, kind, review_year, review_month, list_year,
                            standard_code, standard_version, reference_date, opens_on, decision_due, state, created_by)
                        VALUES (:p, :c, :kind, :ry, :rm, :ly, 'ND07_2021', 1, :ref, :opens, :due, 'decided', 'fixture')
                        RETURNING id""")
                .param("p", c.provinceCode()).param("c", c.id()).param("kind", periodic ? "periodic" : "monthly")
                .param("ry", decidedOn.getYear()).param("rm", periodic ? null : decidedOn.getMonthValue())
                .param("ly", listYear).param("ref", decidedOn.minusMonths(1)).param("opens", decidedOn.minusMonths(2))
                .param("due", decidedOn).query(Long.class).single();
        long decision = jdbc.sql("""
                        INSERT INTO review_decision (round_id, province_code, commune_id, number, decided_on, effective_from,
                            list_year, signed_by, recorded_by)
                        VALUES (:r, :p, :c, :n, :d, :e, :ly, 'Chủ tịch', 'fixture') RETURNING id""")
                .param("r", round).param("p", c.provinceCode()).param("c", c.id()).param("n", "PL-" + (++serial) + "/QĐ-UBND")
                .param("d", decidedOn).param("e", effective).param("ly", listYear).query(Long.class).single();
        return new Decision(decision, round, c, listYear, effective);
    }

    public void list(Decision d, long household, String status, String previous, boolean socialProtection) {
        list(d, household, status, previous, socialProtection, new String[0]);
    }

    /** A status row with the indicators the household is deprived on. */
    public void list(Decision d, long household, String status, String previous, boolean socialProtection, String... deprived) {
        jdbc.sql("""
                        INSERT INTO household_status (province_code, household_id, commune_id, decision_id, round_id,
                            list_year, effective_from, status, previous_status, standard_code, standard_version,
                            household_code, head_name, members, area, ethnic_minority, social_protection, merit, deprived)
                        VALUES (:p, :h, :c, :d, :r, :ly, :e, :s, :prev, 'ND07_2021', 1, :code, 'Chủ hộ', 3, 'rural',
                            false, :sp, false, string_to_array(:dep, ','))""")
                .param("p", d.commune().provinceCode()).param("h", household).param("c", d.commune().id())
                .param("d", d.id()).param("r", d.roundId()).param("ly", d.listYear()).param("e", d.effectiveFrom())
                .param("s", status).param("prev", previous).param("code", "PL" + household).param("sp", socialProtection)
                .param("dep", String.join(",", deprived)).update();
    }

    public void revoke(Decision d) {
        jdbc.sql("UPDATE household_status SET revoked = true WHERE province_code = :p AND decision_id = :d")
                .param("p", d.commune().provinceCode()).param("d", d.id()).update();
    }
}
