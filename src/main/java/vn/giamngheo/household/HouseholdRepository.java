package vn.giamngheo.household;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Plain SQL over the partitioned household tables. Every query carries the user's {@link AccessScope}:
 * the province code (partition key) and the unit-path prefix.
 */
@Repository
class HouseholdRepository {

    private static final String HOUSEHOLD_SELECT = """
            SELECT h.*, c.code AS commune_code, c.full_name AS commune_name, c.area_type AS commune_area_type,
                   v.name AS village_name
            FROM household h
            JOIN admin_unit c ON c.id = h.commune_id
            LEFT JOIN admin_unit v ON v.id = h.village_id
            """;

    private final JdbcClient jdbc;

    HouseholdRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String scopeCondition(AccessScope scope) {
        return scope.national() ? "" : " AND " + AreaFilter.of(scope).named("scope").on("h", "c");
    }

    static JdbcClient.StatementSpec bindScope(JdbcClient.StatementSpec spec, AccessScope scope) {
        return AreaFilter.of(scope).named("scope").bind(spec);
    }

    Optional<Household> find(long id, AccessScope scope) {
        Optional<Household> found = bindScope(jdbc.sql(HOUSEHOLD_SELECT + " WHERE h.id = :id" + scopeCondition(scope)), scope)
                .param("id", id)
                .query(HouseholdRepository::mapHousehold)
                .optional();
        return found.map(h -> h.withMembers(members(h.provinceCode(), List.of(h.id())).getOrDefault(h.id(), List.of())));
    }

    /** Households of one commune with their members, in code order (for export). */
    List<Household> inCommune(long communeId, AccessScope scope) {
        List<Household> households = bindScope(jdbc.sql(HOUSEHOLD_SELECT
                        + " WHERE h.commune_id = :commune AND h.life_status = 'active'" + scopeCondition(scope)
                        + " ORDER BY h.household_code"), scope)
                .param("commune", communeId)
                .query(HouseholdRepository::mapHousehold)
                .list();
        if (households.isEmpty()) {
            return households;
        }
        Map<Long, List<Member>> members = members(households.get(0).provinceCode(),
                households.stream().map(Household::id).toList());
        return households.stream().map(h -> h.withMembers(members.getOrDefault(h.id(), List.of()))).toList();
    }

    /** The active households of one village of a commune inside the scope, with members, in code order. */
    List<Household> inVillage(String provinceCode, long communeId, long villageId, AccessScope scope) {
        List<Household> households = bindScope(jdbc.sql(HOUSEHOLD_SELECT
                        + " WHERE h.province_code = :province AND h.commune_id = :commune AND h.village_id = :village"
                        + " AND h.life_status = 'active'" + scopeCondition(scope) + " ORDER BY h.household_code"), scope)
                .param("province", provinceCode).param("commune", communeId).param("village", villageId)
                .query(HouseholdRepository::mapHousehold)
                .list();
        if (households.isEmpty()) {
            return households;
        }
        Map<Long, List<Member>> members = members(provinceCode, households.stream().map(Household::id).toList());
        return households.stream().map(h -> h.withMembers(members.getOrDefault(h.id(), List.of()))).toList();
    }

    /** Streams the active households of a unit's subtree inside the scope, commune by commune, with members. */
    void forEachInUnit(long unitId, AccessScope scope, java.util.function.Consumer<Household> consumer) {
        List<Long> communeIds = bindScope(jdbc.sql("""
                        SELECT c.id FROM admin_unit c, admin_unit u
                        WHERE u.id = :unit AND c.level = 'commune' AND\s""" + AreaFilter.subtree("u", "c") + """

                          AND EXISTS (SELECT 1 FROM household h WHERE h.commune_id = c.id"""
                        + scopeCondition(scope) + ") ORDER BY c.code"), scope)
                .param("unit", unitId)
                .query(Long.class).list();
        for (long communeId : communeIds) {
            inCommune(communeId, scope).forEach(consumer);
        }
    }

    List<HouseholdSummary> search(HouseholdQuery query, AccessScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        return bindScope(jdbc.sql(searchSql(query, scope, params)), scope).params(params)
                .query((rs, row) -> new HouseholdSummary(rs.getLong("id"), rs.getString("province_code"),
                        rs.getString("household_code"), rs.getString("commune_name"), rs.getString("village_name"),
                        rs.getString("head_name"), rs.getInt("member_count"), rs.getString("life_status"),
                        rs.getString("poverty_status")))
                .list();
    }

