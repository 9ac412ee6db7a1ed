package vn.giamngheo.demo;

import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import vn.giamngheo.plan.Plan;
import vn.giamngheo.plan.PlanCoverage;
import vn.giamngheo.plan.PlanGoals;
import vn.giamngheo.plan.PlanService;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The demonstration's plans, made through the plan module's own services as the province officer {@code tinh}:
 * the province's plan for 2026 with its baseline from the decided lists of 2026, a target of a fifth of the poor
 * and a tenth of the near-poor, cascaded to the communes by their poor households; a coverage target (every poor
 * household insured), one on policy credit and one amount (300 workers sent abroad in the year); and the goals for 2026–2030 (the rate down one point a year from 2025, each poor commune down
 * three points a year).
 */
@Component
class DemoPlans {

    private final PlanService plans;
    private final PlanCoverage coverage;
    private final PlanGoals goals;
    private final UserAccounts users;
    private final vn.giamngheo.plan.PlanClassGoals classGoals;

    DemoPlans(PlanService plans, PlanCoverage coverage, PlanGoals goals, UserAccounts users,
              vn.giamngheo.plan.PlanClassGoals classGoals) {
        this.classGoals = classGoals;
        this.plans = plans;
        this.coverage = coverage;
        this.goals = goals;
        this.users = users;
    }

    /**
     * Returns the number of commune plans made by the cascade; none when the decided lists of 2026 hold no poor
     * household (a small demonstration): a target must not exceed the poor at the start (the plan refuses it).
     */
    int load(long provinceId) {
        CurrentUser province = users.findByUsername("tinh").orElseThrow();
        var baseline = plans.baseline(provinceId, 2026, province);
        if (baseline.poor() == 0) {
            return 0;
        }
        int poorTarget = Math.max(1, baseline.poor() / 5);
        int nearTarget = baseline.nearPoor() / 10;
        Plan plan = plans.create(provinceId, 2026, poorTarget, nearTarget,
                "Kế hoạch giảm nghèo năm 2026 (dữ liệu trình diễn)", province);
        int communes = plans.cascade(plan.id(), PlanService.Basis.POOR, null, province).size();
        coverage.set(plan.id(), "indicator", "health_insurance", PovertyStatus.POOR.code(), new BigDecimal("100"),
                "Mọi người trong hộ nghèo có thẻ bảo hiểm y tế", province);
        coverage.set(plan.id(), PlanCoverage.CREDIT, PlanCoverage.ALL_PROGRAMMES, "poor_near_poor", new BigDecimal("50"),
                "Một nửa số hộ nghèo, cận nghèo được vay vốn tín dụng chính sách (dữ liệu trình diễn)", province);
        // a target amount (issue 24): workers sent abroad in the year, as provinces' plans set them
        coverage.set(plan.id(), PlanCoverage.LABOUR_DEPARTED, PlanCoverage.ALL_PROGRAMMES, null, null, new BigDecimal("300"),
                "Đưa 300 lao động đi làm việc ở nước ngoài theo hợp đồng (dữ liệu trình diễn)", province);
        goals.set(provinceId, "2026_2030", 2025, null, BigDecimal.ONE, BigDecimal.ZERO,
                "Giảm tỷ lệ hộ nghèo bình quân 1 điểm phần trăm mỗi năm (dữ liệu trình diễn)", province);
        // a goal for an area class (issue 23): each poor commune −3 points a year
        classGoals.set(provinceId, "2026_2030", new vn.giamngheo.plan.PlanClassGoals.Input("each_unit",
                java.util.List.of("poor_commune"), null, 2025, null, new BigDecimal("3"), null,
                "Mỗi xã nghèo giảm ít nhất 3 điểm phần trăm mỗi năm (dữ liệu trình diễn)"), province);
        return communes;
    }
}
