package vn.giamngheo.household;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes many already-validated households in JDBC batches, inside the caller's transaction (so a file is
 * stored whole or not at all). Used by imports and the demonstration data.
 */
@Component
public class HouseholdBulkWriter {

    private static final int BATCH = 1000;

    private final DataSource dataSource;

    HouseholdBulkWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A household to store: its commune, resolved, and its data. */
    public record NewHousehold(long communeId, String provinceCode, HouseholdForm form) {
    }

    public int write(List<NewHousehold> households, Long importId) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ids = connection.prepareStatement("SELECT nextval('household_id_seq') FROM generate_series(1, ?)");
             PreparedStatement h = connection.prepareStatement("""
                     INSERT INTO household (id, province_code, household_code, commune_id, village_id, area, address,
                         income_per_capita, b1_score, housing_quality, floor_area_m2, water_source, toilet, internet_use,
                         telephone_use, info_devices, loudspeaker_reach, waste_treatment, causes, ethnic_minority,
                         merit_household, social_protection, import_id)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement m = connection.prepareStatement("""
                     INSERT INTO household_member (province_code, household_id, member_no, full_name, id_number, birth_date,
                         birth_year_only, sex, ethnicity, relation, employment, working_capacity, disability,
                         monthly_social_allowance, health_insurance, malnourished, education, in_school,
                         school_level_appropriate, sick_untreated, merit_person)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ids.setInt(1, households.size());
            long[] newIds = new long[households.size()];
            try (var rs = ids.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    newIds[i] = rs.getLong(1);
                }
            }
            int pendingMembers = 0;
            for (int i = 0; i < households.size(); i++) {
                NewHousehold nh = households.get(i);
                bindHousehold(connection, h, newIds[i], nh, importId);
                h.addBatch();
                for (MemberForm member : nh.form().keptMembers()) {
                    bindMember(m, nh.provinceCode(), newIds[i], member);
                    m.addBatch();
                    pendingMembers++;
                }
                if ((i + 1) % BATCH == 0) {
                    h.executeBatch();
                    m.executeBatch();
                    pendingMembers = 0;
                }
            }
            h.executeBatch();
            if (pendingMembers > 0) {
                m.executeBatch();
            }
            return households.size();
        } catch (SQLException e) {
            throw new IllegalStateException("bulk write failed: " + e.getMessage(), e);
        }
    }

    private static void bindHousehold(Connection c, PreparedStatement s, long id, NewHousehold nh, Long importId) throws SQLException {
        HouseholdForm f = nh.form();
        s.setLong(1, id);
        s.setString(2, nh.provinceCode());
        s.setString(3, f.getHouseholdCode().strip());
        s.setLong(4, nh.communeId());
        setLong(s, 5, f.getVillageId());
        s.setString(6, blankToNull(f.getArea()));
        s.setString(7, blankToNull(f.getAddress()));
        setLong(s, 8, f.getIncomePerCapita());
        s.setBigDecimal(9, f.getB1Score());
        s.setString(10, f.getHousingQuality());
        s.setBigDecimal(11, f.getFloorAreaM2() == null ? BigDecimal.ZERO : f.getFloorAreaM2());
        s.setString(12, f.getWaterSource());
        s.setString(13, f.getToilet());
        s.setBoolean(14, f.isInternetUse());
        setBoolean(s, 15, f.getTelephoneUse());
        s.setArray(16, c.createArrayOf("text", f.getInfoDevices().toArray()));
        setBoolean(s, 17, f.getLoudspeakerReach());
        setBoolean(s, 18, f.getWasteTreatment());
        s.setArray(19, c.createArrayOf("text", f.getCauses().toArray()));
        setBoolean(s, 20, f.getEthnicMinority());
        setBoolean(s, 21, f.getMeritHousehold());
        setBoolean(s, 22, f.getSocialProtection());
        setLong(s, 23, importId);
    }

    private static void bindMember(PreparedStatement s, String province, long householdId, MemberForm m) throws SQLException {
        BirthDateText birth = BirthDateText.parse(m.getBirthDate());
        s.setString(1, province);
        s.setLong(2, householdId);
        s.setInt(3, m.getMemberNo());
        s.setString(4, m.getFullName().strip());
        s.setString(5, blankToNull(m.getIdNumber()));
        s.setDate(6, Date.valueOf(birth.date()));
        s.setBoolean(7, birth.yearOnly());
        s.setString(8, m.getSex());
        s.setString(9, m.getEthnicity());
        s.setString(10, m.getRelation());
        s.setString(11, m.getEmployment());
        s.setBoolean(12, m.isWorkingCapacity());
        s.setString(13, blankToNull(m.getDisability()));
        setBoolean(s, 14, m.getMonthlySocialAllowance());
        s.setBoolean(15, m.isHealthInsurance());
        setBoolean(s, 16, m.getMalnourished());
        s.setString(17, m.getEducation());
        s.setBoolean(18, m.isInSchool());
        setBoolean(s, 19, m.getSchoolLevelAppropriate());
        setBoolean(s, 20, m.getSickUntreated());
        setBoolean(s, 21, m.getMeritPerson());
    }

    private static void setLong(PreparedStatement s, int i, Long v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, v);
        }
    }

    private static void setBoolean(PreparedStatement s, int i, Boolean v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.BOOLEAN);
        } else {
            s.setBoolean(i, v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