    /** The list's page query (one row more than the page, to tell whether a next page exists); fills {@code params}. */
    static String searchSql(HouseholdQuery query, AccessScope scope, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("""
                SELECT h.id, h.province_code, h.household_code, c.full_name AS commune_name, v.name AS village_name,
                       h.life_status, h.poverty_status, hm.full_name AS head_name,
                       (SELECT count(*) FROM household_member m WHERE m.province_code = h.province_code
                          AND m.household_id = h.id) AS member_count
                FROM household h
                JOIN admin_unit c ON c.id = h.commune_id
                LEFT JOIN admin_unit v ON v.id = h.village_id
                LEFT JOIN household_member hm ON hm.province_code = h.province_code AND hm.household_id = h.id
                     AND hm.relation = 'head'
                WHERE true""");
        appendFilters(sql, params, query, scope);
        sql.append(" ORDER BY ").append(orderBy(query)).append(" LIMIT :limit OFFSET :offset");
        params.put("limit", query.pageSize() + 1);
        params.put("offset", (long) query.page() * query.pageSize());
        return sql.toString();
    }

    /** How many households the query finds (all pages), inside the scope. */
    long count(HouseholdQuery query, AccessScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        return bindScope(jdbc.sql(countSql(query, scope, params)), scope).params(params).query(Long.class).single();
    }

    static String countSql(HouseholdQuery query, AccessScope scope, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("""
                SELECT count(*) FROM household h
                JOIN admin_unit c ON c.id = h.commune_id
                WHERE true""");
        appendFilters(sql, params, query, scope);
        return sql.toString();
    }

    /** The list's filters (text, commune, village, life and poverty status) and the scope, on {@code h} and {@code c}. */
    private static void appendFilters(StringBuilder sql, Map<String, Object> params, HouseholdQuery query, AccessScope scope) {
        sql.append(scopeCondition(scope));
        if (!query.text().isEmpty()) {
            // a full identity number finds its household only for roles that see identity numbers (issue 17):
            // for the others it is no match, so the search does not tell them whose number it is
            boolean byIdNumber = vn.giamngheo.security.CurrentUsers.current()
                    .map(u -> u.role().seesIdentityNumbers()).orElse(false);
            sql.append(" AND (h.household_code ILIKE :like OR EXISTS (SELECT 1 FROM household_member m"
                    + " WHERE m.province_code = h.province_code AND m.household_id = h.id"
                    + " AND (lower(m.full_name) LIKE lower(:like)" + (byIdNumber ? " OR m.id_number = :text" : "") + ")))");
            params.put("like", "%" + escapeLike(query.text()) + "%");
            if (byIdNumber) {
                params.put("text", query.text());
            }
        }
        if (query.communeId() != null) {
            sql.append(" AND h.commune_id = :communeId");
            params.put("communeId", query.communeId());
        }
        if (query.villageId() != null) {
            sql.append(" AND h.village_id = :villageId");
            params.put("villageId", query.villageId());
        }
        if (!query.lifeStatus().isEmpty()) {
            sql.append(" AND h.life_status = :lifeStatus");
            params.put("lifeStatus", query.lifeStatus());
        }
        if (!query.povertyStatus().isEmpty()) {
            sql.append(" AND h.poverty_status = :povertyStatus");
            params.put("povertyStatus", query.povertyStatus());
        }
    }

    /**
     * A key that sorts Vietnamese names in alphabet order whatever the database's collation (C in the embedded
     * database): lower case, letters with diacritics on their base letter (Âu, Bế, Đặng, Hoàng); the name itself
     * breaks ties.
     */
    static String nameKey(String column) {
        return "translate(lower(" + column + "), 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ', 'aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy')";
    }

    /**
     * The list's order: the chosen column (households without a village or a status last when ascending), then
     * commune and household code, then id, so that equal keys keep one order from page to page.
     */
    static String orderBy(HouseholdQuery query) {
        String dir = query.descending() ? " DESC" : " ASC";
        String nulls = query.descending() ? " NULLS FIRST" : " NULLS LAST";
        String tail = "c.code" + dir + ", h.household_code" + dir + ", h.id" + dir;
        return switch (query.sort()) {
            case "name" -> nameKey("hm.full_name") + dir + nulls + ", lower(hm.full_name)" + dir + ", " + tail;
            case "village" -> nameKey("v.name") + dir + nulls + ", v.name" + dir + ", " + tail;
            case "status" -> PovertyStatus.sql("CASE h.poverty_status WHEN {poor} THEN 1 WHEN {near_poor} THEN 2 WHEN {average} THEN 3")
                    + PovertyStatus.sql(" WHEN {not_poor} THEN 4 END") + dir + nulls + ", " + tail;
            default -> tail;
        };
    }

