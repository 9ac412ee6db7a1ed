package vn.giamngheo.movement;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.geography.AreaUnits;
import vn.giamngheo.movement.rules.DecidedList;
import vn.giamngheo.movement.rules.Flow;
import vn.giamngheo.movement.rules.HouseholdTrack;
import vn.giamngheo.movement.rules.MovementRules;
import vn.giamngheo.movement.rules.MovementTally;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.setting.Parameters;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Movements on the decided lists, computed on demand from {@code household_status} and {@code household_event}
 * (no stored totals, so a decision shows at once): one query gives each concerned household's facts, which the
 * pure {@link MovementRules} classify; another counts the stocks in force at the start and the end. Everything
 * is scoped to the user's area (units outside it are not found).
 */
@Service
public class MovementService {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    /** The parameter holding the window of "newly escaped" in months (default 36 [?]). */
    public static final String NEWLY_ESCAPED_MONTHS = "movement.newly_escaped.months";

    private final JdbcClient jdbc;
    private final Parameters parameters;
    private final AreaUnits units;

    MovementService(JdbcClient jdbc, Parameters parameters, AreaUnits units) {
        this.units = units;
        this.jdbc = jdbc;
        this.parameters = parameters;
    }

    /** The window of "newly escaped" households in months, from the parameter {@value #NEWLY_ESCAPED_MONTHS}. */
    public int newlyEscapedMonths() {
        return parameters.intValue(NEWLY_ESCAPED_MONTHS);
    }

    /** Movements of the lists of a year: from its 1 January to the next (the start is the lists of the year). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public MovementReport forListYear(Long unitId, int listYear, CurrentUser user) {
        return forListYear(unitId, listYear, newlyEscapedMonths(), user);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public MovementReport forListYear(Long unitId, int listYear, int newlyEscapedMonths, CurrentUser user) {
        if (listYear < FIRST_YEAR || listYear > LAST_YEAR) {
            throw new InvalidMovementRequestException("the list year must be between " + FIRST_YEAR + " and "
                    + LAST_YEAR + ", not " + listYear);
        }
        return compute(resolve(unitId, user), LocalDate.of(listYear, 1, 1), LocalDate.of(listYear + 1, 1, 1),
                listYear, newlyEscapedMonths, user);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public MovementReport between(Long unitId, LocalDate from, LocalDate to, CurrentUser user) {
        return between(unitId, from, to, newlyEscapedMonths(), user);
    }

    /** Movements between two dates: the lists in force on {@code from} against those in force on {@code to}. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public MovementReport between(Long unitId, LocalDate from, LocalDate to, int newlyEscapedMonths, CurrentUser user) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new InvalidMovementRequestException("the start (" + from + ") must be before the end (" + to + ")");
        }
        return compute(resolve(unitId, user), from, to, null, newlyEscapedMonths, user);
    }

    /**
     * Each household of a decision with its movements against the lists in force the day before the decision
     * took effect, in the decision's commune.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<HouseholdMovement> forDecision(long decisionId, CurrentUser user) {
        record Decision(String provinceCode, long communeId, LocalDate effectiveFrom) {
        }
        Decision decision = jdbc.sql("""
                        SELECT d.province_code, d.commune_id, d.effective_from, c.path FROM review_decision d
                        JOIN admin_unit c ON c.id = d.commune_id WHERE d.id = :id""")
                .param("id", decisionId)
                .query((rs, i) -> user.scope().contains(rs.getString("path")) ? new Decision(rs.getString("province_code"),
                        rs.getLong("commune_id"), rs.getObject("effective_from", LocalDate.class)) : null)
                .optional()
                .orElseThrow(() -> new MovementNotFoundException("decision " + decisionId));
        Set<Long> households = new HashSet<>(jdbc.sql("""
                        SELECT household_id FROM status_history WHERE province_code = :p AND decision_id = :id""")
                .param("p", decision.provinceCode()).param("id", decisionId).query(Long.class).list());
        MovementArea commune = resolve(decision.communeId(), user);
        MovementReport report = compute(commune, decision.effectiveFrom().minusDays(1), decision.effectiveFrom(), null,
                newlyEscapedMonths(), user, true);
        return report.households().stream().filter(h -> households.contains(h.householdId())).toList();
    }

    /** The unit if it lies in the user's area; {@code null}: the user's own unit (the country for national users). */
    public MovementArea resolve(Long unitId, CurrentUser user) {
        AccessScope scope = user.scope();
        Long id = unitId != null ? unitId : scope.unitId();
        if (id == null) {
            if (!scope.national()) {
                throw new MovementNotFoundException("the country");
            }
            return MovementArea.country();
        }
        return units.find(id, scope)
                .filter(unit -> !AdminUnit.VILLAGE.equals(unit.level()))
                .map(MovementArea::of)
                .orElseThrow(() -> new MovementNotFoundException("unit " + id));
    }

