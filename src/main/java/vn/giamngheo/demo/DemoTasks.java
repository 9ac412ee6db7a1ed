package vn.giamngheo.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.task.PlanTasks;

/**
 * The demonstration's agency officers and tasks: three officers of the demonstration province's agencies ({@code sonnmt}
 * of the Department of Agriculture and Environment, {@code nhcsxh} of the social-policy bank's branch, {@code hoiphunu}
 * of the Women's Union), and three tasks of the province's plan for 2026 led by those agencies, made as {@code tinh}
 * through the tasks' own service.
 */
@Component
class DemoTasks {

    /** User name → code suffix of the province's agency (V45: {@code P<province>.<suffix>}) and full name. */
    static final Map<String, List<String>> OFFICERS = Map.of(
            "sonnmt", List.of("SNNMT", "Cán bộ Sở Nông nghiệp và Môi trường"),
            "nhcsxh", List.of("NHCSXH", "Cán bộ Chi nhánh Ngân hàng Chính sách xã hội"),
            "hoiphunu", List.of("HLHPN", "Cán bộ Hội Liên hiệp Phụ nữ tỉnh"));

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final PlanTasks tasks;

    DemoTasks(JdbcClient jdbc, UserAccounts users, PlanTasks tasks) {
        this.jdbc = jdbc;
        this.users = users;
        this.tasks = tasks;
    }

    /** Creates the agency officers whose agency exists in the province; returns how many. */
    int officers(String province, String password) {
        int created = 0;
        for (String name : List.of("sonnmt", "nhcsxh", "hoiphunu")) {
            Optional<Long> agency = agency(province, OFFICERS.get(name).get(0));
            Optional<Long> unit = agency.flatMap(a -> jdbc.sql("SELECT unit_id FROM agency WHERE id = :id").param("id", a)
                    .query(Long.class).optional());
            if (agency.isPresent() && unit.isPresent() && !users.exists(name)) {
                users.createAgencyOfficer(name, password, OFFICERS.get(name).get(1), unit.get(), agency.get(), false);
                created++;
            }
        }
        return created;
    }

    /** Three tasks of the province's plan of 2026, one led by each demonstration agency; none without the plan. */
    int tasks(long provinceId, String province) {
        Optional<Long> plan = jdbc.sql("SELECT id FROM plan WHERE unit_id = :u AND plan_year = 2026").param("u", provinceId)
                .query(Long.class).optional();
        Optional<Long> lead = agency(province, "SNNMT");
        Optional<Long> bank = agency(province, "NHCSXH");
        Optional<Long> women = agency(province, "HLHPN");
        if (plan.isEmpty() || lead.isEmpty() || bank.isEmpty() || women.isEmpty()) {
            return 0;
        }
        CurrentUser tinh = users.findByUsername("tinh").orElseThrow();
        LocalDate deadline = LocalDate.of(2026, 12, 31);
        int made = 0;
        made += task(plan.get(), "TP1.DA1", "Nhân rộng mô hình giảm nghèo, hỗ trợ sinh kế cho hộ nghèo (dữ liệu trình diễn)",
                lead.get(), List.of(women.get()), deadline, List.of("half_year", "year"),
                new PlanTasks.OutputInput(null, "Mô hình giảm nghèo được nhân rộng", "Poverty-reduction models replicated",
                        "mô hình", new BigDecimal("12"), false, Map.of()), tinh);
        made += task(plan.get(), "CS_TD", "Cho vay vốn tín dụng ưu đãi hộ nghèo, hộ cận nghèo (dữ liệu trình diễn)",
                bank.get(), List.of(women.get()), deadline, List.of("quarter", "half_year", "year"),
                // bound to the indicator the register checks (V55): the consolidation shows the bank's books beside it
                new PlanTasks.OutputInput("CREDIT_HOUSEHOLDS_LENT", null, null, null, new BigDecimal("1500"), false,
                        Map.of()), tinh);
        made += task(plan.get(), "TP1.DA6", "Truyền thông về giảm nghèo tại thôn, bản (dữ liệu trình diễn)",
                women.get(), List.of(lead.get()), deadline, List.of("half_year", "year"),
                new PlanTasks.OutputInput(null, "Buổi truyền thông được tổ chức", "Awareness sessions held", "buổi",
                        new BigDecimal("60"), false, Map.of()), tinh);
        return made;
    }

    private int task(long planId, String itemCode, String description, long lead, List<Long> partners, LocalDate deadline,
                     List<String> kinds, PlanTasks.OutputInput output, CurrentUser user) {
        Optional<Long> item = jdbc.sql("""
                        SELECT id FROM programme_item WHERE code = :c AND period_code = '2026-2030' AND province_code IS NULL""")
                .param("c", itemCode).query(Long.class).optional();
        if (item.isEmpty()) {
            return 0;
        }
        tasks.create(planId, new PlanTasks.TaskInput(item.get(), description, null, lead, partners, deadline, kinds,
                List.of(output)), user);
        return 1;
    }

    private Optional<Long> agency(String province, String suffix) {
        return jdbc.sql("SELECT id FROM agency WHERE code = :c AND valid_to IS NULL").param("c", "P" + province + "." + suffix)
                .query(Long.class).optional();
    }
}
