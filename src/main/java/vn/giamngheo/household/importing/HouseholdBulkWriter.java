package vn.giamngheo.household.importing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.exchange.Coded;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdRecord;
import vn.giamngheo.exchange.MemberRecord;
import vn.giamngheo.household.CommuneRef;

/**
 * Writes validated, classified households set-based, inside the caller's transaction (so a file is stored
 * whole or not at all): per {@value #CHUNK} households one {@code INSERT … SELECT FROM unnest(…)} for the
 * households and one for their members, with their classification already in the row (nothing is read back and
 * updated one at a time). What the per-row triggers would do row by row (V17, switched off for the chunk with
 * {@code giamngheo.bulk}) is done once per chunk: one CREATE audit row per household and member, as
 * {@code audit_row_change} writes it; the identity numbers into {@code citizen_identity} (a number taken meanwhile
 * fails the whole transaction); the report aggregates by one {@code report_refresh} of the chunk's households.
 */
@Component
public class HouseholdBulkWriter {

    static final int CHUNK = 5_000;

    private final JdbcClient jdbc;

    HouseholdBulkWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A household to store: its commune and village, resolved, its data and its classification. */
    record NewHousehold(CommuneRef commune, Long villageId, HouseholdData data, ImportClassifier.Classified classified) {
    }

    int write(List<NewHousehold> households, long importId) {
        jdbc.sql("SELECT set_config('giamngheo.bulk', 'on', true)").query(String.class).single();
        try {
            for (int from = 0; from < households.size(); from += CHUNK) {
                writeChunk(households.subList(from, Math.min(households.size(), from + CHUNK)), importId);
            }
        } finally {
            jdbc.sql("SELECT set_config('giamngheo.bulk', 'off', true)").query(String.class).single();
        }
        return households.size();
    }

    /** The row triggers' work for the chunk's households and their members, set-based. */
    private void afterRows(String[] provinces, Long[] ids) {
        jdbc.sql("""
                        INSERT INTO audit_log (username, action, entity, entity_id, province_code, before_value, after_value)
                        SELECT coalesce(nullif(current_setting('giamngheo.username', true), ''), 'system'), 'CREATE',
                               'household', h.id::text, h.province_code, NULL, to_jsonb(h)
                          FROM household h JOIN unnest(CAST(:p AS text[]), CAST(:ids AS bigint[])) AS k(province_code, id)
                            ON h.province_code = k.province_code AND h.id = k.id
                         ORDER BY h.id""")
                .param("p", provinces).param("ids", ids).update();
        jdbc.sql("""
                        INSERT INTO audit_log (username, action, entity, entity_id, province_code, before_value, after_value)
                        SELECT coalesce(nullif(current_setting('giamngheo.username', true), ''), 'system'), 'CREATE',
                               'household_member', m.id::text, m.province_code, NULL, to_jsonb(m)
                          FROM household_member m
                          JOIN unnest(CAST(:p AS text[]), CAST(:ids AS bigint[])) AS k(province_code, household_id)
                            ON m.province_code = k.province_code AND m.household_id = k.household_id
                         ORDER BY m.id""")
                .param("p", provinces).param("ids", ids).update();
        jdbc.sql("""
                        INSERT INTO citizen_identity (id_number, province_code, member_id)
                        SELECT m.id_number, m.province_code, m.id
                          FROM household_member m
                          JOIN unnest(CAST(:p AS text[]), CAST(:ids AS bigint[])) AS k(province_code, household_id)
                            ON m.province_code = k.province_code AND m.household_id = k.household_id
                         WHERE m.id_number IS NOT NULL""")
                .param("p", provinces).param("ids", ids).update();
        jdbc.sql("SELECT report_refresh(CAST(:p AS text[]), CAST(:ids AS bigint[]))")
                .param("p", provinces).param("ids", ids).query().listOfRows();
    }

