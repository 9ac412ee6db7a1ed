package vn.giamngheo.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.review.rules.Refusal;
import vn.giamngheo.review.rules.ReviewCalendar;
import vn.giamngheo.review.rules.RoundGuards;
import vn.giamngheo.review.rules.RoundKind;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.standard.StandardRegistry;

/** Opening review rounds and moving them between states by guarded transitions. */
@Service
public class ReviewRounds {

    private final RoundRepository rounds;
    private final RoundFacts facts;
    private final ReviewSettings settings;
    private final StandardRegistry standards;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RoundListing listing;

    ReviewRounds(RoundRepository rounds, RoundFacts facts, ReviewSettings settings, StandardRegistry standards,
                 JdbcClient jdbc, Clock clock, RoundListing listing) {
        this.rounds = rounds;
        this.listing = listing;
        this.facts = facts;
        this.settings = settings;
        this.standards = standards;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public ReviewRound open(OpenRound request, CurrentUser user) {
        ReviewAccess.requireCommuneEditor(user);
        ReviewCalendar calendar = settings.calendar();
        List<Refusal> refusals = new ArrayList<>();
        if (request.kind() == null) {
            throw new ReviewRefusedException("review.refused.kind");
        }
        if (request.reviewYear() < 2016 || request.reviewYear() > LocalDate.now(clock).getYear() + 1) {
            refusals.add(Refusal.of("review.refused.year", request.reviewYear()));
        }
        if (request.kind() == RoundKind.MONTHLY && (request.reviewMonth() == null || request.reviewMonth() < 1
                || request.reviewMonth() > 12)) {
            refusals.add(Refusal.of("review.refused.month"));
        }
        if (!refusals.isEmpty()) {
            throw new ReviewRefusedException(refusals);
        }
        Integer month = request.kind() == RoundKind.MONTHLY ? request.reviewMonth() : null;
        ReviewCalendar.Window window = request.kind() == RoundKind.PERIODIC ? calendar.periodic(request.reviewYear())
                : calendar.monthly(request.reviewYear(), month);
        AreaFilter area = AreaFilter.of(user.scope());
        var commune = area.bind(jdbc.sql("""
                        SELECT id, province_code FROM admin_unit u
                        WHERE id = :id AND level = 'commune' AND\s""" + area.on("u") + """

                          AND (valid_from IS NULL OR valid_from <= :d) AND (valid_to IS NULL OR valid_to >= :d)"""))
                .param("id", request.communeId()).param("d", window.opensOn())
                .query((rs, n) -> rs.getString("province_code")).optional()
                .orElseThrow(() -> new ReviewRefusedException("review.refused.commune", request.communeId(), window.opensOn()));
        int listYear = ReviewCalendar.listYear(request.kind(), request.reviewYear());
        PovertyStandard standard;
        try {
            standard = standards.standardForList(listYear, commune);
        } catch (IllegalStateException e) {
            throw new ReviewRefusedException("review.refused.noStandard", listYear);
        }
        boolean exists = jdbc.sql("""
                        SELECT count(*) FROM review_round WHERE commune_id = :c AND kind = :k AND review_year = :y
                        AND coalesce(review_month, 0) = :m""")
                .param("c", request.communeId()).param("k", request.kind().code()).param("y", request.reviewYear())
                .param("m", month == null ? 0 : month).query(Long.class).single() > 0;
        if (exists) {
            throw new ReviewRefusedException("review.refused.duplicate");
        }
        LocalDate reference = request.referenceDate() == null ? window.opensOn() : request.referenceDate();
        long id = jdbc.sql("""
                        INSERT INTO review_round (province_code, commune_id, kind, review_year, review_month, list_year,
                            standard_code, standard_version, reference_date, opens_on, decision_due, created_by)
                        VALUES (:p, :c, :k, :y, :m, :l, :std, :v, :ref, :opens, :due, :user) RETURNING id""")
                .param("p", commune).param("c", request.communeId()).param("k", request.kind().code())
                .param("y", request.reviewYear()).param("m", month).param("l", listYear).param("std", standard.code())
                .param("v", Integer.parseInt(standard.version())).param("ref", reference)
                .param("opens", window.opensOn()).param("due", window.decisionDue()).param("user", user.getUsername())
                .query(Long.class).single();
        return rounds.find(id, user.scope()).orElseThrow();
    }

    public ReviewRound get(long id, CurrentUser user) {
        return rounds.find(id, user.scope()).orElseThrow(() -> new RoundNotFoundException("round " + id));
    }

    public List<ReviewRound> search(CurrentUser user, Long unitId, Integer year, String state) {
        return rounds.search(user.scope(), unitId, year, state, 500);
    }

    public List<RoundRepository.Transition> history(long id, CurrentUser user) {
        get(id, user);
        return rounds.transitions(id);
    }

    /** Moves a round one step forward (collecting, meetings); posting and the decision have their own steps. */
    @Transactional
    public ReviewRound advance(long id, RoundState target, CurrentUser user) {
        ReviewAccess.requireCommuneEditor(user);
        ReviewRound round = rounds.lock(id, user.scope());
        if (target == RoundState.POSTED || target == RoundState.DECIDED) {
            throw new ReviewRefusedException("review.refused.useStep", target.code());
        }
        List<Refusal> refusals = new ArrayList<>(RoundGuards.advance(facts.of(round), target, LocalDate.now(clock)));
        // the households not yet collected, named (the same refusal, with the names as further arguments)
        refusals.replaceAll(r -> r.key().equals("review.refused.unclassified") ? blockedNamed(round) : r);
        if (!refusals.isEmpty()) {
            throw new ReviewRefusedException(refusals);
        }
        rounds.setState(id, round.state(), target, null, user.getUsername());
        return get(id, user);
    }

    /**
     * The refusal for households not yet collected, naming them: its arguments are how many, the first
     * {@link RoundListing#NAMED} as "code (head's name)", and how many more there are.
     */
    private Refusal blockedNamed(ReviewRound round) {
        RoundListing.Blocked blocked = listing.blocked(round, RoundListing.NAMED);
        String names = blocked.first().stream()
                .map(h -> h.householdCode() + (h.headName() == null || h.headName().isBlank() ? "" : " (" + h.headName() + ")"))
                .collect(java.util.stream.Collectors.joining(", "));
        return Refusal.of("review.refused.unclassified", blocked.count(), names, blocked.more());
    }

    /** Public posting starts: the posting and complaint periods are fixed in working days from that day. */
    @Transactional
    public ReviewRound post(long id, LocalDate startedOn, CurrentUser user) {
        ReviewAccess.requireCommuneEditor(user);
        ReviewRound round = rounds.lock(id, user.scope());
        if (startedOn == null) {
            throw new ReviewRefusedException("review.refused.postingDate");
        }
        List<Refusal> refusals = new ArrayList<>(RoundGuards.advance(facts.of(round), RoundState.POSTED, startedOn));
        LocalDate lastMeeting = jdbc.sql("SELECT held_on FROM village_meeting WHERE round_id = :id ORDER BY held_on DESC LIMIT 1")
                .param("id", id).query(LocalDate.class).optional().orElse(null);
        refusals.addAll(RoundGuards.postingStart(startedOn, round.opensOn(), lastMeeting));
        if (!refusals.isEmpty()) {
            throw new ReviewRefusedException(refusals);
        }
        ReviewCalendar.Posting posting = settings.calendar().posting(startedOn);
        jdbc.sql("""
                        UPDATE review_round SET posting_started_on = :s, posting_ends_on = :e, complaints_end_on = :c
                        WHERE id = :id""")
                .param("s", posting.startedOn()).param("e", posting.postingEndsOn()).param("c", posting.complaintsEndOn())
                .param("id", id).update();
        rounds.setState(id, round.state(), RoundState.POSTED, null, user.getUsername());
        return get(id, user);
    }

    /** Sends a round back to an earlier state with a reason (recorded); households keep their data. */
    @Transactional
    public ReviewRound sendBack(long id, RoundState target, String reason, CurrentUser user) {
        ReviewAccess.requireCommuneEditor(user);
        ReviewRound round = rounds.lock(id, user.scope());
        List<Refusal> refusals = new ArrayList<>();
        if (!round.state().canSendBackTo(target)) {
            refusals.add(Refusal.of("review.refused.sendBack", round.state().code(), target == null ? "" : target.code()));
        }
        if (reason == null || reason.isBlank()) {
            refusals.add(Refusal.of("review.refused.reason"));
        } else if (reason.length() > 2000) {
            refusals.add(Refusal.of("review.refused.tooLong", 2000));
        }
        if (!refusals.isEmpty()) {
            throw new ReviewRefusedException(refusals);
        }
        if (target.ordinal() < RoundState.POSTED.ordinal()) {
            jdbc.sql("UPDATE review_round SET posting_started_on = NULL, posting_ends_on = NULL, complaints_end_on = NULL WHERE id = :id")
                    .param("id", id).update();
        }
        rounds.setState(id, round.state(), target, reason.strip(), user.getUsername());
        return get(id, user);
    }

    /** Communes of today's map in the user's area, for opening rounds (code and name). */
    public List<UnitChoice> communes(CurrentUser user) {
        AreaFilter area = AreaFilter.of(user.scope());
        return area.bind(jdbc.sql("""
                        SELECT id, code, name FROM admin_unit u WHERE level = 'commune' AND\s""" + area.on("u") + """

                        AND (valid_from IS NULL OR valid_from <= :d) AND (valid_to IS NULL OR valid_to >= :d)
                        ORDER BY code LIMIT 5000"""))
                .param("d", LocalDate.now(clock))
                .query((rs, n) -> new UnitChoice(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Provinces of today's map in the user's area (for choosing where to look from the whole country). */
    public List<UnitChoice> provinces(CurrentUser user) {
        AreaFilter area = AreaFilter.of(user.scope());
        return area.bind(jdbc.sql("""
                        SELECT id, code, name FROM admin_unit u WHERE level = 'province' AND\s""" + area.on("u") + """

                        AND (valid_from IS NULL OR valid_from <= :d) AND (valid_to IS NULL OR valid_to >= :d) ORDER BY code"""))
                .param("d", LocalDate.now(clock))
                .query((rs, n) -> new UnitChoice(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Villages of a commune (for meetings and adding households). */
    public List<UnitChoice> villages(long communeId) {
        List<UnitChoice> villages = new java.util.ArrayList<>(
                jdbc.sql("SELECT id, code, name FROM admin_unit WHERE level = 'village' AND parent_id = :c")
                        .param("c", communeId).query((rs, n) -> new UnitChoice(rs.getLong(1), rs.getString(2), rs.getString(3))).list());
        villages.sort(java.util.Comparator.comparing(UnitChoice::name, vn.giamngheo.geography.VillageOrder.INSTANCE));
        return villages;
    }

    /** A unit offered in a form. */
    public record UnitChoice(long id, String code, String name) {
    }
}
