package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.geography.AreaUnits;
import vn.giamngheo.review.rules.ReviewCalendar;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Completeness and timeliness of a periodic review across the communes of a unit (a province sees which communes
 * have not finished): every commune valid at the review's opening, with or without a round.
 */
@Service
class ReviewProgress {

    private final ReviewSettings settings;
    private final JdbcClient jdbc;
    private final AreaUnits units;

    ReviewProgress(ReviewSettings settings, JdbcClient jdbc, AreaUnits units) {
        this.units = units;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /**
     * Every commune of the unit valid when the periodic review of the year opens; a commune without a round is
     * due on the calendar's decision day (so it is late after it), a round on its own recorded due day.
     */
    public List<CommuneProgress> periodic(long unitId, int reviewYear, CurrentUser user) {
        unit(unitId, user);
        return communes(unitId, reviewYear, settings.calendar().periodic(reviewYear), user);
    }

    /**
     * The progress of the periodic review of a year under a unit of the user's area, as of a day.
     *
     * @throws RoundNotFoundException when the unit does not exist or lies outside the user's area
     */
    public ProgressReport report(long unitId, int reviewYear, LocalDate asOf, CurrentUser user) {
        AdminUnit unit = unit(unitId, user);
        ReviewCalendar.Window window = settings.calendar().periodic(reviewYear);
        return ProgressReport.of(unit.id(), unit.code(), unit.fullName(), unit.provinceCode(), reviewYear,
                window.decisionDue(), asOf, communes(unitId, reviewYear, window, user));
    }

    private AdminUnit unit(long unitId, CurrentUser user) {
        return units.find(unitId, user).orElseThrow(() -> new RoundNotFoundException("unit " + unitId));
    }

    private List<CommuneProgress> communes(long unitId, int reviewYear, ReviewCalendar.Window window, CurrentUser user) {
        AreaFilter area = AreaFilter.of(user.scope());
        return area.bind(jdbc.sql(PovertyStatus.sql("""
                        SELECT c.id, c.code, c.name, r.id AS round_id, r.state, r.approval_state,
                               coalesce(r.decision_due, :due) AS decision_due,
                               d.decided_on, d.number,
                               (SELECT count(*) FILTER (WHERE s.status = {poor}) || ',' || count(*) FILTER (WHERE s.status = {near_poor})
                                       || ',' || count(*)
                                  FROM status_history s WHERE d.id IS NOT NULL AND s.province_code = r.province_code
                                  AND s.decision_id = d.id) AS counts,
                               (SELECT a.level FROM review_approval a WHERE a.round_id = r.id AND a.decision_id = d.id
                                  AND a.action = 'approved' ORDER BY a.id DESC LIMIT 1) AS approved_by,
                               ret.level AS returned_by, ret.reason AS return_reason
                        FROM admin_unit u
                        JOIN admin_unit c ON c.level = 'commune' AND\s""" + AreaFilter.subtree("u", "c") + """

                             AND (c.valid_from IS NULL OR c.valid_from <= :on) AND (c.valid_to IS NULL OR c.valid_to >= :on)
                        LEFT JOIN review_round r ON r.commune_id = c.id AND r.kind = 'periodic' AND r.review_year = :y
                        LEFT JOIN LATERAL (SELECT * FROM review_decision x WHERE x.round_id = r.id AND x.revoked_on IS NULL
                                           ORDER BY x.id DESC LIMIT 1) d ON true
                        LEFT JOIN LATERAL (SELECT a.level, a.reason FROM review_approval a WHERE a.round_id = r.id
                                           AND a.action = 'returned' ORDER BY a.id DESC LIMIT 1) ret ON true
                        WHERE u.id = :unit AND\s""" + area.on("u") + """

                        ORDER BY c.code""")))
                .param("on", window.opensOn()).param("due", window.decisionDue()).param("y", reviewYear)
                .param("unit", unitId)
                .query((rs, n) -> {
                    String counts = rs.getString("counts");
                    String[] c = counts == null ? new String[]{"0", "0", "0"} : counts.split(",");
                    return new CommuneProgress(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                            rs.getObject("round_id", Long.class), rs.getString("state"), rs.getString("approval_state"),
                            RoundRepository.date(rs, "decision_due"), RoundRepository.date(rs, "decided_on"),
                            rs.getString("number"), Integer.parseInt(c[0]), Integer.parseInt(c[1]), Integer.parseInt(c[2]),
                            rs.getString("approved_by"), rs.getString("returned_by"), rs.getString("return_reason"));
                })
                .list();
    }
}
