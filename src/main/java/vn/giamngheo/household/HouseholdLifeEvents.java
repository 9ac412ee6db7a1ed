package vn.giamngheo.household;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * Life events of households, recorded with their date and lineage so that yearly movements can follow a
 * household's identity: moved to another commune, split (members leave to found a new household),
 * merged into another household, dissolved. A move across provinces copies the rows into the new
 * province's partition (the distribution key is never updated in place).
 */
@Service
public class HouseholdLifeEvents {

    private final HouseholdRegistry registry;
    private final HouseholdRepository repository;
    private final Communes communes;
    private final JdbcClient jdbc;

    HouseholdLifeEvents(HouseholdRegistry registry, HouseholdRepository repository, Communes communes, JdbcClient jdbc) {
        this.registry = registry;
        this.repository = repository;
        this.communes = communes;
        this.jdbc = jdbc;
    }

    /** The household moves to another commune (possibly outside the user's area); it keeps its identity. */
    @Transactional
    public Household move(long id, int version, String toCommuneCode, String newHouseholdCode, LocalDate date, String note,
                          CurrentUser user) {
        Household h = current(id, version, user);
        CommuneRef to = communes.onDate(toCommuneCode == null ? "" : toCommuneCode.strip(), date)
                .orElseThrow(() -> invalid("communeCode", "validation.commune-unknown", toCommuneCode, date));
        if (to.id() == h.communeId()) {
            throw invalid("communeCode", "validation.move-same-commune", toCommuneCode);
        }
        HouseholdForm form = HouseholdForm.of(h);
        form.setVillageId(null);
        if (newHouseholdCode != null && !newHouseholdCode.isBlank()) {
            form.setHouseholdCode(newHouseholdCode.strip());
        }
        int expectedVersion = h.version();
        if (!to.provinceCode().equals(h.provinceCode())) {
            // a household's province never changes in place (ADR 0003): the row is copied into the new province's
            // partition, the rows that refer to it (applications, benefit records, registrations, helpers, models)
            // are carried over to the copy, then the old row goes with its members (written again below)
            jdbc.sql("""
                            INSERT INTO household (id, province_code, household_code, commune_id, housing_quality, floor_area_m2,
                                water_source, toilet, internet_use, income_per_capita, b1_score, version)
                            VALUES (:id, :p, :code, :commune, 'durable', 0, 'piped', 'septic', false, :income, :b1, :version)""")
                    .param("id", id).param("p", to.provinceCode()).param("code", form.getHouseholdCode())
                    .param("commune", to.id()).param("income", h.incomePerCapita()).param("b1", h.b1Score())
                    .param("version", h.version() + 1)
                    .update();
            for (Reference r : references()) {
                jdbc.sql("UPDATE " + r.table() + " SET " + r.provinceColumn() + " = :to WHERE " + r.provinceColumn()
                                + " = :from AND " + r.householdColumn() + " = :id")
                        .param("to", to.provinceCode()).param("from", h.provinceCode()).param("id", id).update();
            }
            jdbc.sql("DELETE FROM household WHERE province_code = :p AND id = :id").param("p", h.provinceCode()).param("id", id).update();
            expectedVersion++;
        }
        if (!repository.update(id, to.provinceCode(), to.id(), form, expectedVersion)) {
            throw new ConcurrentEditException(h);
        }
        repository.replaceMembers(to.provinceCode(), id, form.keptMembers());
        event(h.provinceCode(), id, "moved", date, h.communeId(), to.id(), null, null, note);
        return h;
    }

    /** A foreign key to the whole household table: its table and its (province, household) columns. */
    record Reference(String table, String provinceColumn, String householdColumn) {
    }

    /**
     * Every table whose rows refer to a household through a foreign key on the partitioned table itself (the
     * members' keys point partition to partition and go with the old row), read from the catalog so that a new
     * module's table is carried over without a change here.
     */
    List<Reference> references() {
        return jdbc.sql("""
                        SELECT format('%I', t.relname) AS tbl, format('%I', max(a.attname) FILTER (WHERE f.attname = 'province_code')) AS pcol,
                               format('%I', max(a.attname) FILTER (WHERE f.attname = 'id')) AS hcol
                          FROM pg_constraint c
                          JOIN pg_class t ON t.oid = c.conrelid
                          CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(col, fcol)
                          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
                          JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = k.fcol
                         WHERE c.contype = 'f' AND c.confrelid = 'household'::regclass AND c.conparentid = 0
                         GROUP BY c.oid, t.relname
                         ORDER BY t.relname""")
                .query((rs, i) -> new Reference(rs.getString("tbl"), rs.getString("pcol"), rs.getString("hcol")))
                .list();
    }

