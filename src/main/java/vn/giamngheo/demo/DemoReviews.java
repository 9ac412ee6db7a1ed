package vn.giamngheo.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.review.Application;
import vn.giamngheo.review.ApplicationForm;
import vn.giamngheo.review.Decision;
import vn.giamngheo.review.MeetingForm;
import vn.giamngheo.review.OpenRound;
import vn.giamngheo.review.ReviewApplications;
import vn.giamngheo.review.ReviewDecisions;
import vn.giamngheo.review.ReviewRound;
import vn.giamngheo.review.ReviewRounds;
import vn.giamngheo.review.RoundHousehold;
import vn.giamngheo.review.RoundHouseholds;
import vn.giamngheo.review.VillageMeetings;
import vn.giamngheo.review.rules.RoundKind;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The review in the demonstration, through the review's own services and guards: for every demonstration commune
 * the periodic review of 2025 (lists of 2026) from opening to the chair's decision after the complaint period and
 * the province's approval; for the first commune (user {@code xa}) also the periodic review of 2026 (lists of
 * 2027), left while collecting, with an escape application (form 04) taken into it. Communes without demonstration
 * accounts are worked by stand-in staff of that commune (named {@code xa-CODE}, {@code chutich-CODE}; they are not
 * accounts and cannot log in).
 */
@Component
@Conditional(DemoEnabled.class)
class DemoReviews {

    private static final Logger LOG = LoggerFactory.getLogger(DemoReviews.class);

    private static final Locale VI = Locale.forLanguageTag("vi");
    static final LocalDate POSTING_2025 = LocalDate.of(2025, 11, 3);
    private static final LocalDate FIRST_MEETINGS_2025 = LocalDate.of(2025, 10, 6);
    /** Complaints close on 10 November 2025 (three working days of posting, three of complaints): decided after. */
    private static final LocalDate[] DECIDED_2025 = {LocalDate.of(2025, 11, 12), LocalDate.of(2025, 11, 13),
            LocalDate.of(2025, 11, 14), LocalDate.of(2025, 11, 17)};
    /** How many households the review of 2026 has collected so far (collecting one by one is the slow part). */
    private static final int COLLECTED_2026 = 40;
    private static final String[] CHAIRS = {"Hoàng Văn Thắng", "Ma Văn Khánh", "Nông Thị Hoa", "Lý Văn Sơn",
            "Triệu Thị Mai", "Hà Văn Long", "Quan Văn Hải", "Lục Thị Hằng"};
    private static final String[] FRONT = {"Nguyễn Thị Lan", "Đặng Văn Phúc", "Bùi Thị Hương", "Vàng A Páo"};

