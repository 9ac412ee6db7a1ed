package vn.giamngheo.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.giamngheo.geography.VillageOrder;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The households of a round as the round page shows them at a commune's size: one page at a time, filtered on the
 * server (village, collected or not, result, change against the status before the round, complaint), with the
 * totals of every filter value; the households blocking the move to the village meetings, named; and the search of
 * the complaint form. Every query is bound to the round, which is read through the user's area first.
 */
@Service
public class RoundListing {

    /** Households per page of the round page. */
    public static final int PAGE_SIZE = 50;
    /** Households a refusal or the step panel names before saying "and N more". */
    public static final int NAMED = 20;
    /** Matches the complaint form's search offers. */
    public static final int MATCHES = 20;

    /**
     * The change of a household's result against its status before the round (its last decided status when it
     * joined): into the poor or near-poor list, escaped from it (as the lists of form 02 count them), unchanged, or
     * not yet classified.
     */
    static final String CHANGE = PovertyStatus.sql("""
            CASE WHEN rh.status IS NULL OR rh.reviewed_at IS NULL THEN 'pending'
                 WHEN rh.status = {poor} AND rh.previous_status IS DISTINCT FROM {poor} THEN 'into_poor'
                 WHEN rh.previous_status = {poor} AND rh.status <> {poor} THEN 'escaped_poor'
                 WHEN rh.status = {near_poor} AND rh.previous_status IS DISTINCT FROM {near_poor} THEN 'into_near_poor'
                 WHEN rh.previous_status = {near_poor} AND rh.status NOT IN ({listed}) THEN 'escaped_near_poor'
                 ELSE 'unchanged' END""");

    private static final String COLLECTED = "(rh.reviewed_at IS NOT NULL AND rh.status IS NOT NULL)";

    private static final String COMPLAINT = """
            EXISTS (SELECT 1 FROM review_complaint k WHERE k.round_id = rh.round_id AND k.household_id = rh.household_id)""";

    /** Filter values. */
    public static final List<String> COLLECTED_VALUES = List.of("yes", "no");
    public static final List<String> STATUS_VALUES = List.of(PovertyStatus.POOR.code(), PovertyStatus.NEAR_POOR.code(),
            PovertyStatus.AVERAGE.code(), PovertyStatus.NOT_POOR.code(), "none");
    public static final List<String> CHANGE_VALUES = List.of("into_poor", "into_near_poor", "escaped_poor",
            "escaped_near_poor", "unchanged", "pending");
    public static final List<String> COMPLAINT_VALUES = List.of("yes", "no");

    private final RoundRepository rounds;
    private final JdbcClient jdbc;

    RoundListing(RoundRepository rounds, JdbcClient jdbc) {
        this.rounds = rounds;
        this.jdbc = jdbc;
    }

    /** What the page asks for; unknown values are ignored (the filter is then off). */
    public record Filter(Long village, boolean noVillage, String collected, String status, String change, String complaint) {

        public static Filter of(String village, String collected, String status, String change, String complaint) {
            Long v = null;
            boolean none = false;
            if ("none".equals(village)) {
                none = true;
            } else if (village != null && village.matches("\\d{1,18}")) {
                v = Long.valueOf(village);
            }
            return new Filter(v, none, known(collected, COLLECTED_VALUES), known(status, STATUS_VALUES),
                    known(change, CHANGE_VALUES), known(complaint, COMPLAINT_VALUES));
        }

        public static Filter none() {
            return new Filter(null, false, null, null, null, null);
        }

        private static String known(String value, List<String> values) {
            return value != null && values.contains(value) ? value : null;
        }

        public boolean any() {
            return village != null || noVillage || collected != null || status != null || change != null || complaint != null;
        }

        /** The filter as request parameters (for the pager's links), without the page. */
        public Map<String, String> params() {
            Map<String, String> p = new LinkedHashMap<>();
            if (village != null || noVillage) {
                p.put("village", noVillage ? "none" : String.valueOf(village));
            }
            put(p, "collected", collected);
            put(p, "result", status);
            put(p, "change", change);
            put(p, "complaint", complaint);
            return p;
        }