    long insert(String provinceCode, long communeId, HouseholdForm f, Long importId) {
        long id = jdbc.sql("""
                        INSERT INTO household (province_code, household_code, commune_id, village_id, area, address,
                            income_per_capita, b1_score, housing_quality, floor_area_m2, water_source, toilet,
                            internet_use, telephone_use, info_devices, loudspeaker_reach, waste_treatment, causes,
                            ethnic_minority, merit_household, social_protection, reference_date, import_id)
                        VALUES (:province, :code, :commune, :village, :area, :address, :income, :b1, :housing, :floor,
                            :water, :toilet, :internet, :telephone, :devices, :loudspeaker, :waste, :causes,
                            :ethnic, :merit, :social, :referenceDate, :importId)
                        RETURNING id""")
                .param("province", provinceCode)
                .param("commune", communeId)
                .param("importId", importId)
                .params(householdParams(f))
                .query(Long.class).single();
        insertMembers(provinceCode, id, f.keptMembers());
        return id;
    }

    /** Updates when the stored version is still {@code expectedVersion}; false when someone saved first. */
    boolean update(long id, String provinceCode, long communeId, HouseholdForm f, int expectedVersion) {
        int rows = jdbc.sql("""
                        UPDATE household SET household_code = :code, commune_id = :commune, village_id = :village,
                            area = :area, address = :address, income_per_capita = :income, b1_score = :b1,
                            housing_quality = :housing, floor_area_m2 = :floor, water_source = :water, toilet = :toilet,
                            internet_use = :internet, telephone_use = :telephone, info_devices = :devices,
                            loudspeaker_reach = :loudspeaker, waste_treatment = :waste, causes = :causes,
                            ethnic_minority = :ethnic, merit_household = :merit, social_protection = :social,
                            reference_date = :referenceDate, version = version + 1, updated_at = now()
                        WHERE province_code = :province AND id = :id AND version = :version""")
                .param("province", provinceCode)
                .param("id", id)
                .param("version", expectedVersion)
                .param("commune", communeId)
                .params(householdParams(f))
                .update();
        return rows == 1;
    }

    /**
     * Replaces the members, writing only what changed: removed members are deleted, a member whose values are
     * the stored ones is not touched, a changed one is updated in place and a new one inserted, so the audit log
     * holds real differences only. The head is cleared first only when it passes to another member.
     */
    void replaceMembers(String provinceCode, long householdId, List<MemberForm> members, List<Member> stored) {
        List<Integer> keep = members.stream().map(MemberForm::getMemberNo).toList();
        jdbc.sql("DELETE FROM household_member WHERE province_code = :p AND household_id = :h AND NOT (member_no = ANY(:keep))")
                .param("p", provinceCode).param("h", householdId).param("keep", keep.toArray(Integer[]::new))
                .update();
        Integer newHead = members.stream().filter(m -> "head".equals(m.getRelation())).map(MemberForm::getMemberNo)
                .findFirst().orElse(null);
        jdbc.sql("""
                        UPDATE household_member SET relation = 'other' WHERE province_code = :p AND household_id = :h
                          AND relation = 'head' AND member_no IS DISTINCT FROM :newHead""")
                .param("p", provinceCode).param("h", householdId).param("newHead", newHead).update();
        Map<Integer, Map<String, Object>> before = new LinkedHashMap<>();
        stored.forEach(m -> before.put(m.memberNo(), comparable(memberParams(MemberForm.of(m)))));
        for (MemberForm m : members) {
            Map<String, Object> was = before.get(m.getMemberNo());
            if (was == null) {
                insertMembers(provinceCode, householdId, List.of(m));
            } else if (!was.equals(comparable(memberParams(m)))) {
                jdbc.sql(MEMBER_UPDATE).param("p", provinceCode).param("h", householdId).params(memberParams(m)).update();
            }
        }
    }

    /** Whether the form holds exactly the stored household's values (a save would change nothing). */
    static boolean sameAsStored(HouseholdForm form, long communeId, Household stored) {
        if (communeId != stored.communeId()) {
            return false;
        }
        if (!comparable(householdParams(form)).equals(comparable(householdParams(HouseholdForm.of(stored))))) {
            return false;
        }
        List<MemberForm> kept = form.keptMembers();
        if (kept.size() != stored.members().size()) {
            return false;
        }
        Map<Integer, Map<String, Object>> before = new LinkedHashMap<>();
        stored.members().forEach(m -> before.put(m.memberNo(), comparable(memberParams(MemberForm.of(m)))));
        return kept.stream().allMatch(m -> comparable(memberParams(m)).equals(before.get(m.getMemberNo())));
    }