    /** The units a user may choose: their own (or the country), then the units directly below it. */
    public List<MovementArea> choices(CurrentUser user) {
        List<MovementArea> choices = new ArrayList<>();
        MovementArea own = resolve(null, user);
        choices.add(own);
        choices.addAll(children(own, user).values());
        return choices;
    }

    private MovementReport compute(MovementArea area, LocalDate from, LocalDate to, Integer listYear, int months,
                                   CurrentUser user) {
        return compute(area, from, to, listYear, months, user, false);
    }

    private MovementReport compute(MovementArea area, LocalDate from, LocalDate to, Integer listYear, int months,
                                   CurrentUser user, boolean keepUnchanged) {
        if (months < 0 || months > 240) {
            throw new InvalidMovementRequestException("the window of newly escaped households must be 0 to 240 months, not " + months);
        }
        Map<Long, MovementArea> children = children(area, user);
        Map<Long, Long> partOfCommune = partOfCommune(area, children.keySet(), user);
        Set<Long> communes = partOfCommune.keySet();

        Map<Long, Tallies> parts = new LinkedHashMap<>();
        children.keySet().forEach(id -> parts.put(id, new Tallies()));
        Tallies whole = new Tallies();
        List<HouseholdMovement> households = new ArrayList<>();
        try (java.util.stream.Stream<Facts> rows = bind(jdbc.sql(MovementSql.facts(area.filter(), scope(user))), area, from, to, user)
                .query((rs, i) -> facts(rs)).stream()) {
            rows.forEach(f -> {
                    Long startIn = f.startLocation(from);
                    Long endIn = f.endLocation(to);
                    HouseholdTrack track = f.track(startIn != null && communes.contains(startIn),
                            endIn != null && communes.contains(endIn));
                    whole.add(track);
                    boolean newlyEscaped = MovementRules.newlyEscaped(track, f.escapedOn(), to, months);
                    whole.newlyEscaped += newlyEscaped ? 1 : 0;
                    Long startPart = startIn == null ? null : partOfCommune.get(startIn);
                    Long endPart = endIn == null ? null : partOfCommune.get(endIn);
                    for (Long part : startPart == null || startPart.equals(endPart) ? new Long[] {endPart}
                            : new Long[] {startPart, endPart}) {
                        if (part != null && parts.containsKey(part)) {
                            HouseholdTrack t = f.track(part.equals(startPart), part.equals(endPart));
                            parts.get(part).add(t);
                            parts.get(part).newlyEscaped += MovementRules.newlyEscaped(t, f.escapedOn(), to, months) ? 1 : 0;
                        }
                    }
                    HouseholdMovement m = f.movement(track, from, to, newlyEscaped);
                    if (m.moves() || keepUnchanged && (track.insideAtStart() || track.insideAtEnd())) {
                        households.add(m);
                    }
                });
        }

        Stocks stocks = new Stocks();
        bind(jdbc.sql(MovementSql.stocks(area.filter(), scope(user))), area, from, to, user)
                .query((rs, i) -> {
                    long commune = rs.getLong("commune_id");
                    if (communes.contains(commune)) {
                        boolean start = "start".equals(rs.getString("which"));
                        DecidedList list = PovertyStatus.POOR.is(rs.getString("status")) ? DecidedList.POOR : DecidedList.NEAR_POOR;
                        long n = rs.getLong("households");
                        stocks.add(null, start, list, n);
                        Long part = partOfCommune.get(commune);
                        if (part != null) {
                            stocks.add(part, start, list, n);
                        }
                    }
                    return null;
                })
                .list();

        List<PartMovement> partRows = new ArrayList<>();
        parts.forEach((id, t) -> {
            MovementArea child = children.get(id);
            PartMovement row = new PartMovement(id, child.code(), child.name(),
                    t.poor.reconcile(stocks.get(id, true, DecidedList.POOR), stocks.get(id, false, DecidedList.POOR)),
                    t.nearPoor.reconcile(stocks.get(id, true, DecidedList.NEAR_POOR), stocks.get(id, false, DecidedList.NEAR_POOR)),
                    t.newlyEscaped);
            if (!empty(row)) {
                partRows.add(row);
            }
        });
        return new MovementReport(area.unitId(), area.code(), area.name(), area.level(), from, to, listYear, months,
                whole.poor.reconcile(stocks.get(null, true, DecidedList.POOR), stocks.get(null, false, DecidedList.POOR)),
                whole.nearPoor.reconcile(stocks.get(null, true, DecidedList.NEAR_POOR),
                        stocks.get(null, false, DecidedList.NEAR_POOR)),
                whole.newlyEscaped, partRows, households);
    }