        /** The query string of this filter on page {@code page} ("?…", or "" for the first page unfiltered). */
        public String query(int page) {
            Map<String, String> p = params();
            if (page > 1) {
                p.put("page", String.valueOf(page));
            }
            if (p.isEmpty()) {
                return "";
            }
            StringBuilder q = new StringBuilder();
            p.forEach((k, v) -> q.append(q.isEmpty() ? '?' : '&').append(k).append('=')
                    .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
            return q.toString();
        }

        private static void put(Map<String, String> p, String name, String value) {
            if (value != null) {
                p.put(name, value);
            }
        }
    }

    /** One row of the page. */
    public record Row(long householdId, String householdCode, String headName, String villageName, String source,
                      String previousStatus, String status, Integer deprivationCount, String missingFact,
                      Integer missingMember, String reviewer, String meetingState, String change, boolean complaint) {

        public String factUrl() {
            return missingFact == null ? null : BlockedHousehold.editUrl(householdId, missingMember, missingFact);
        }
    }

    /** A page of households: its rows, the number matching the filter, the page number (from 1) and the pages. */
    public record Page(List<Row> rows, long matching, int number, int pages) {

        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages;
        }

        public long first() {
            return matching == 0 ? 0 : (long) (number - 1) * PAGE_SIZE + 1;
        }

        public long last() {
            return Math.min(matching, (long) number * PAGE_SIZE);
        }
    }

    /** The totals of each filter's values over the whole round (village by id, "none" without a village). */
    public record Totals(long households, long agreed, Map<String, Long> villages, Map<String, Long> collected,
                         Map<String, Long> status, Map<String, Long> change, Map<String, Long> complaint) {

        public long collectedCount() {
            return collected.getOrDefault("yes", 0L);
        }

        public long village(Long id) {
            return villages.getOrDefault(id == null ? "none" : String.valueOf(id), 0L);
        }
    }

    public Page page(long roundId, Filter filter, int page, CurrentUser user) {
        return page(round(roundId, user), filter, page);
    }

    /** A page of the round's households (the round already read through the user's area). */
    Page page(ReviewRound round, Filter filter, int page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(round, filter, params);
        int number = Math.max(1, page);
        long[] matching = {0};
        List<Row> rows = rows(where, params, number, matching);
        if (rows.isEmpty() && number > 1) {
            // past the last page (the list shrank, or a hand-made link): the last page instead
            long all = jdbc.sql("SELECT count(*) FROM review_household rh WHERE " + where).params(params)
                    .query(Long.class).single();
            number = (int) Math.max(1, (all + PAGE_SIZE - 1) / PAGE_SIZE);
            rows = all == 0 ? List.of() : rows(where, params, number, matching);
        }
        int pages = (int) Math.max(1, (matching[0] + PAGE_SIZE - 1) / PAGE_SIZE);
        return new Page(rows, matching[0], number, pages);
    }

    /** One page of rows; {@code matching[0]} gets the number of rows matching (counted in the same query). */
    private List<Row> rows(String where, Map<String, Object> filterParams, int number, long[] matching) {
        Map<String, Object> params = new LinkedHashMap<>(filterParams);
        params.put("limit", PAGE_SIZE);
        params.put("offset", (number - 1) * PAGE_SIZE);
        return jdbc.sql("""
                        SELECT rh.household_id, rh.household_code, rh.head_name, v.name AS village_name, rh.source,
                               rh.previous_status, rh.status, rh.deprivation_count, rh.missing_fact, rh.missing_member,
                               rh.reviewer, rh.meeting_state, %s AS change, %s AS complaint, count(*) OVER () AS matching
                        FROM review_household rh LEFT JOIN admin_unit v ON v.id = rh.village_id
                        WHERE %s
                        ORDER BY %s, rh.household_code LIMIT :limit OFFSET :offset"""
                        .formatted(CHANGE, COMPLAINT, where, VillageOrder.sql("v.name")))
                .params(params)
                .query((rs, n) -> {
                    matching[0] = rs.getLong("matching");
                    return new Row(rs.getLong("household_id"), rs.getString("household_code"),
                            rs.getString("head_name"), rs.getString("village_name"), rs.getString("source"),
                            rs.getString("previous_status"), rs.getString("status"),
                            rs.getObject("deprivation_count", Integer.class), rs.getString("missing_fact"),
                            rs.getObject("missing_member", Integer.class), rs.getString("reviewer"),
                            rs.getString("meeting_state"), rs.getString("change"), rs.getBoolean("complaint"));
                })
                .list();
    }