    /** Parameters as the database compares them: arrays as lists, decimals without trailing zeros. */
    private static Map<String, Object> comparable(Map<String, Object> params) {
        Map<String, Object> c = new LinkedHashMap<>();
        params.forEach((k, v) -> c.put(k, v instanceof Object[] a ? Arrays.asList(a)
                : v instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : v));
        return c;
    }

    /** Replaces the members: changed rows are updated in place, so the audit log shows real differences. */
    void replaceMembers(String provinceCode, long householdId, List<MemberForm> members) {
        List<Integer> keep = members.stream().map(MemberForm::getMemberNo).toList();
        jdbc.sql("DELETE FROM household_member WHERE province_code = :p AND household_id = :h AND NOT (member_no = ANY(:keep))")
                .param("p", provinceCode).param("h", householdId).param("keep", keep.toArray(Integer[]::new))
                .update();
        // Clear the head first so that the head may pass to another member within one save.
        jdbc.sql("UPDATE household_member SET relation = 'other' WHERE province_code = :p AND household_id = :h AND relation = 'head'")
                .param("p", provinceCode).param("h", householdId).update();
        for (MemberForm m : members) {
            int updated = jdbc.sql(MEMBER_UPDATE).param("p", provinceCode).param("h", householdId).params(memberParams(m)).update();
            if (updated == 0) {
                insertMembers(provinceCode, householdId, List.of(m));
            }
        }
    }

    private void insertMembers(String provinceCode, long householdId, Collection<MemberForm> members) {
        for (MemberForm m : members) {
            jdbc.sql("""
                            INSERT INTO household_member (province_code, household_id, member_no, full_name, id_number,
                                birth_date, birth_year_only, sex, ethnicity, relation, employment, working_capacity,
                                disability, monthly_social_allowance, health_insurance, malnourished, education,
                                in_school, school_level_appropriate, sick_untreated, merit_person)
                            VALUES (:p, :h, :no, :name, :idNumber, :birth, :yearOnly, :sex, :ethnicity, :relation,
                                :employment, :working, :disability, :allowance, :insurance, :malnourished, :education,
                                :inSchool, :schoolOk, :sick, :merit)""")
                    .param("p", provinceCode).param("h", householdId).params(memberParams(m))
                    .update();
        }
    }

    private static final String MEMBER_UPDATE = """
            UPDATE household_member SET full_name = :name, id_number = :idNumber, birth_date = :birth,
                birth_year_only = :yearOnly, sex = :sex, ethnicity = :ethnicity, relation = :relation,
                employment = :employment, working_capacity = :working, disability = :disability,
                monthly_social_allowance = :allowance, health_insurance = :insurance, malnourished = :malnourished,
                education = :education, in_school = :inSchool, school_level_appropriate = :schoolOk,
                sick_untreated = :sick, merit_person = :merit
            WHERE province_code = :p AND household_id = :h AND member_no = :no""";

    List<Long> activeIds() {
        return jdbc.sql("SELECT id FROM household WHERE life_status = 'active' ORDER BY id").query(Long.class).list();
    }

    List<Long> idsOfImport(long importId) {
        return jdbc.sql("SELECT id FROM household WHERE import_id = :i ORDER BY id").param("i", importId).query(Long.class).list();
    }

    int delete(long id, String provinceCode) {
        return jdbc.sql("DELETE FROM household WHERE province_code = :p AND id = :id")
                .param("p", provinceCode).param("id", id).update();
    }

    /** Whether an identity number is held by a member of another household. */
    boolean identityNumberTakenElsewhere(String idNumber, Long householdId) {
        return jdbc.sql("""
                        SELECT count(*) FROM citizen_identity ci
                        JOIN household_member m ON m.province_code = ci.province_code AND m.id = ci.member_id
                        WHERE ci.id_number = :n AND (CAST(:h AS bigint) IS NULL OR m.household_id <> :h)""")
                .param("n", idNumber).param("h", householdId)
                .query(Long.class).single() > 0;
    }