    private static boolean empty(PartMovement p) {
        return p.newlyEscaped() == 0 && p.poor().equals(vn.giamngheo.movement.rules.Reconciliation.of(0, 0, 0, 0, 0, 0, 0))
                && p.nearPoor().equals(vn.giamngheo.movement.rules.Reconciliation.of(0, 0, 0, 0, 0, 0, 0));
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, MovementArea area, LocalDate from, LocalDate to,
                                          CurrentUser user) {
        return scope(user).bind(area.filter().bind(spec)).param("from", from).param("to", to);
    }

    /** The user's area, with parameter names apart from the unit's. */
    private static AreaFilter scope(CurrentUser user) {
        return AreaFilter.of(user.scope()).named("scope");
    }

    /** The units directly below (provinces for the country; none for a commune), inside the user's area. */
    private Map<Long, MovementArea> children(MovementArea area, CurrentUser user) {
        if ("commune".equals(area.level())) {
            return Map.of();
        }
        Map<Long, MovementArea> children = new LinkedHashMap<>();
        scope(user).bind(jdbc.sql("""
                        SELECT id, code, full_name, level, province_code, path FROM admin_unit u
                        WHERE\s""" + (area.isCountry() ? "level = 'province'" : "parent_id = :id") + """
                        \sAND level <> 'village' AND\s""" + scope(user).on("u") + """

                        ORDER BY valid_to IS NOT NULL, code, id"""))
                .params(area.isCountry() ? Map.of() : Map.of("id", area.unitId()))
                .query((rs, i) -> new MovementArea(rs.getLong("id"), rs.getString("code"), rs.getString("full_name"),
                        rs.getString("level"), rs.getString("province_code"), rs.getString("path")))
                .list()
                .forEach(a -> children.put(a.unitId(), a));
        return children;
    }

    /** Every commune of the unit (both eras) in the user's area, with the unit directly below that holds it. */
    private Map<Long, Long> partOfCommune(MovementArea area, Set<Long> children, CurrentUser user) {
        Map<Long, Long> parts = new HashMap<>();
        scope(user).bind(area.filter().bind(jdbc.sql("SELECT id, path FROM admin_unit u WHERE level = 'commune' AND "
                        + area.filter().on("u") + " AND " + scope(user).on("u"))))
                .query((rs, i) -> {
                    long id = rs.getLong("id");
                    Long part = null;
                    for (String step : rs.getString("path").split("/")) {
                        if (!step.isEmpty() && children.contains(Long.parseLong(step))) {
                            part = Long.parseLong(step);
                            break;
                        }
                    }
                    parts.put(id, part);
                    return null;
                })
                .list();
        return parts;
    }