    /** Every filter's value totals in one pass over the round's households (grouping sets). */
    public Totals totals(long roundId, CurrentUser user) {
        return totals(round(roundId, user));
    }

    /** The totals (the round already read through the user's area). */
    Totals totals(ReviewRound round) {
        Map<String, Long> villages = new LinkedHashMap<>();
        Map<String, Long> collected = zeros(COLLECTED_VALUES);
        Map<String, Long> status = zeros(STATUS_VALUES);
        Map<String, Long> change = zeros(CHANGE_VALUES);
        Map<String, Long> complaint = zeros(COMPLAINT_VALUES);
        long[] total = {0, 0};
        jdbc.sql("""
                        SELECT grouping(village, collected, status, change, complaint) AS g, village, collected, status, change,
                               complaint, count(*) AS n, count(*) FILTER (WHERE agreed) AS agreed
                        FROM (SELECT coalesce(rh.village_id::text, 'none') AS village,
                                     CASE WHEN %s THEN 'yes' ELSE 'no' END AS collected,
                                     CASE WHEN %s THEN rh.status ELSE 'none' END AS status,
                                     %s AS change,
                                     CASE WHEN k.household_id IS NULL THEN 'no' ELSE 'yes' END AS complaint,
                                     rh.meeting_state = 'agreed' AS agreed
                              FROM review_household rh
                              LEFT JOIN (SELECT DISTINCT household_id FROM review_complaint
                                         WHERE round_id = :r AND household_id IS NOT NULL) k ON k.household_id = rh.household_id
                              WHERE rh.round_id = :r AND rh.province_code = :p) x
                        GROUP BY GROUPING SETS ((village), (collected), (status), (change), (complaint), ())"""
                        .formatted(COLLECTED, COLLECTED, CHANGE))
                .param("r", round.id()).param("p", round.provinceCode())
                .query(rs -> {
                    int g = rs.getInt("g");
                    long n = rs.getLong("n");
                    // grouping(): a bit per column, set when the column is NOT grouped in this row (village = 16)
                    switch (g) {
                        case 0b01111 -> villages.put(rs.getString("village"), n);
                        case 0b10111 -> collected.put(rs.getString("collected"), n);
                        case 0b11011 -> status.put(rs.getString("status"), n);
                        case 0b11101 -> change.put(rs.getString("change"), n);
                        case 0b11110 -> complaint.put(rs.getString("complaint"), n);
                        case 0b11111 -> {
                            total[0] = n;
                            total[1] = rs.getLong("agreed");
                        }
                        default -> {
                        }
                    }
                });
        return new Totals(total[0], total[1], villages, collected, status, change, complaint);
    }

    /**
     * The households that stop the move to the village meetings (not collected, or a fact missing), the first
     * {@code limit} in village and code order, and how many there are in all.
     */
    public Blocked blocked(ReviewRound round, int limit) {
        long[] count = {0};
        List<BlockedHousehold> first = jdbc.sql("""
                        SELECT rh.household_id, rh.household_code, rh.head_name, v.name AS village_name, rh.missing_fact,
                               rh.missing_member, count(*) OVER () AS blocked
                        FROM review_household rh LEFT JOIN admin_unit v ON v.id = rh.village_id
                        WHERE rh.round_id = :r AND rh.province_code = :p AND NOT %s
                        ORDER BY %s, rh.household_code LIMIT :limit""".formatted(COLLECTED, VillageOrder.sql("v.name")))
                .param("r", round.id()).param("p", round.provinceCode()).param("limit", limit)
                .query((rs, n) -> {
                    count[0] = rs.getLong("blocked");
                    return new BlockedHousehold(rs.getLong("household_id"), rs.getString("household_code"),
                            rs.getString("head_name"), rs.getString("village_name"), rs.getString("missing_fact"),
                            rs.getObject("missing_member", Integer.class));
                })
                .list();
        return new Blocked(first, count[0]);
    }

