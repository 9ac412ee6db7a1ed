package vn.giamngheo.household;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUsers;

/** The start page: key figures of the user's area. */
@Controller
class HomeController {

    private final JdbcClient jdbc;

    HomeController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/")
    String home(Model model) {
        vn.giamngheo.security.CurrentUser user = CurrentUsers.require();
        if (user.isHelper()) {
            return "redirect:/escape/mine";   // a helper sees only the households assigned to them
        }
        AccessScope scope = user.scope();
        Stats stats = HouseholdRepository.bindScope(jdbc.sql("""
                        SELECT count(*) AS households,
                               coalesce(sum((SELECT count(*) FROM household_member m WHERE m.province_code = h.province_code
                                   AND m.household_id = h.id)), 0) AS members,
                               count(*) FILTER (WHERE h.poverty_status = 'poor') AS poor,
                               count(*) FILTER (WHERE h.poverty_status = 'near_poor') AS near_poor
                        FROM household h JOIN admin_unit c ON c.id = h.commune_id
                        WHERE h.life_status = 'active'""" + HouseholdRepository.scopeCondition(scope)), scope)
                .query((rs, i) -> new Stats(rs.getLong("households"), rs.getLong("members"), rs.getLong("poor"),
                        rs.getLong("near_poor")))
                .single();
        model.addAttribute("stats", stats);
        return "home";
    }

    record Stats(long households, long members, long poor, long nearPoor) {
    }
}