    private void writeChunk(List<NewHousehold> chunk, long importId) {
        int n = chunk.size();
        Long[] ids = jdbc.sql("SELECT nextval('household_id_seq') FROM generate_series(1, :n)").param("n", n)
                .query(Long.class).list().toArray(Long[]::new);
        String[] province = new String[n];
        String[] code = new String[n];
        Long[] commune = new Long[n];
        Long[] village = new Long[n];
        String[] area = new String[n];
        String[] address = new String[n];
        Long[] income = new Long[n];
        String[] b1 = new String[n];
        String[] housing = new String[n];
        String[] floor = new String[n];
        String[] water = new String[n];
        String[] toilet = new String[n];
        Boolean[] internet = new Boolean[n];
        Boolean[] telephone = new Boolean[n];
        String[] devices = new String[n];
        Boolean[] loudspeaker = new Boolean[n];
        Boolean[] waste = new Boolean[n];
        String[] causes = new String[n];
        Boolean[] minority = new Boolean[n];
        Boolean[] merit = new Boolean[n];
        Boolean[] protection = new Boolean[n];
        String[] status = new String[n];
        Integer[] deprivations = new Integer[n];
        String[] standard = new String[n];
        String[] version = new String[n];
        int memberCount = chunk.stream().mapToInt(h -> h.data().members().size()).sum();
        Members m = new Members(memberCount);
        for (int i = 0; i < n; i++) {
            NewHousehold h = chunk.get(i);
            HouseholdRecord r = h.data().household();
            province[i] = h.commune().provinceCode();
            code[i] = r.householdCode().strip();
            commune[i] = h.commune().id();
            village[i] = h.villageId();
            area[i] = code(r.area());
            address[i] = blankToNull(r.address());
            income[i] = r.incomePerCapita();
            b1[i] = r.b1Score() == null ? null : r.b1Score().toPlainString();
            housing[i] = code(r.housingQuality());
            floor[i] = r.floorAreaM2() == null ? "0" : r.floorAreaM2().toPlainString();
            water[i] = code(r.waterSource());
            toilet[i] = code(r.toilet());
            internet[i] = r.internetUse();
            telephone[i] = r.telephoneUse();
            devices[i] = codes(r.infoDevices());
            loudspeaker[i] = r.loudspeakerReach();
            waste[i] = r.wasteTreatment();
            causes[i] = codes(r.causes());
            minority[i] = r.ethnicMinority();
            merit[i] = r.meritHousehold();
            protection[i] = r.socialProtection();
            status[i] = h.classified().status();
            deprivations[i] = h.classified().deprivationCount();
            standard[i] = h.classified().standard().code();
            version[i] = h.classified().standard().version();
            for (MemberRecord member : h.data().members()) {
                m.add(ids[i], province[i], member);
            }
        }
        jdbc.sql("""
                        INSERT INTO household (id, province_code, household_code, commune_id, village_id, area, address,
                            income_per_capita, b1_score, housing_quality, floor_area_m2, water_source, toilet, internet_use,
                            telephone_use, info_devices, loudspeaker_reach, waste_treatment, causes, ethnic_minority,
                            merit_household, social_protection, poverty_status, deprivation_count, classified_standard,
                            classified_standard_version, classified_at, import_id)
                        SELECT id, province_code, household_code, commune_id, village_id, area, address, income_per_capita,
                            CAST(b1_score AS numeric), housing_quality, CAST(floor_area_m2 AS numeric), water_source, toilet,
                            internet_use, telephone_use, CAST(info_devices AS text[]), loudspeaker_reach, waste_treatment,
                            CAST(causes AS text[]), ethnic_minority, merit_household, social_protection, poverty_status,
                            deprivation_count, classified_standard, classified_standard_version, now(), :import
                        FROM unnest(CAST(:id AS bigint[]), CAST(:province AS text[]), CAST(:code AS text[]),
                            CAST(:commune AS bigint[]), CAST(:village AS bigint[]), CAST(:area AS text[]),
                            CAST(:address AS text[]), CAST(:income AS bigint[]), CAST(:b1 AS text[]), CAST(:housing AS text[]),
                            CAST(:floor AS text[]), CAST(:water AS text[]), CAST(:toilet AS text[]),
                            CAST(:internet AS boolean[]), CAST(:telephone AS boolean[]), CAST(:devices AS text[]),
                            CAST(:loudspeaker AS boolean[]), CAST(:waste AS boolean[]), CAST(:causes AS text[]),
                            CAST(:minority AS boolean[]), CAST(:merit AS boolean[]), CAST(:protection AS boolean[]),
                            CAST(:status AS text[]), CAST(:deprivations AS smallint[]), CAST(:standard AS text[]),
                            CAST(:version AS text[]))
                            AS t(id, province_code, household_code, commune_id, village_id, area, address, income_per_capita,
                                 b1_score, housing_quality, floor_area_m2, water_source, toilet, internet_use, telephone_use,
                                 info_devices, loudspeaker_reach, waste_treatment, causes, ethnic_minority, merit_household,
                                 social_protection, poverty_status, deprivation_count, classified_standard,
                                 classified_standard_version)""")
                .param("import", importId).param("id", ids).param("province", province).param("code", code)
                .param("commune", commune).param("village", village).param("area", area).param("address", address)
                .param("income", income).param("b1", b1).param("housing", housing).param("floor", floor)
                .param("water", water).param("toilet", toilet).param("internet", internet).param("telephone", telephone)
                .param("devices", devices).param("loudspeaker", loudspeaker).param("waste", waste).param("causes", causes)
                .param("minority", minority).param("merit", merit).param("protection", protection)
                .param("status", status).param("deprivations", deprivations).param("standard", standard)
                .param("version", version)
                .update();
        m.insert(jdbc);
        afterRows(province, ids);
    }

