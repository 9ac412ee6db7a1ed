package vn.giamngheo.household;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.giamngheo.report.RecognisedFigures;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUsers;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The start page: key figures of the user's area. The poor and near-poor counts are the recognised lists of this
 * year, as the reports and the dashboard count them ({@link RecognisedFigures}), said as such; the register's
 * computed classification (under the standard of the coming lists, not yet reviewed) is shown second, labelled.
 */
@Controller
class HomeController {

    private final JdbcClient jdbc;
    private final RecognisedFigures recognised;

    HomeController(JdbcClient jdbc, RecognisedFigures recognised) {
        this.jdbc = jdbc;
        this.recognised = recognised;
    }

    @GetMapping("/")
    String home(Model model) {
        vn.giamngheo.security.CurrentUser user = CurrentUsers.require();
        if (user.isHelper()) {
            return "redirect:/escape/mine";   // a helper sees only the households assigned to them
        }
        if (user.isAgencyOfficer()) {
            return "redirect:/tasks/mine";    // an agency officer sees only their agency's tasks
        }
        AccessScope scope = user.scope();
        Stats stats = HouseholdRepository.bindScope(jdbc.sql(PovertyStatus.sql("""
                        SELECT count(*) AS households,
                               coalesce(sum((SELECT count(*) FROM household_member m WHERE m.province_code = h.province_code
                                   AND m.household_id = h.id)), 0) AS members,
                               count(*) FILTER (WHERE h.poverty_status = {poor}) AS poor,
                               count(*) FILTER (WHERE h.poverty_status = {near_poor}) AS near_poor,
                               string_agg(DISTINCT h.classified_standard, ', ') AS standards
                        FROM household h JOIN admin_unit c ON c.id = h.commune_id
                        WHERE h.life_status = 'active'""") + HouseholdRepository.scopeCondition(scope)), scope)
                .query((rs, i) -> new Stats(rs.getLong("households"), rs.getLong("members"), rs.getLong("poor"),
                        rs.getLong("near_poor"), rs.getString("standards")))
                .single();
        model.addAttribute("stats", stats);
        model.addAttribute("recognised", recognised.ofArea(user, null));
        return "home";
    }

    /** The register's figures; {@code poor} and {@code nearPoor}: the computed classification, under {@code standards}. */
    record Stats(long households, long members, long poor, long nearPoor, String standards) {
    }
}
