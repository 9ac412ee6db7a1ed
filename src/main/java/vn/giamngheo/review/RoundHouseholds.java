package vn.giamngheo.review;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.system.TableStatistics;
import vn.giamngheo.standard.rules.Classification;
import vn.giamngheo.standard.rules.ExplanationRenderer;
import vn.giamngheo.standard.rules.MissingFactException;
import vn.giamngheo.standard.rules.PovertyClassifier;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.household.ExchangeMapping;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.standard.StandardRegistry;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The households of a round (step 1: the current lists, the applications, others the commune adds) and their
 * collection (step 2): a snapshot of the household's data as it stands, classified under the round's standard
 * on its reference date, with the explanation and the reviewer. A later edit of the registry does not change
 * the snapshot; collecting again takes a new one (and the household needs the village meeting again).
 */
@Service
public class RoundHouseholds {

    /** A household joins a round unless it is already in another round not yet decided. */
    private static final String INSERT = """
            INSERT INTO review_household (round_id, province_code, household_id, village_id, source, application_id,
                household_code, head_name, members, area, ethnic_minority, social_protection, merit, previous_status)
            SELECT :round, h.province_code, h.id, h.village_id, :source, %s, h.household_code,
                   coalesce(hd.full_name, ''), (SELECT count(*) FROM household_member m
                        WHERE m.province_code = h.province_code AND m.household_id = h.id),
                   coalesce(h.area, CASE WHEN c.area_type = 'urban' THEN 'urban' ELSE 'rural' END),
                   coalesce(h.ethnic_minority, coalesce(lower(hd.ethnicity), 'kinh') <> 'kinh'),
                   coalesce(h.social_protection, false),
                   coalesce(h.merit_household, EXISTS (SELECT 1 FROM household_member m WHERE m.province_code = h.province_code
                        AND m.household_id = h.id AND m.merit_person)),
                   (SELECT s.status FROM status_of(h.province_code, h.id, 'infinity') s)
            FROM household h
            JOIN admin_unit c ON c.id = h.commune_id
            LEFT JOIN household_member hd ON hd.province_code = h.province_code AND hd.household_id = h.id AND hd.relation = 'head'
            %s
            WHERE h.province_code = :p AND h.commune_id = :commune AND h.life_status = 'active' %s
              AND NOT EXISTS (SELECT 1 FROM review_household rh JOIN review_round r ON r.id = rh.round_id
                              WHERE rh.province_code = h.province_code AND rh.household_id = h.id AND r.state <> 'decided')
            ON CONFLICT DO NOTHING""";

    private static final String CURRENT_STATUS = """
            (SELECT s.status FROM status_of(h.province_code, h.id, 'infinity') s)""";

    private final RoundRepository rounds;
    private final HouseholdRegistry registry;
    private final StandardRegistry standards;
    private final JdbcClient jdbc;
    private final PovertyClassifier classifier = new PovertyClassifier();

    private final TableStatistics statistics;

    RoundHouseholds(RoundRepository rounds, HouseholdRegistry registry, StandardRegistry standards, JdbcClient jdbc,
                    TableStatistics statistics) {
        this.statistics = statistics;
        this.rounds = rounds;
        this.registry = registry;
        this.standards = standards;
        this.jdbc = jdbc;
    }

    /** Adds the households on the commune's current poor and near-poor lists; returns how many joined. */
    @Transactional
    public int addCurrentLists(long roundId, CurrentUser user) {
        ReviewRound round = editable(roundId, user);
        // a whole commune's lists (thousands of rows): analysed once committed, before the round's pages plan over them
        statistics.refreshAfterCommit();
        return jdbc.sql(INSERT.formatted("NULL", "", " AND " + CURRENT_STATUS + PovertyStatus.sql(" IN ({listed})")))
                .param("round", roundId).param("source", "current_list").param("p", round.provinceCode())
                .param("commune", round.communeId()).update();
    }