    /** The members of a chunk, column by column. */
    private static final class Members {
        private final Long[] household;
        private final String[] province;
        private final Integer[] memberNo;
        private final String[] fullName;
        private final String[] idNumber;
        private final String[] birthDate;
        private final Boolean[] yearOnly;
        private final String[] sex;
        private final String[] ethnicity;
        private final String[] relation;
        private final String[] employment;
        private final Boolean[] workingCapacity;
        private final String[] disability;
        private final Boolean[] allowance;
        private final Boolean[] insurance;
        private final Boolean[] malnourished;
        private final String[] education;
        private final Boolean[] inSchool;
        private final Boolean[] levelAppropriate;
        private final Boolean[] sickUntreated;
        private final Boolean[] meritPerson;
        private int i;

        Members(int n) {
            household = new Long[n];
            province = new String[n];
            memberNo = new Integer[n];
            fullName = new String[n];
            idNumber = new String[n];
            birthDate = new String[n];
            yearOnly = new Boolean[n];
            sex = new String[n];
            ethnicity = new String[n];
            relation = new String[n];
            employment = new String[n];
            workingCapacity = new Boolean[n];
            disability = new String[n];
            allowance = new Boolean[n];
            insurance = new Boolean[n];
            malnourished = new Boolean[n];
            education = new String[n];
            inSchool = new Boolean[n];
            levelAppropriate = new Boolean[n];
            sickUntreated = new Boolean[n];
            meritPerson = new Boolean[n];
        }

        void add(long householdId, String provinceCode, MemberRecord m) {
            boolean year = m.birthDate().isYearOnly();
            LocalDate birth = year ? LocalDate.of(m.birthDate().year(), 1, 1) : m.birthDate().assumedDate();
            household[i] = householdId;
            province[i] = provinceCode;
            memberNo[i] = m.memberNo();
            fullName[i] = m.fullName().strip();
            idNumber[i] = blankToNull(m.idNumber());
            birthDate[i] = birth.toString();
            yearOnly[i] = year;
            sex[i] = code(m.sex());
            ethnicity[i] = m.ethnicity();
            relation[i] = code(m.relation());
            employment[i] = code(m.employment());
            workingCapacity[i] = m.workingCapacity();
            disability[i] = code(m.disability());
            allowance[i] = m.monthlySocialAllowance();
            insurance[i] = m.healthInsurance();
            malnourished[i] = m.malnourished();
            education[i] = code(m.education());
            inSchool[i] = m.inSchool();
            levelAppropriate[i] = m.schoolLevelAppropriate();
            sickUntreated[i] = m.sickUntreated();
            meritPerson[i] = m.meritPerson();
            i++;
        }

        void insert(JdbcClient jdbc) {
            if (i == 0) {
                return;
            }
            jdbc.sql("""
                            INSERT INTO household_member (province_code, household_id, member_no, full_name, id_number,
                                birth_date, birth_year_only, sex, ethnicity, relation, employment, working_capacity, disability,
                                monthly_social_allowance, health_insurance, malnourished, education, in_school,
                                school_level_appropriate, sick_untreated, merit_person)
                            SELECT * FROM unnest(CAST(:province AS text[]), CAST(:household AS bigint[]),
                                CAST(:memberNo AS integer[]), CAST(:fullName AS text[]), CAST(:idNumber AS text[]),
                                CAST(:birthDate AS date[]), CAST(:yearOnly AS boolean[]), CAST(:sex AS text[]),
                                CAST(:ethnicity AS text[]), CAST(:relation AS text[]), CAST(:employment AS text[]),
                                CAST(:workingCapacity AS boolean[]), CAST(:disability AS text[]), CAST(:allowance AS boolean[]),
                                CAST(:insurance AS boolean[]), CAST(:malnourished AS boolean[]), CAST(:education AS text[]),
                                CAST(:inSchool AS boolean[]), CAST(:levelAppropriate AS boolean[]),
                                CAST(:sickUntreated AS boolean[]), CAST(:meritPerson AS boolean[]))""")
                    .param("province", province).param("household", household).param("memberNo", memberNo)
                    .param("fullName", fullName).param("idNumber", idNumber).param("birthDate", birthDate)
                    .param("yearOnly", yearOnly).param("sex", sex).param("ethnicity", ethnicity).param("relation", relation)
                    .param("employment", employment).param("workingCapacity", workingCapacity)
                    .param("disability", disability).param("allowance", allowance).param("insurance", insurance)
                    .param("malnourished", malnourished).param("education", education).param("inSchool", inSchool)
                    .param("levelAppropriate", levelAppropriate).param("sickUntreated", sickUntreated)
                    .param("meritPerson", meritPerson)
                    .update();
        }
    }

    private static String code(Coded value) {
        return value == null ? null : value.code();
    }

    /** A set of codes as a PostgreSQL array literal, sorted (as the bulk import stores them). */
    private static String codes(Set<? extends Coded> values) {
        String[] codes = values.stream().map(Coded::code).toArray(String[]::new);
        Arrays.sort(codes);
        return "{" + String.join(",", codes) + "}";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
