package vn.giamngheo.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.review.rules.Refusal;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Applications of households (forms 01 and 04): received directly, by post or online, each tracked against its
 * deadline (the monthly round it falls in, plus the decision days); taken into a round, or answered in writing.
 */
@Service
public class ReviewApplications {

    static final Set<String> FORMS = Set.of("01", "04");
    static final Set<String> CHANNELS = Set.of("in_person", "post", "online");

    private final HouseholdRegistry registry;
    private final ReviewSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReviewApplications(HouseholdRegistry registry, ReviewSettings settings, JdbcClient jdbc, Clock clock) {
        this.registry = registry;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Application receive(ApplicationForm form, CurrentUser user) {
        ReviewAccess.requireCommuneEditor(user);
        List<Refusal> refusals = new ArrayList<>();
        if (form.form() == null || !FORMS.contains(form.form())) {
            refusals.add(Refusal.of("review.refused.form"));
        }
        if (form.channel() == null || !CHANNELS.contains(form.channel())) {
            refusals.add(Refusal.of("review.refused.channel"));
        }
        if (form.receivedOn() == null || form.receivedOn().isAfter(LocalDate.now(clock))) {
            refusals.add(Refusal.of("review.refused.receivedOnFuture"));
        }
        if (form.applicant() == null || form.applicant().isBlank() || form.applicant().length() > 200) {
            refusals.add(Refusal.of("review.refused.applicant"));
        }
        if (form.note() != null && form.note().length() > 2000) {
            refusals.add(Refusal.of("review.refused.tooLong", 2000));
        }
        if (form.householdId() == null) {
            refusals.add(Refusal.of("review.refused.household"));
        }
        if (!refusals.isEmpty()) {
            throw new ReviewRefusedException(refusals);
        }
        Household h = registry.get(form.householdId(), user);
        if (!"active".equals(h.lifeStatus())) {
            throw new ReviewRefusedException("review.refused.householdLeft", h.householdCode());
        }
        if ("04".equals(form.form())) {
            PovertyStatus status = PovertyStatus.ofCode(currentStatus(h));
            if (status == null || !status.listed()) {
                throw new ReviewRefusedException("review.refused.notOnList", h.householdCode());
            }
        }
        refuseIfOpen(h, form.form());
        LocalDate due = settings.calendar().applicationDue(form.receivedOn());
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO review_application (province_code, commune_id, household_id, form, received_on, channel,
                                applicant, note, due_on, created_by)
                            VALUES (:p, :c, :h, :form, :on, :channel, :who, :note, :due, :user) RETURNING id""")
                    .param("p", h.provinceCode()).param("c", h.communeId()).param("h", h.id()).param("form", form.form())
                    .param("on", form.receivedOn()).param("channel", form.channel()).param("who", form.applicant().strip())
                    .param("note", VillageMeetings.blankToNull(form.note())).param("due", due).param("user", user.getUsername())
                    .query(Long.class).single();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // received at the same moment by someone else (review_application_one_open_idx, V32)
            throw new ReviewRefusedException("review.refused.applicationOpen", h.householdCode(), form.form());
        }
        return get(id, user);
    }

    /** One open application (received, or in a round not yet decided) per household and form. */
    private void refuseIfOpen(Household h, String form) {
        boolean open = jdbc.sql("""
                        SELECT count(*) > 0 FROM review_application
                        WHERE province_code = :p AND household_id = :h AND form = :form AND status IN ('received', 'in_round')""")
                .param("p", h.provinceCode()).param("h", h.id()).param("form", form).query(Boolean.class).single();
        if (open) {
            throw new ReviewRefusedException("review.refused.applicationOpen", h.householdCode(), form);
        }
    }

    /** Answers an application in writing with the reasons, without a review (it is closed). */
    @Transactional
    public Application answer(long id, String answer, CurrentUser user) {
        ReviewAccess.requireCommuneEditor(user);
        Application a = get(id, user);
        if (!"received".equals(a.status())) {
            throw new ReviewRefusedException("review.refused.applicationClosed", a.status());
        }
        if (answer == null || answer.isBlank() || answer.length() > 2000) {
            throw new ReviewRefusedException("review.refused.answer");
        }
        jdbc.sql("UPDATE review_application SET status = 'answered', answer = :a, answered_on = :on WHERE id = :id")
                .param("a", answer.strip()).param("on", LocalDate.now(clock)).param("id", id).update();
        return get(id, user);
    }

    public Application get(long id, CurrentUser user) {
        return query(" AND a.id = :id", user, id).stream().findFirst()
                .orElseThrow(() -> new RoundNotFoundException("application " + id));
    }

    /** Applications of a commune (or of everything in the user's area when null), newest first. */
    public List<Application> list(Long communeId, CurrentUser user) {
        return query(communeId == null ? "" : " AND a.commune_id = :id", user, communeId);
    }

    private List<Application> query(String filter, CurrentUser user, Long id) {
        var q = jdbc.sql("""
                        SELECT a.*, h.household_code, coalesce(hd.full_name, '') AS head_name
                        FROM review_application a
                        JOIN admin_unit c ON c.id = a.commune_id
                        JOIN household h ON h.province_code = a.province_code AND h.id = a.household_id
                        LEFT JOIN household_member hd ON hd.province_code = h.province_code AND hd.household_id = h.id
                             AND hd.relation = 'head'
                        WHERE\s""" + AreaFilter.of(user.scope()).on("a", "c") + filter
                        + " ORDER BY a.received_on DESC, a.id DESC LIMIT 1000");
        q = AreaFilter.of(user.scope()).bind(q);
        if (id != null) {
            q = q.param("id", id);
        }
        return q.query((rs, n) -> new Application(rs.getLong("id"), rs.getString("province_code"), rs.getLong("commune_id"),
                        rs.getLong("household_id"), rs.getString("household_code"), rs.getString("head_name"),
                        rs.getString("form"), rs.getDate("received_on").toLocalDate(), rs.getString("channel"),
                        rs.getString("applicant"), rs.getString("note"), rs.getDate("due_on").toLocalDate(),
                        rs.getObject("round_id", Long.class), rs.getString("status"), rs.getString("answer"),
                        RoundRepository.date(rs, "answered_on")))
                .list();
    }

    private String currentStatus(Household h) {
        return jdbc.sql("""
                        SELECT status FROM status_of(:p, :h, 'infinity')""")
                .param("p", h.provinceCode()).param("h", h.id()).query(String.class).optional().orElse(null);
    }
}