    /** Adds the households of the commune's applications waiting for a round (forms 01 and 04). */
    @Transactional
    public int addApplications(long roundId, CurrentUser user) {
        ReviewRound round = editable(roundId, user);
        int added = jdbc.sql(INSERT.formatted("a.id",
                        "JOIN review_application a ON a.province_code = h.province_code AND a.household_id = h.id",
                        " AND a.commune_id = :commune AND a.status = 'received' AND a.received_on <= :until"))
                .param("round", roundId).param("source", "application").param("p", round.provinceCode())
                .param("commune", round.communeId()).param("until", round.decisionDue()).update();
        // every waiting application of a household in the round belongs to it, also when the household joined
        // the round before its application was taken in (added with its village, or from the current lists)
        jdbc.sql("""
                        UPDATE review_application a SET round_id = :round, status = 'in_round'
                        FROM review_household rh
                        WHERE rh.round_id = :round AND rh.province_code = a.province_code AND rh.household_id = a.household_id
                          AND a.commune_id = :commune AND a.status = 'received' AND a.received_on <= :until""")
                .param("round", roundId).param("commune", round.communeId()).param("until", round.decisionDue()).update();
        return added;
    }

    /** Adds one household of the commune (or every active household of a village, or of the whole commune). */
    @Transactional
    public int add(long roundId, Long householdId, Long villageId, CurrentUser user) {
        ReviewRound round = editable(roundId, user);
        String filter = householdId != null ? " AND h.id = :hid" : villageId != null ? " AND h.village_id = :vid" : "";
        var q = jdbc.sql(INSERT.formatted("NULL", "", filter)).param("round", roundId).param("source", "added")
                .param("p", round.provinceCode()).param("commune", round.communeId());
        if (householdId != null) {
            q = q.param("hid", householdId);
        } else if (villageId != null) {
            q = q.param("vid", villageId);
        }
        int added = q.update();
        if (householdId != null && added == 0) {
            throw new ReviewRefusedException("review.refused.householdNotAdded", householdId);
        }
        return added;
    }

    /** Adds the household of the commune with this code. */
    @Transactional
    public int addByCode(long roundId, String code, CurrentUser user) {
        ReviewRound round = editable(roundId, user);
        int added = jdbc.sql(INSERT.formatted("NULL", "", " AND h.household_code = :code")).param("round", roundId)
                .param("source", "added").param("p", round.provinceCode()).param("commune", round.communeId())
                .param("code", code == null ? "" : code.strip()).update();
        if (added == 0) {
            throw new ReviewRefusedException("review.refused.householdNotAdded", code == null ? "" : code.strip());
        }
        return added;
    }

    @Transactional
    public void remove(long roundId, long householdId, CurrentUser user) {
        ReviewRound round = editable(roundId, user);
        jdbc.sql("""
                        UPDATE review_application SET round_id = NULL, status = 'received'
                        WHERE province_code = :p AND round_id = :round AND household_id = :h AND status = 'in_round'""")
                .param("p", round.provinceCode()).param("round", roundId).param("h", householdId).update();
        int removed = jdbc.sql("DELETE FROM review_household WHERE round_id = :round AND province_code = :p AND household_id = :h")
                .param("round", roundId).param("p", round.provinceCode()).param("h", householdId).update();
        if (removed == 0) {
            throw new RoundNotFoundException("household " + householdId + " in round " + roundId);
        }
    }

    /** Collects (snapshot + classification) one household of the round, as the reviewer. */
    @Transactional
    public RoundHousehold collect(long roundId, long householdId, CurrentUser user) {
        ReviewRound round = collecting(roundId, user);
        inRound(roundId, round.provinceCode(), householdId);
        store(round, registry.get(householdId, user), user);
        return household(round, householdId);
    }

    /** Collects every household of the round not yet collected (or all of them again); returns how many. */
    @Transactional
    public int collectAll(long roundId, boolean again, CurrentUser user) {
        ReviewRound round = collecting(roundId, user);
        Set<Long> wanted = new HashSet<>(jdbc.sql("SELECT household_id FROM review_household WHERE round_id = :r"
                        + (again ? "" : " AND reviewed_at IS NULL"))
                .param("r", roundId).query(Long.class).list());
        int[] done = {0};
        if (!wanted.isEmpty()) {
            statistics.refreshAfterCommit();
            registry.forEachInUnit(round.communeId(), user, h -> {
                if (wanted.contains(h.id())) {
                    store(round, h, user);
                    done[0]++;
                }
            });
        }
        return done[0];
    }