    /** The first blocked households and their number. */
    public record Blocked(List<BlockedHousehold> first, long count) {

        public long more() {
            return count - first.size();
        }
    }

    /**
     * Households of the round whose code starts with the text or whose head's name contains it (case and accents as
     * typed), at most {@link #MATCHES}, exact code first. Fewer than two characters match nothing.
     */
    public List<Match> search(long roundId, String text, CurrentUser user) {
        ReviewRound round = round(roundId, user);
        String q = text == null ? "" : text.strip();
        if (q.length() < 2 || q.length() > 100) {
            return List.of();
        }
        String like = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.sql("""
                        SELECT rh.household_id, rh.household_code, rh.head_name, v.name AS village_name
                        FROM review_household rh LEFT JOIN admin_unit v ON v.id = rh.village_id
                        WHERE rh.round_id = :r AND rh.province_code = :p
                          AND (rh.household_code ILIKE :prefix OR rh.head_name ILIKE :contains)
                        ORDER BY lower(rh.household_code) <> lower(:q), rh.household_code LIMIT :limit""")
                .param("r", round.id()).param("p", round.provinceCode()).param("prefix", like + "%")
                .param("contains", "%" + like + "%").param("q", q).param("limit", MATCHES)
                .query((rs, n) -> new Match(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /** A household the complaint search found. */
    public record Match(long householdId, String householdCode, String headName, String villageName) {
    }

    /** The household of the round with this code (exact, case-insensitive), for a complaint form sent without script. */
    public java.util.Optional<Long> byCode(long roundId, String code, CurrentUser user) {
        ReviewRound round = round(roundId, user);
        if (code == null || code.isBlank()) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("""
                        SELECT household_id FROM review_household WHERE round_id = :r AND province_code = :p
                          AND lower(household_code) = lower(:c) ORDER BY household_code LIMIT 1""")
                .param("r", round.id()).param("p", round.provinceCode()).param("c", code.strip())
                .query(Long.class).optional();
    }

    private ReviewRound round(long roundId, CurrentUser user) {
        return rounds.find(roundId, user.scope()).orElseThrow(() -> new RoundNotFoundException("round " + roundId));
    }

    private static String where(ReviewRound round, Filter f, Map<String, Object> params) {
        List<String> and = new ArrayList<>(List.of("rh.round_id = :r", "rh.province_code = :p"));
        params.put("r", round.id());
        params.put("p", round.provinceCode());
        if (f.noVillage()) {
            and.add("rh.village_id IS NULL");
        } else if (f.village() != null) {
            and.add("rh.village_id = :village");
            params.put("village", f.village());
        }
        if (f.collected() != null) {
            and.add(("yes".equals(f.collected()) ? "" : "NOT ") + COLLECTED);
        }
        if ("none".equals(f.status())) {
            and.add("NOT " + COLLECTED);
        } else if (f.status() != null) {
            and.add(COLLECTED + " AND rh.status = :status");
            params.put("status", f.status());
        }
        if (f.change() != null) {
            and.add(CHANGE + " = :change");
            params.put("change", f.change());
        }
        if (f.complaint() != null) {
            and.add(("yes".equals(f.complaint()) ? "" : "NOT ") + COMPLAINT);
        }
        return String.join(" AND ", and);
    }

    private static Map<String, Long> zeros(List<String> values) {
        Map<String, Long> m = new LinkedHashMap<>();
        values.forEach(v -> m.put(v, 0L));
        return m;
    }

}