    private final ReviewRounds rounds;
    private final RoundHouseholds households;
    private final VillageMeetings meetings;
    private final ReviewDecisions decisions;
    private final ReviewApplications applications;
    private final UserAccounts users;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoReviews(ReviewRounds rounds, RoundHouseholds households, VillageMeetings meetings, ReviewDecisions decisions,
                ReviewApplications applications, UserAccounts users, JdbcClient jdbc, Clock clock) {
        this.rounds = rounds;
        this.households = households;
        this.meetings = meetings;
        this.decisions = decisions;
        this.applications = applications;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Reviews the communes (ids, the first one is {@code xa}'s, the second {@code xa2}'s); returns rounds decided. */
    int load(List<Long> communeIds, long seed) {
        Random random = new Random(seed);
        CurrentUser province = users.findByUsername("tinh").orElseThrow();
        int decided = 0;
        for (int i = 0; i < communeIds.size(); i++) {
            long commune = communeIds.get(i);
            CurrentUser officer = i == 0 ? users.findByUsername("xa").orElseThrow()
                    : i == 1 ? users.findByUsername("xa2").orElseThrow() : standIn(commune, Role.COMMUNE_OFFICER);
            CurrentUser chair = i == 0 ? users.findByUsername("chutich").orElseThrow() : standIn(commune, Role.COMMUNE_CHAIR);
            if (periodic2025(commune, i, officer, chair, province, random)) {
                decided++;
            }
        }
        periodic2026(communeIds.get(0), users.findByUsername("xa").orElseThrow());
        return decided;
    }

    /** Open, add every household, collect, village meetings, posting from 3 November 2025, decision, approval. */
    private boolean periodic2025(long commune, int index, CurrentUser officer, CurrentUser chair, CurrentUser province,
                                 Random random) {
        ReviewRound round = rounds.open(new OpenRound(commune, RoundKind.PERIODIC, 2025, null, null), officer);
        long id = round.id();
        if (households.add(id, null, null, officer) == 0) {
            return false;
        }
        rounds.advance(id, RoundState.COLLECTING, officer);
        households.collectAll(id, false, officer);
        leaveOutUnclassified(id, officer);
        rounds.advance(id, RoundState.MEETINGS, officer);
        Map<Long, Long> pending = households.list(id, officer, VI).stream()
                .collect(Collectors.groupingBy(RoundHousehold::villageId, TreeMap::new, Collectors.counting()));
        List<Long> villages = List.copyOf(pending.keySet());
        if (index == 0 && villages.size() > 2) {
            // in xa's commune the first meeting of the third village does not reach half of those present:
            // its households go back to collection, are collected again and agreed at a second meeting
            long village = villages.get(2);
            int invited = pending.get(village).intValue() + 4;
            int present = invited * 3 / 4;
            meetings.record(id, meeting(village, FIRST_MEETINGS_2025.minusDays(3), chair(index, 2), invited, present,
                    present * 2 / 5), officer);
            households.collectAll(id, false, officer);
            rounds.advance(id, RoundState.MEETINGS, officer);
        }
        for (int v = 0; v < villages.size(); v++) {
            long village = villages.get(v);
            int invited = pending.get(village).intValue() + random.nextInt(5);
            int present = Math.max(1, (int) Math.round(invited * (0.70 + 0.25 * random.nextDouble())));
            int agreed = Math.max((present + 1) / 2, (int) Math.round(present * (0.72 + 0.27 * random.nextDouble())));
            meetings.record(id, meeting(village, meetingDay(v), chair(index, v), invited, present,
                    Math.min(present, agreed)), officer);
        }
        rounds.post(id, POSTING_2025, officer);
        LocalDate decidedOn = DECIDED_2025[index % DECIDED_2025.length];
        decisions.decide(id, (120 + index) + "/QĐ-UBND", decidedOn, chair);
        decisions.approve(id, province);
        return true;
    }

    /**
     * The periodic review of 2026 in xa's commune, left while collecting: an escape application (form 04) of a
     * poor household taken into it, every household added, the first few collected.
     */
    private void periodic2026(long commune, CurrentUser officer) {
        LocalDate today = LocalDate.now(clock);
        if (today.isBefore(LocalDate.of(2026, 9, 1))) {
            return;
        }
        String province = officer.scope().provinceCode();
        jdbc.sql(PovertyStatus.sql("""
                        SELECT s.household_id, s.head_name FROM decided_status s
                        WHERE s.province_code = :p AND s.commune_id = :c AND s.list_year = 2026 AND s.status = {poor}
                        ORDER BY s.household_code LIMIT 1"""))
                .param("p", province).param("c", commune)
                .query((rs, n) -> new ApplicationForm(rs.getLong(1), "04", LocalDate.of(2026, 9, 10), "in_person",
                        rs.getString(2), "Gia đình có thu nhập ổn định từ nuôi cá lồng, xin ra khỏi danh sách hộ nghèo."))
                .optional().ifPresent(form -> {
                    Application application = applications.receive(form, officer);
                    ReviewRound round = rounds.open(new OpenRound(commune, RoundKind.PERIODIC, 2026, null, null), officer);
                    households.addApplications(round.id(), officer);
                    households.add(round.id(), null, null, officer);
                    rounds.advance(round.id(), RoundState.COLLECTING, officer);
                    // the application's household and the first households of the first village are collected
                    List<RoundHousehold> all = households.list(round.id(), officer, VI);
                    Long firstVillage = all.stream().map(RoundHousehold::villageId).filter(java.util.Objects::nonNull)
                            .sorted().findFirst().orElse(null);
                    households.collect(round.id(), application.householdId(), officer);
                    all.stream().filter(h -> h.householdId() != application.householdId()
                                    && firstVillage != null && firstVillage.equals(h.villageId()))
                            .limit(COLLECTED_2026)
                            .forEach(h -> households.collect(round.id(), h.householdId(), officer));
                });
    }

    /** Households whose data lacks a fact the standard needs cannot be decided on: they leave this round. */
    private void leaveOutUnclassified(long roundId, CurrentUser officer) {
        households.list(roundId, officer, VI).stream()
                .filter(h -> h.status() == null || h.villageId() == null)
                .forEach(h -> {
                    LOG.info("Demonstration review: household {} left out of round {} (missing fact {}, village {})",
                            h.householdCode(), roundId, h.missingFact(), h.villageId());
                    households.remove(roundId, h.householdId(), officer);
                });
    }

    /** The village meetings of 2025: two villages a working day from Monday 6 October (30 villages by 24 October). */
    static LocalDate meetingDay(int village) {
        LocalDate day = FIRST_MEETINGS_2025;
        for (int n = village / 2; n > 0; n--) {
            day = day.plusDays(day.getDayOfWeek() == java.time.DayOfWeek.FRIDAY ? 3 : 1);
        }
        return day;
    }

    private static String chair(int commune, int village) {
        return CHAIRS[(commune * 3 + village) % CHAIRS.length];
    }

    private static MeetingForm meeting(long village, LocalDate heldOn, String chair, int invited, int attendees, int agreed) {
        return new MeetingForm(village, heldOn, chair, "Lường Thị Mai", FRONT[(int) (village % FRONT.length)],
                invited, attendees, agreed, null);
    }

    /** Staff of a commune without a demonstration account: acts in that commune only, cannot log in. */
    private CurrentUser standIn(long commune, Role role) {
        return jdbc.sql("SELECT code, full_name AS name, path, province_code FROM admin_unit WHERE id = :id").param("id", commune)
                .query((rs, n) -> {
                    String code = rs.getString("code");
                    String name = rs.getString("name");
                    boolean chair = role == Role.COMMUNE_CHAIR;
                    return new CurrentUser(0, (chair ? "chutich-" : "xa-") + code, null,
                            (chair ? "Chủ tịch UBND " : "Cán bộ ") + name, role,
                            new AccessScope(commune, rs.getString("path"), rs.getString("province_code")), name, true, null);
                })
                .single();
    }
}