    /** Members leave to found a new household in the same commune; returns the new household. */
    @Transactional
    public Household split(long id, int version, Set<Integer> leavingMemberNos, int newHeadMemberNo, Integer remainingHeadMemberNo,
                           String newHouseholdCode, LocalDate date, String note, CurrentUser user) {
        Household h = current(id, version, user);
        if (leavingMemberNos.isEmpty() || !leavingMemberNos.contains(newHeadMemberNo)
                || leavingMemberNos.size() >= h.members().size()) {
            throw invalid("members", "validation.split-members", String.valueOf(leavingMemberNos));
        }
        HouseholdForm remaining = HouseholdForm.of(h);
        HouseholdForm founded = HouseholdForm.of(h);
        founded.setHouseholdCode(newHouseholdCode);
        founded.setVersion(null);
        List<MemberForm> stay = new ArrayList<>();
        List<MemberForm> leave = new ArrayList<>();
        for (MemberForm m : remaining.getMembers()) {
            (leavingMemberNos.contains(m.getMemberNo()) ? leave : stay).add(m);
        }
        int no = 1;
        for (MemberForm m : leave) {
            m.setRelation(m.getMemberNo() == newHeadMemberNo ? "head" : ("head".equals(m.getRelation()) ? "other" : m.getRelation()));
            m.setMemberNo(no++);
        }
        if (stay.stream().noneMatch(m -> "head".equals(m.getRelation()))) {
            if (remainingHeadMemberNo == null || stay.stream().noneMatch(m -> m.getMemberNo().equals(remainingHeadMemberNo))) {
                throw invalid("remainingHeadMemberNo", "validation.split-remaining-head", String.valueOf(remainingHeadMemberNo));
            }
            stay.forEach(m -> { if (m.getMemberNo().equals(remainingHeadMemberNo)) { m.setRelation("head"); } });
        }
        remaining.setMembers(stay);
        founded.setMembers(leave);
        // the leaving members release their identity numbers before the new household claims them
        registry.update(id, remaining, user);
        Household created = registry.create(founded, user);
        event(h.provinceCode(), id, "split_into", date, null, null, created.id(), created.provinceCode(), note);
        event(created.provinceCode(), created.id(), "split_from", date, null, null, id, h.provinceCode(), note);
        return created;
    }

    /** The household joins another one; its members become members of the receiving household. */
    @Transactional
    public Household merge(long absorbedId, int version, long intoId, LocalDate date, String note, CurrentUser user) {
        Household absorbed = current(absorbedId, version, user);
        Household into = registry.get(intoId, user);
        if (absorbedId == intoId) {
            throw invalid("intoId", "validation.merge-same", String.valueOf(intoId));
        }
        HouseholdForm target = HouseholdForm.of(into);
        int next = into.members().stream().mapToInt(Member::memberNo).max().orElse(0) + 1;
        List<MemberForm> joining = new ArrayList<>();
        for (Member m : absorbed.members()) {
            MemberForm f = MemberForm.of(m);
            f.setMemberNo(next++);
            if ("head".equals(f.getRelation())) {
                f.setRelation("other");
            }
            joining.add(f);
        }
        jdbc.sql("DELETE FROM household_member WHERE province_code = :p AND household_id = :id")
                .param("p", absorbed.provinceCode()).param("id", absorbedId).update();
        setLifeStatus(absorbed, "merged");
        target.getMembers().addAll(joining);
        Household result = registry.update(intoId, target, user);
        event(absorbed.provinceCode(), absorbedId, "merged_into", date, null, null, intoId, into.provinceCode(), note);
        event(into.provinceCode(), intoId, "absorbed", date, null, null, absorbedId, absorbed.provinceCode(), note);
        return result;
    }

    /** The household ceases to exist (all members died or left the country...). */
    @Transactional
    public void dissolve(long id, int version, LocalDate date, String note, CurrentUser user) {
        Household h = current(id, version, user);
        setLifeStatus(h, "dissolved");
        event(h.provinceCode(), id, "dissolved", date, h.communeId(), null, null, null, note);
    }

    public List<HouseholdEvent> events(long id, CurrentUser user) {
        registry.get(id, user);
        return jdbc.sql("""
                        SELECT e.event_type, e.event_date, e.related_household_id, f.full_name AS from_name,
                               t.full_name AS to_name, e.note, e.recorded_by
                        FROM household_event e
                        LEFT JOIN admin_unit f ON f.id = e.from_commune_id
                        LEFT JOIN admin_unit t ON t.id = e.to_commune_id
                        WHERE e.household_id = :id ORDER BY e.event_date, e.id""")
                .param("id", id)
                .query((rs, i) -> new HouseholdEvent(rs.getString("event_type"), rs.getObject("event_date", LocalDate.class),
                        (Long) rs.getObject("related_household_id"), rs.getString("from_name"), rs.getString("to_name"),
                        rs.getString("note"), rs.getString("recorded_by")))
                .list();
    }

    private Household current(long id, int version, CurrentUser user) {
        if (!user.canEdit()) {
            throw new org.springframework.security.access.AccessDeniedException("read-only role");
        }
        Household h = registry.get(id, user);
        if (h.version() != version) {
            throw new ConcurrentEditException(h);
        }
        if (!"active".equals(h.lifeStatus())) {
            throw invalid("lifeStatus", "validation.not-active", h.lifeStatus());
        }
        return h;
    }

    private void setLifeStatus(Household h, String status) {
        jdbc.sql("UPDATE household SET life_status = :s, version = version + 1, updated_at = now() WHERE province_code = :p AND id = :id")
                .param("s", status).param("p", h.provinceCode()).param("id", h.id()).update();
    }

    private void event(String province, long householdId, String type, LocalDate date, Long from, Long to,
                       Long related, String relatedProvince, String note) {
        jdbc.sql("""
                        INSERT INTO household_event (province_code, household_id, event_type, event_date, from_commune_id,
                            to_commune_id, related_household_id, related_province_code, note, recorded_by)
                        VALUES (:p, :h, :t, :d, :from, :to, :rel, :relp, :note, :by)""")
                .param("p", province).param("h", householdId).param("t", type).param("d", date)
                .param("from", from).param("to", to).param("rel", related).param("relp", relatedProvince)
                .param("note", note).param("by", CurrentUsers.current().map(CurrentUser::getUsername).orElse("system"))
                .update();
    }

    private static InvalidHouseholdException invalid(String field, String key, Object... args) {
        String value = args.length > 0 && args[0] != null ? String.valueOf(args[0]) : null;
        return new InvalidHouseholdException(List.of(new FieldProblem(field, key, java.util.Arrays.asList(args), value)));
    }

    /** One entry of a household's history. */
    public record HouseholdEvent(String type, LocalDate date, Long relatedHouseholdId, String fromCommune,
                                 String toCommune, String note, String recordedBy) {
    }
}