    /**
     * The households a background collection will collect (those not yet collected, or all again), checked as
     * {@link #collectAll} checks: an editor, the round collecting.
     */
    @Transactional
    public List<Long> toCollect(long roundId, boolean again, CurrentUser user) {
        collecting(roundId, user);
        return jdbc.sql("SELECT household_id FROM review_household WHERE round_id = :r"
                        + (again ? "" : " AND reviewed_at IS NULL") + " ORDER BY household_id")
                .param("r", roundId).query(Long.class).list();
    }

    /**
     * Collects one batch of households in its own transaction (the round locked and still collecting); a household
     * that left the round since it was chosen is skipped. Returns how many were classified (a household lacking a
     * fact is stored with it missing and still blocks the round).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public int collectBatch(long roundId, List<Household> batch, CurrentUser user) {
        ReviewRound round = collecting(roundId, user);
        statistics.countAtCommit(); // counted for the job's refresh at its end (CollectionJobs)
        Set<Long> still = new HashSet<>(jdbc.sql("SELECT household_id FROM review_household WHERE round_id = :r")
                .param("r", roundId).query(Long.class).list());
        int done = 0;
        for (Household h : batch) {
            if (still.contains(h.id()) && store(round, h, user)) {
                done++;
            }
        }
        return done;
    }

    /** Every household of the round's commune, as the registry gives them, to the consumer (for the background job). */
    void forEachInCommune(long roundId, CurrentUser user, java.util.function.Consumer<Household> consumer) {
        ReviewRound round = rounds.find(roundId, user.scope()).orElseThrow(() -> new RoundNotFoundException("round " + roundId));
        registry.forEachInUnit(round.communeId(), user, consumer);
    }

    public List<RoundHousehold> list(long roundId, CurrentUser user, Locale locale) {
        ReviewRound round = rounds.find(roundId, user.scope()).orElseThrow(() -> new RoundNotFoundException("round " + roundId));
        return query(round, null, locale);
    }

    public RoundHousehold household(ReviewRound round, long householdId) {
        return query(round, householdId, Locale.forLanguageTag("vi")).stream().findFirst()
                .orElseThrow(() -> new RoundNotFoundException("household " + householdId + " in round " + round.id()));
    }