    private static Map<String, Object> householdParams(HouseholdForm f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", f.getHouseholdCode().strip());
        p.put("village", f.getVillageId());
        p.put("area", blankToNull(f.getArea()));
        p.put("address", blankToNull(f.getAddress()));
        p.put("income", f.getIncomePerCapita());
        p.put("b1", f.getB1Score());
        p.put("housing", f.getHousingQuality());
        p.put("floor", f.getFloorAreaM2());
        p.put("water", f.getWaterSource());
        p.put("toilet", f.getToilet());
        p.put("internet", f.getInternetUse());
        p.put("telephone", f.getTelephoneUse());
        p.put("devices", f.getInfoDevices().toArray(String[]::new));
        p.put("loudspeaker", f.getLoudspeakerReach());
        p.put("waste", f.getWasteTreatment());
        p.put("causes", f.getCauses().toArray(String[]::new));
        p.put("ethnic", f.getEthnicMinority());
        p.put("merit", f.getMeritHousehold());
        p.put("social", f.getSocialProtection());
        p.put("referenceDate", f.getReferenceDate());
        return p;
    }

    private static Map<String, Object> memberParams(MemberForm m) {
        BirthDateText birth = BirthDateText.parse(m.getBirthDate());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("no", m.getMemberNo());
        p.put("name", m.getFullName().strip());
        p.put("idNumber", blankToNull(m.getIdNumber()));
        p.put("birth", birth.date());
        p.put("yearOnly", birth.yearOnly());
        p.put("sex", m.getSex());
        p.put("ethnicity", m.getEthnicity());
        p.put("relation", m.getRelation());
        p.put("employment", m.getEmployment());
        p.put("working", m.getWorkingCapacity());
        p.put("disability", blankToNull(m.getDisability()));
        p.put("allowance", m.getMonthlySocialAllowance());
        p.put("insurance", m.getHealthInsurance());
        p.put("malnourished", m.getMalnourished());
        p.put("education", m.getEducation());
        p.put("inSchool", m.getInSchool());
        p.put("schoolOk", m.getSchoolLevelAppropriate());
        p.put("sick", m.getSickUntreated());
        p.put("merit", m.getMeritPerson());
        return p;
    }

    private Map<Long, List<Member>> members(String provinceCode, List<Long> householdIds) {
        Map<Long, List<Member>> byHousehold = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT * FROM household_member WHERE province_code = :p AND household_id = ANY(:ids)
                        ORDER BY household_id, member_no""")
                .param("p", provinceCode)
                .param("ids", householdIds.toArray(Long[]::new))
                .query(rs -> {
                    byHousehold.computeIfAbsent(rs.getLong("household_id"), k -> new ArrayList<>()).add(mapMember(rs));
                });
        return byHousehold;
    }

    static Member mapMember(ResultSet rs) throws SQLException {
        return new Member(rs.getLong("id"), rs.getInt("member_no"), rs.getString("full_name"),
                rs.getString("id_number"), rs.getObject("birth_date", LocalDate.class),
                rs.getBoolean("birth_year_only"), rs.getString("sex"), rs.getString("ethnicity"),
                rs.getString("relation"), rs.getString("employment"), rs.getBoolean("working_capacity"),
                rs.getString("disability"), bool(rs, "monthly_social_allowance"), rs.getBoolean("health_insurance"),
                bool(rs, "malnourished"), rs.getString("education"), rs.getBoolean("in_school"),
                bool(rs, "school_level_appropriate"), bool(rs, "sick_untreated"), bool(rs, "merit_person"));
    }

    static Household mapHousehold(ResultSet rs, int row) throws SQLException {
        long village = rs.getLong("village_id");
        Long villageId = rs.wasNull() ? null : village;
        long income = rs.getLong("income_per_capita");
        Long incomePerCapita = rs.wasNull() ? null : income;
        return new Household(rs.getLong("id"), rs.getString("province_code"), rs.getString("household_code"),
                rs.getLong("commune_id"), rs.getString("commune_code"), rs.getString("commune_name"),
                rs.getString("commune_area_type"), villageId, rs.getString("village_name"), rs.getString("area"),
                rs.getString("address"), rs.getObject("reference_date", LocalDate.class), incomePerCapita,
                rs.getBigDecimal("b1_score"), rs.getString("housing_quality"), rs.getBigDecimal("floor_area_m2"),
                rs.getString("water_source"), rs.getString("toilet"), rs.getBoolean("internet_use"),
                bool(rs, "telephone_use"), strings(rs.getArray("info_devices")), bool(rs, "loudspeaker_reach"),
                bool(rs, "waste_treatment"), strings(rs.getArray("causes")), bool(rs, "ethnic_minority"),
                bool(rs, "merit_household"), bool(rs, "social_protection"), rs.getString("life_status"),
                rs.getInt("version"), List.of());
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
