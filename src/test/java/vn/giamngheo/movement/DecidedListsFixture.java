package vn.giamngheo.movement;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes decided lists straight into the review tables (a round, its decision, the household_status rows) and
 * life events into household_event, so that movement tests can build years of history with known flows.
 */
final class DecidedListsFixture {

    private final JdbcClient jdbc;

    DecidedListsFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long newHouseholdId() {
        return jdbc.sql("SELECT nextval('household_id_seq')").query(Long.class).single();
    }

    /** A commune's unit id and province by its code. */
    Commune commune(String code) {
        return jdbc.sql("SELECT id, province_code FROM admin_unit WHERE level = 'commune' AND code = :c AND valid_to IS NULL")
                .param("c", code)
                .query((rs, i) -> new Commune(rs.getLong("id"), rs.getString("province_code"), code))
                .single();
    }

    /** A village of the commune (created with a unique code). */
    long village(Commune commune, String name) {
        long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('admin_unit', 'id'))").query(Long.class).single();
        String path = jdbc.sql("SELECT path FROM admin_unit WHERE id = :id").param("id", commune.id()).query(String.class).single();
        jdbc.sql("""
                        INSERT INTO admin_unit (id, code, level, name, full_name, unit_type, parent_id, province_code, valid_from, path)
                        VALUES (:id, :code, 'village', :name, :name, 'thon', :parent, :p, DATE '2025-07-01', :path)""")
                .param("id", id).param("code", commune.code() + "-" + (900 + id % 1000)).param("name", name)
                .param("parent", commune.id()).param("p", commune.provinceCode()).param("path", path + id + "/")
                .update();
        return id;
    }

    /** A decided round with its decision: periodic (effective 1 January of the list year) or monthly. */
    Decision decide(Commune commune, int listYear, String number, LocalDate decidedOn, boolean periodic) {
        LocalDate effective = periodic ? LocalDate.of(listYear, 1, 1) : decidedOn;
        long round = jdbc.sql("""
                        INSERT INTO review_round (province_code, commune_id, kind, review_year, review_month, list_year,
                            standard_code, standard_version, reference_date, opens_on, decision_due, state, created_by)
                        VALUES (:p, :c, :kind, :ry, :rm, :ly, 'ND07_2021', 1, :ref, :opens, :due, 'decided', 'fixture')
                        RETURNING id""")
                .param("p", commune.provinceCode()).param("c", commune.id()).param("kind", periodic ? "periodic" : "monthly")
                .param("ry", decidedOn.getYear()).param("rm", periodic ? null : decidedOn.getMonthValue())
                .param("ly", listYear).param("ref", decidedOn.minusMonths(1)).param("opens", decidedOn.minusMonths(2))
                .param("due", decidedOn)
                .query(Long.class).single();
        long decision = jdbc.sql("""
                        INSERT INTO review_decision (round_id, province_code, commune_id, number, decided_on, effective_from,
                            list_year, signed_by, recorded_by)
                        VALUES (:r, :p, :c, :n, :d, :e, :ly, 'Chủ tịch', 'fixture') RETURNING id""")
                .param("r", round).param("p", commune.provinceCode()).param("c", commune.id()).param("n", number)
                .param("d", decidedOn).param("e", effective).param("ly", listYear)
                .query(Long.class).single();
        return new Decision(decision, round, commune, listYear, effective);
    }

    /** One household's row in a decision's lists. */
    void list(Decision d, long household, String code, String head, Long village, String status, String previous) {
        jdbc.sql("""
                        INSERT INTO household_status (province_code, household_id, commune_id, village_id, decision_id, round_id,
                            list_year, effective_from, status, previous_status, standard_code, standard_version,
                            household_code, head_name, members, area, ethnic_minority, social_protection, merit)
                        VALUES (:p, :h, :c, :v, :d, :r, :ly, :e, :s, :prev, 'ND07_2021', 1, :code, :head, 3, 'rural',
                            false, false, false)""")
                .param("p", d.commune().provinceCode()).param("h", household).param("c", d.commune().id())
                .param("v", village).param("d", d.id()).param("r", d.roundId()).param("ly", d.listYear())
                .param("e", d.effectiveFrom()).param("s", status).param("prev", previous).param("code", code)
                .param("head", head)
                .update();
    }

    void revoke(Decision d) {
        jdbc.sql("UPDATE household_status SET revoked = true WHERE province_code = :p AND decision_id = :d")
                .param("p", d.commune().provinceCode()).param("d", d.id()).update();
    }

    /** A life event as HouseholdLifeEvents records it (province: the household's province on that day). */
    void event(String province, long household, String type, LocalDate date, Long fromCommune, Long toCommune,
               Long related, String relatedProvince) {
        jdbc.sql("""
                        INSERT INTO household_event (province_code, household_id, event_type, event_date, from_commune_id,
                            to_commune_id, related_household_id, related_province_code, recorded_by)
                        VALUES (:p, :h, :t, :d, :from, :to, :rel, :relp, 'fixture')""")
                .param("p", province).param("h", household).param("t", type).param("d", date).param("from", fromCommune)
                .param("to", toCommune).param("rel", related).param("relp", relatedProvince)
                .update();
    }

    record Commune(long id, String provinceCode, String code) {
    }

    record Decision(long id, long roundId, Commune commune, int listYear, LocalDate effectiveFrom) {
    }
}