    /** The snapshot of a household as collected: the exchange-format CSV of the household and of its members. */
    public Snapshot snapshot(long roundId, long householdId, CurrentUser user) {
        ReviewRound round = rounds.find(roundId, user.scope()).orElseThrow(() -> new RoundNotFoundException("round " + roundId));
        return jdbc.sql("""
                        SELECT snapshot_households, snapshot_members, snapshot_at FROM review_household
                        WHERE round_id = :r AND province_code = :p AND household_id = :h""")
                .param("r", roundId).param("p", round.provinceCode()).param("h", householdId)
                .query((rs, n) -> new Snapshot(rs.getString(1),
                        user.role().seesIdentityNumbers() ? rs.getString(2) : withoutIdentityNumbers(rs.getString(2)),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional().orElseThrow(() -> new RoundNotFoundException("household " + householdId + " in round " + roundId));
    }

    /**
     * The snapshots of every household of the round, by household, in one query (a round's certificates read about
     * 3,300 of them: issue 26 point 5); as {@link #snapshot} gives each one, identity numbers emptied for roles that
     * see them masked. Households not collected have no entry.
     */
    public java.util.Map<Long, Snapshot> snapshots(long roundId, CurrentUser user) {
        ReviewRound round = rounds.find(roundId, user.scope()).orElseThrow(() -> new RoundNotFoundException("round " + roundId));
        boolean identityNumbers = user.role().seesIdentityNumbers();
        java.util.Map<Long, Snapshot> snapshots = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT household_id, snapshot_households, snapshot_members, snapshot_at FROM review_household
                        WHERE round_id = :r AND province_code = :p AND snapshot_households IS NOT NULL""")
                .param("r", roundId).param("p", round.provinceCode())
                .query(rs -> {
                    snapshots.put(rs.getLong(1), new Snapshot(rs.getString(2),
                            identityNumbers ? rs.getString(3) : withoutIdentityNumbers(rs.getString(3)),
                            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()));
                });
        return snapshots;
    }

    /**
     * The members' CSV of a snapshot with the {@code id_number} column emptied, for roles that see identity numbers
     * masked. Emptied rather than masked ({@code ********1234}): the snapshot stays a valid exchange file, which
     * the certificates read back (a masked number is not a valid one), and they print no identity number.
     */
    static String withoutIdentityNumbers(String membersCsv) {
        if (membersCsv == null || membersCsv.isEmpty()) {
            return membersCsv;
        }
        try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVParser.parse(membersCsv,
                org.apache.commons.csv.CSVFormat.RFC4180)) {
            List<org.apache.commons.csv.CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                return membersCsv;
            }
            List<String> header = records.get(0).toList();
            int column = header.indexOf("id_number");
            if (column < 0) {
                column = header.indexOf("\uFEFFid_number");
            }
            StringBuilder out = new StringBuilder();
            try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(out,
                    org.apache.commons.csv.CSVFormat.RFC4180)) {
                for (int i = 0; i < records.size(); i++) {
                    List<String> values = new java.util.ArrayList<>(records.get(i).toList());
                    if (i > 0 && column >= 0 && column < values.size()) {
                        values.set(column, "");
                    }
                    printer.printRecord(values);
                }
            }
            return out.toString();
        } catch (java.io.IOException | RuntimeException e) {
            // never show what could not be read as it is: without the numbers at all
            return membersCsv.replaceAll("(?<!\\d)\\d{12}(?!\\d)", "");
        }
    }

    /** The data a round decided on, in the exchange format. */
    public record Snapshot(String householdsCsv, String membersCsv, java.time.Instant takenAt) {
    }

    private List<RoundHousehold> query(ReviewRound round, Long householdId, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return jdbc.sql("""
                        SELECT rh.*, v.name AS village_name FROM review_household rh
                        LEFT JOIN admin_unit v ON v.id = rh.village_id
                        WHERE rh.round_id = :r AND rh.province_code = :p""" + (householdId == null ? "" : " AND rh.household_id = :h")
                        + " ORDER BY " + vn.giamngheo.geography.VillageOrder.sql("v.name") + ", rh.household_code")
                .param("r", round.id()).param("p", round.provinceCode()).params(householdId == null
                        ? java.util.Map.of() : java.util.Map.of("h", householdId))
                .query((rs, n) -> new RoundHousehold(rs.getLong("household_id"), rs.getString("household_code"),
                        rs.getString("head_name"), rs.getInt("members"), (Long) rs.getObject("village_id"),
                        rs.getString("village_name"), rs.getString("source"), rs.getString("previous_status"),
                        rs.getString("status"), rs.getString("poor_kind"), rs.getObject("deprivation_count", Integer.class),
                        List.of((String[]) rs.getArray("deprived").getArray()),
                        rs.getString(english ? "explanation_en" : "explanation_vi"), rs.getString("missing_fact"),
                        rs.getString("reviewer"), rs.getTimestamp("reviewed_at") == null ? null
                        : rs.getTimestamp("reviewed_at").toInstant(), rs.getString("meeting_state"),
                        rs.getBoolean("ethnic_minority"), rs.getBoolean("social_protection"), rs.getBoolean("merit"),
                        rs.getString("area")))
                .list();
    }

    /** Takes the household's snapshot and classifies it; whether it could be classified (no fact missing). */
    private boolean store(ReviewRound round, Household h, CurrentUser user) {
        if (h.communeId() != round.communeId() || !"active".equals(h.lifeStatus())) {
            throw new ReviewRefusedException("review.refused.householdLeft", h.householdCode());
        }
        PovertyStandard standard = standards.standard(round.standardCode(), round.standardVersion())
                .orElseThrow(() -> new IllegalStateException("standard " + round.standardCode() + " v"
                        + round.standardVersion() + " is missing"));
        HouseholdData data = ExchangeMapping.toData(h);
        String status = null;
        String poorKind = null;
        Integer count = null;
        String[] deprived = new String[0];
        String explanationVi = null;
        String explanationEn = null;
        String missing = null;
        Integer missingMember = null;
        boolean socialProtection = Boolean.TRUE.equals(h.socialProtection());
        try {
            Classification c = classifier.classify(data, standard, round.referenceDate(),
                    "urban".equals(h.effectiveArea()) ? Area.URBAN : Area.RURAL);
            status = c.status().code();
            poorKind = c.poorKind() == null ? null : c.poorKind().code();
            count = c.deprivationCount();
            deprived = c.deprived().toArray(String[]::new);
            explanationVi = String.join("\n", new ExplanationRenderer(ExplanationRenderer.VIETNAMESE).render(c.explanation()));
            explanationEn = String.join("\n", new ExplanationRenderer(Locale.ENGLISH).render(c.explanation()));
            socialProtection = socialProtection || c.socialProtection();
        } catch (MissingFactException e) {
            missing = e.field();
            missingMember = BlockedHousehold.memberOf(e);
        }
        HouseholdFileWriter writer = new HouseholdFileWriter();
        ByteArrayOutputStream households = new ByteArrayOutputStream();
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        writer.writeHouseholdsCsv(List.of(data), households);
        writer.writeMembersCsv(List.of(data), members);
        boolean merit = Boolean.TRUE.equals(h.meritHousehold())
                || h.members().stream().anyMatch(m -> Boolean.TRUE.equals(m.meritPerson()));
        jdbc.sql("""
                        UPDATE review_household SET village_id = :v, household_code = :code, head_name = :head, members = :members,
                            area = :area, ethnic_minority = :em, social_protection = :sp, merit = :merit,
                            snapshot_households = :sh, snapshot_members = :sm, snapshot_at = now(),
                            status = :status, poor_kind = :kind, deprivation_count = :count, deprived = :deprived,
                            explanation_vi = :evi, explanation_en = :een, missing_fact = :missing, missing_member = :mm,
                            reviewer = :reviewer, reviewed_at = CASE WHEN :status::text IS NULL THEN NULL ELSE now() END,
                            meeting_state = 'pending'
                        WHERE round_id = :r AND province_code = :p AND household_id = :h""")
                .param("v", h.villageId()).param("code", h.householdCode()).param("head", h.headName())
                .param("members", h.members().size()).param("area", h.effectiveArea())
                .param("em", h.effectiveEthnicMinority()).param("sp", socialProtection).param("merit", merit)
                .param("sh", households.toString(StandardCharsets.UTF_8)).param("sm", members.toString(StandardCharsets.UTF_8))
                .param("status", status).param("kind", poorKind).param("count", count).param("deprived", deprived)
                .param("evi", explanationVi).param("een", explanationEn).param("missing", missing).param("mm", missingMember)
                .param("reviewer", user.getUsername()).param("r", round.id()).param("p", round.provinceCode())
                .param("h", h.id()).update();
        return missing == null;
    }

    private void inRound(long roundId, String province, long householdId) {
        if (jdbc.sql("SELECT count(*) FROM review_household WHERE round_id = :r AND province_code = :p AND household_id = :h")
                .param("r", roundId).param("p", province).param("h", householdId).query(Long.class).single() == 0) {
            throw new RoundNotFoundException("household " + householdId + " in round " + roundId);
        }
    }

    /** The round, locked, if households may still be added or removed (preparing or collecting). */
    private ReviewRound editable(long roundId, CurrentUser user) {
        ReviewAccess.requireCommuneEditor(user);
        ReviewRound round = rounds.lock(roundId, user.scope());
        if (round.state() != RoundState.PREPARING && round.state() != RoundState.COLLECTING) {
            throw new ReviewRefusedException("review.refused.scopeClosed", round.state().code());
        }
        return round;
    }

    private ReviewRound collecting(long roundId, CurrentUser user) {
        ReviewAccess.requireCommuneEditor(user);
        ReviewRound round = rounds.lock(roundId, user.scope());
        if (round.state() != RoundState.COLLECTING) {
            throw new ReviewRefusedException("review.refused.notCollecting", round.state().code());
        }
        return round;
    }
}
