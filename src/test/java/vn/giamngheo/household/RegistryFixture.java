package vn.giamngheo.household;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/** Builds users and households for registry tests through the real services. */
public final class RegistryFixture {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);

    private final JdbcClient jdbc;
    private final UserAccounts users;

    public RegistryFixture(JdbcClient jdbc, UserAccounts users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** A current (post-2025) commune of the province: the n-th by code. */
    public String communeCode(String province, int n) {
        return jdbc.sql("""
                        SELECT code FROM admin_unit WHERE level = 'commune' AND province_code = :p AND valid_to IS NULL
                        ORDER BY code OFFSET :n LIMIT 1""").param("p", province).param("n", n).query(String.class).single();
    }

    public long unitId(String level, String code) {
        return jdbc.sql("SELECT id FROM admin_unit WHERE level = :l AND code = :c AND valid_to IS NULL")
                .param("l", level).param("c", code).query(Long.class).single();
    }

    /** Creates a user and logs them in on this thread. */
    public CurrentUser loginAs(Role role, String level, String unitCode) {
        String name = role.name().toLowerCase().replace('_', '-') + SERIAL.incrementAndGet();
        users.create(name, "password-123", "Test " + name, role, unitCode == null ? null : unitId(level, unitCode));
        CurrentUser user = users.findByUsername(name).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        return user;
    }

    public CurrentUser user(Role role, String level, String unitCode) {
        String name = role.name().toLowerCase().replace('_', '-') + SERIAL.incrementAndGet();
        users.create(name, "password-123", "Test " + name, role, unitCode == null ? null : unitId(level, unitCode));
        return users.findByUsername(name).orElseThrow();
    }

    /** A new village of the commune (a unique code under it), for households that live in one. */
    public long village(String communeCode, String name) {
        var commune = jdbc.sql("SELECT id, province_code, path FROM admin_unit WHERE level = 'commune' AND code = :c AND valid_to IS NULL")
                .param("c", communeCode).query((rs, i) -> new Object[] {rs.getLong("id"), rs.getString("province_code"), rs.getString("path")})
                .single();
        long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('admin_unit', 'id'))").query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO admin_unit (id, code, level, name, full_name, unit_type, parent_id, province_code, valid_from, path)
                        VALUES (:id, :code, 'village', :name, :name, 'thon', :parent, :p, DATE '2025-07-01', :path)""")
                .param("id", id).param("code", communeCode + "-" + (700 + id % 1000)).param("name", name)
                .param("parent", commune[0]).param("p", commune[1]).param("path", commune[2] + String.valueOf(id) + "/")
                .update();
        return id;
    }

    /**
     * The villages {@link GeneratedHouseholds} names ("Bản 1" to "Bản 4") in each of these communes, created where
     * missing: an import refuses villages its commune does not have.
     */
    public void generatedVillages(java.util.Collection<String> communeCodes) {
        for (String commune : communeCodes) {
            for (int i = 1; i <= 4; i++) {
                boolean exists = jdbc.sql("""
                                SELECT count(*) > 0 FROM admin_unit v JOIN admin_unit c ON c.id = v.parent_id
                                WHERE c.level = 'commune' AND c.code = :c AND c.valid_to IS NULL AND v.level = 'village'
                                  AND v.valid_to IS NULL AND lower(v.name) = lower(:n)""")
                        .param("c", commune).param("n", "Bản " + i).query(Boolean.class).single();
                if (!exists) {
                    village(commune, "Bản " + i);
                }
            }
        }
    }

    public static String newIdNumber() {
        return String.format("%012d", 790_000_000_000L + SERIAL.incrementAndGet());
    }

    public static HouseholdForm household(String communeCode, String code) {
        HouseholdForm f = new HouseholdForm();
        f.setHouseholdCode(code);
        f.setCommuneCode(communeCode);
        f.setIncomePerCapita(1_200_000L);
        f.setHousingQuality("semi_durable");
        f.setFloorAreaM2(new java.math.BigDecimal("36.5"));
        f.setWaterSource("drilled_well");
        f.setToilet("semi_septic");
        f.setInternetUse(true);
        f.setWasteTreatment(true);
        f.setLoudspeakerReach(true);
        f.setMembers(new java.util.ArrayList<>(List.of(member(1, "Nguyễn Văn Hùng", "head", "1980-03-04"),
                member(2, "Trần Thị Lan", "spouse", "1983"))));
        return f;
    }

    public static MemberForm member(int no, String name, String relation, String birth) {
        MemberForm m = new MemberForm();
        m.setMemberNo(no);
        m.setFullName(name);
        m.setRelation(relation);
        m.setBirthDate(birth);
        m.setIdNumber(newIdNumber());
        m.setSex(relation.equals("spouse") ? "female" : "male");
        m.setEthnicity("Kinh");
        m.setEmployment("self_employed");
        m.setWorkingCapacity(true);
        m.setDisability("none");
        m.setHealthInsurance(true);
        m.setEducation("none");
        m.setInSchool(false);
        return m;
    }
}