    private static Facts facts(ResultSet rs) throws SQLException {
        Set<PovertyStatus> earlier = EnumSet.noneOf(PovertyStatus.class);
        Array array = rs.getArray("earlier");
        if (array != null) {
            for (Object s : (Object[]) array.getArray()) {
                earlier.add(PovertyStatus.ofCode((String) s));
            }
        }
        return new Facts(rs.getLong("hh"), PovertyStatus.ofCode(rs.getString("own_start_status")),
                PovertyStatus.ofCode(rs.getString("start_status")), (Long) rs.getObject("start_commune"),
                PovertyStatus.ofCode(rs.getString("end_status")), (Long) rs.getObject("end_commune"),
                rs.getObject("gone_on", LocalDate.class), rs.getString("how"), rs.getObject("split_on", LocalDate.class),
                earlier, rs.getObject("escaped_on", LocalDate.class), rs.getString("household_code"),
                rs.getString("head_name"), rs.getString("village_name"));
    }

    /** What the lists and the events say about one household (one row of the facts query). */
    record Facts(long householdId, PovertyStatus ownAtStart, PovertyStatus broughtAtStart, Long startCommune,
                 PovertyStatus atEnd, Long endCommune, LocalDate goneOn, String goneHow, LocalDate splitOn,
                 Set<PovertyStatus> earlier, LocalDate escapedOn, String code, String head, String village) {

        /** Its commune at the start, if it had its own status then and still existed. */
        Long startLocation(LocalDate from) {
            return ownAtStart != null && (goneOn == null || goneOn.isAfter(from)) ? startCommune : null;
        }

        /** Its commune at the end, if it has its own status then and still exists. */
        Long endLocation(LocalDate to) {
            return atEnd != null && (goneOn == null || goneOn.isAfter(to)) ? endCommune : null;
        }

        HouseholdTrack track(boolean insideAtStart, boolean insideAtEnd) {
            return new HouseholdTrack(broughtAtStart, atEnd, earlier, insideAtStart, insideAtEnd);
        }

        HouseholdMovement movement(HouseholdTrack t, LocalDate from, LocalDate to, boolean newlyEscaped) {
            String arrival = null;
            String departure = null;
            if (t.insideAtEnd() && !t.insideAtStart()) {
                arrival = ownAtStart == null ? (splitOn != null ? "split" : null) : "moved_in";
            }
            if (t.insideAtStart() && !t.insideAtEnd()) {
                departure = goneOn != null && !goneOn.isAfter(to)
                        ? ("merged_into".equals(goneHow) ? "merged" : "dissolved") : "moved_out";
            }
            return new HouseholdMovement(householdId, code, head, village,
                    broughtAtStart == null ? null : broughtAtStart.code(), atEnd == null ? null : atEnd.code(),
                    MovementRules.flows(t, DecidedList.POOR).stream().map(Flow::code).toList(),
                    MovementRules.flows(t, DecidedList.NEAR_POOR).stream().map(Flow::code).toList(),
                    arrival, departure, escapedOn, newlyEscaped);
        }
    }

    private static final class Tallies {
        final MovementTally poor = new MovementTally(DecidedList.POOR);
        final MovementTally nearPoor = new MovementTally(DecidedList.NEAR_POOR);
        long newlyEscaped;

        void add(HouseholdTrack t) {
            poor.add(t);
            nearPoor.add(t);
        }
    }

    private static final class Stocks {
        private final Map<String, Long> counts = new HashMap<>();

        void add(Long part, boolean start, DecidedList list, long n) {
            counts.merge(key(part, start, list), n, Long::sum);
        }

        long get(Long part, boolean start, DecidedList list) {
            return counts.getOrDefault(key(part, start, list), 0L);
        }

        private static String key(Long part, boolean start, DecidedList list) {
            return (part == null ? "whole" : part.toString()) + "/" + start + "/" + list;
        }
    }
}
