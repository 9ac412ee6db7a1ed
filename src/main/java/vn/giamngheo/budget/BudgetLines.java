package vn.giamngheo.budget;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.budget.rules.BudgetChecker;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.budget.rules.CostTable;
import vn.giamngheo.budget.rules.FundingSource;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.budget.rules.BudgetChecker;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.budget.rules.CostTable;
import vn.giamngheo.budget.rules.FundingSource;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.programme.GridVersion;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ProgrammeCatalogue;
import vn.giamngheo.programme.ProgrammeItem;
import vn.giamngheo.programme.ProgrammeNotFoundException;
import vn.giamngheo.programme.ProgrammeProblem;
import vn.giamngheo.programme.ProgrammeUnits;

/**
 * Budget lines by unit × year × item × funding source, their roll-up to the units above (a prefix match
 * on {@code admin_unit.path}) and the cost tables built from them.
 */
@Service
public class BudgetLines {

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999");

    private final JdbcClient jdbc;
    private final ProgrammeUnits units;
    private final ProgrammeCatalogue catalogue;

    BudgetLines(JdbcClient jdbc, ProgrammeUnits units, ProgrammeCatalogue catalogue) {
        this.jdbc = jdbc;
        this.units = units;
        this.catalogue = catalogue;
    }

    /** The version of the unit's lines of the year as they are now ({@link GridVersion}). */
    public String gridVersion(long unitId, int year, CurrentUser user) {
        return GridVersion.BUDGET_LINES.of(jdbc, units.visible(unitId, user).id(), year);
    }

    /** As {@link #saveStage(long, int, String, BudgetStage, Map, CurrentUser)}, from the lines as read at {@code version}. */
    @Transactional
    public void saveStage(long unitId, int year, String periodCode, BudgetStage stage,
                          Map<Long, Map<FundingSource, BigDecimal>> cells, String version, CurrentUser user) {
        GridVersion.BUDGET_LINES.check(jdbc, units.editable(unitId, user).id(), year, version);
        saveStage(unitId, year, periodCode, stage, cells, user);
    }

    /** As {@link #saveLines(long, int, List, CurrentUser)}, from the lines as read at {@code version}. */
    @Transactional
    public void saveLines(long unitId, int year, List<BudgetLine> lines, String version, CurrentUser user) {
        GridVersion.BUDGET_LINES.check(jdbc, units.editable(unitId, user).id(), year, version);
        saveLines(unitId, year, lines, user);
    }

    /** The lines kept for the unit itself (not those of the units below it) on the period's items. */
    public List<BudgetLine> ownLines(long unitId, int year, String periodCode, CurrentUser user) {
        ProgrammeUnits.Unit unit = units.visible(unitId, user);
        return jdbc.sql("""
                        SELECT b.item_id, b.source, b.need, b.allocated, b.disbursed, b.settled
                        FROM budget_line b JOIN programme_item i ON i.id = b.item_id
                        WHERE b.province_code = :province AND b.unit_id = :unit AND b.year = :year AND i.period_code = :period
                        ORDER BY b.item_id, b.source""")
                .param("province", unit.provinceCode()).param("unit", unit.id()).param("year", year).param("period", periodCode)
                .query((rs, n) -> new BudgetLine(rs.getLong("item_id"), FundingSource.ofCode(rs.getString("source")).orElseThrow(),
                        amounts(rs)))
                .list();
    }

    /**
     * Sums of the lines of a unit and every unit below it ({@code unitId} null: the whole country, for
     * national users), by item and source.
     */
    public Map<Long, Map<FundingSource, StageAmounts>> rollUp(Long unitId, int year, String periodCode, CurrentUser user) {
        AreaFilter area = AreaFilter.country();
        if (unitId != null) {
            area = units.visible(unitId, user).area();
        } else if (!user.scope().national()) {
            throw new ProgrammeNotFoundException("the whole country is outside the user's area");
        }
        Map<Long, Map<FundingSource, StageAmounts>> sums = new HashMap<>();
        area.bind(jdbc.sql("""
                        SELECT b.item_id, b.source, sum(b.need) AS need, sum(b.allocated) AS allocated,
                               sum(b.disbursed) AS disbursed, sum(b.settled) AS settled
                        FROM budget_line b
                        JOIN admin_unit u ON u.id = b.unit_id
                        JOIN programme_item i ON i.id = b.item_id
                        WHERE\s""" + area.on("b", "u") + """

                          AND b.year = :year AND i.period_code = :period
                        GROUP BY b.item_id, b.source"""))
                .param("year", year).param("period", periodCode)
                .query((ResultSet rs) -> {
                    sums.computeIfAbsent(rs.getLong("item_id"), k -> new EnumMap<>(FundingSource.class))
                            .put(FundingSource.ofCode(rs.getString("source")).orElseThrow(), amounts(rs));
                });
        return sums;
    }

    static final String POLICIES_GROUP = "Chính sách giảm nghèo chung";
    static final String PROGRAMME_GROUP = "Chương trình mục tiêu quốc gia giảm nghèo bền vững";

    /**
     * The groups of the printed cost table: I general policies, II the programme's components and projects (each
     * with its sub-items at any depth).
     */
    static List<CostTable.Group> costGroups(List<ProgrammeItem> items) {
        List<CostTable.Group> groups = new ArrayList<>();
        List<CostTable.Node> policies = items.stream().filter(i -> i.parentId() == null && i.kind().equals(ProgrammeItem.POLICY))
                .map(i -> node(i, items)).toList();
        List<CostTable.Node> projects = items.stream().filter(i -> i.parentId() == null && !i.kind().equals(ProgrammeItem.POLICY))
                .map(i -> node(i, items)).toList();
        groups.add(new CostTable.Group(POLICIES_GROUP, policies));
        groups.add(new CostTable.Group(PROGRAMME_GROUP, projects));
        return groups;
    }

    private static CostTable.Node node(ProgrammeItem item, List<ProgrammeItem> items) {
        List<CostTable.Node> children = items.stream().filter(c -> Long.valueOf(item.id()).equals(c.parentId()))
                .map(c -> node(c, items)).toList();
        return new CostTable.Node(String.valueOf(item.id()), item.printedName(), item.leadAgency() == null ? "" : item.leadAgency(),
                children);
    }

    /** The cost tables of the unit's roll-up, one per stage, with the check of the chosen stage's table. */
    public CostView costView(Long unitId, int year, String periodCode, BudgetStage stage, CurrentUser user) {
        catalogue.period(periodCode);
        Map<Long, Map<FundingSource, StageAmounts>> sums = rollUp(unitId, year, periodCode, user);
        List<CostTable.Group> groups = costGroups(unitId == null ? catalogue.itemsFor(periodCode, user.scope())
                : catalogue.itemsOf(periodCode, units.visible(unitId, user).provinceCode()));
        Map<BudgetStage, CostTable> tables = new EnumMap<>(BudgetStage.class);
        for (BudgetStage s : BudgetStage.values()) {
            Map<String, Map<FundingSource, BigDecimal>> leaf = new HashMap<>();
            sums.forEach((item, bySource) -> {
                Map<FundingSource, BigDecimal> m = new EnumMap<>(FundingSource.class);
                bySource.forEach((source, a) -> m.put(source, a.get(s)));
                leaf.put(String.valueOf(item), m);
            });
            tables.put(s, CostTable.build(groups, leaf));
        }
        String unitName = unitId == null ? "" : units.visible(unitId, user).name();
        return new CostView(unitName, periodCode, year, stage, tables,
                BudgetChecker.check(tables.get(stage).toTable("cost-table")));
    }

    /**
     * Sets one stage of the unit's own lines on the period's leaf items: every cell given is stored, every
     * cell not given is 0. All or nothing: any invalid cell refuses the whole change.
     *
     * @param cells amounts by item id and source; null values count as 0
     */
    @Transactional
    public void saveStage(long unitId, int year, String periodCode, BudgetStage stage,
                          Map<Long, Map<FundingSource, BigDecimal>> cells, CurrentUser user) {
        ProgrammeUnits.Unit unit = units.editable(unitId, user);
        catalogue.period(periodCode);
        Set<Long> leaves = new HashSet<>(catalogue.leavesOf(periodCode, unit.provinceCode()).stream().map(ProgrammeItem::id).toList());
        List<ProgrammeProblem> problems = new ArrayList<>();
        checkYear(year, problems);
        cells.forEach((item, bySource) -> {
            if (!leaves.contains(item)) {
                problems.add(ProgrammeProblem.of("item", "programme.problem.not-leaf", String.valueOf(item)));
            }
            bySource.forEach((source, amount) -> checkAmount(amount, item + "/" + source.code(), problems));
        });
        if (!problems.isEmpty()) {
            throw new InvalidProgrammeException(problems);
        }
        Map<Long, Map<FundingSource, StageAmounts>> current = new HashMap<>();
        for (BudgetLine l : ownLines(unitId, year, periodCode, user)) {
            current.computeIfAbsent(l.itemId(), k -> new EnumMap<>(FundingSource.class)).put(l.source(), l.amounts());
        }
        for (Long item : leaves) {
            for (FundingSource source : FundingSource.values()) {
                BigDecimal value = cells.getOrDefault(item, Map.of()).get(source);
                StageAmounts before = current.getOrDefault(item, Map.of()).get(source);
                BigDecimal v = value == null ? BigDecimal.ZERO : value;
                if (before == null && v.signum() == 0) {
                    continue;
                }
                StageAmounts after = (before == null ? StageAmounts.ZERO : before).with(stage, v);
                write(unit, year, item, source, before, after, user);
            }
        }
    }

    /** Writes whole lines (all four stages) given by the API; lines not given are left as they are. */
    @Transactional
    public void saveLines(long unitId, int year, List<BudgetLine> lines, CurrentUser user) {
        ProgrammeUnits.Unit unit = units.editable(unitId, user);
        List<ProgrammeProblem> problems = new ArrayList<>();
        checkYear(year, problems);
        Set<Long> leaves = new HashSet<>();
        catalogue.periods().forEach(p -> catalogue.leavesOf(p.code(), unit.provinceCode()).forEach(i -> leaves.add(i.id())));
        Set<String> seen = new HashSet<>();
        for (BudgetLine l : lines) {
            String where = l.itemId() + "/" + (l.source() == null ? "" : l.source().code());
            if (!leaves.contains(l.itemId())) {
                problems.add(ProgrammeProblem.of("itemId", "programme.problem.not-leaf", String.valueOf(l.itemId())));
            }
            if (l.source() == null || l.amounts() == null) {
                problems.add(ProgrammeProblem.of("source", "programme.problem.line-incomplete", where));
                continue;
            }
            if (!seen.add(where)) {
                problems.add(ProgrammeProblem.of("source", "programme.problem.line-twice", where));
            }
            for (BudgetStage s : BudgetStage.values()) {
                checkAmount(l.amounts().get(s), where, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidProgrammeException(problems);
        }
        for (BudgetLine l : lines) {
            StageAmounts before = jdbc.sql("""
                            SELECT need, allocated, disbursed, settled FROM budget_line
                            WHERE unit_id = :unit AND year = :year AND item_id = :item AND source = :source""")
                    .param("unit", unit.id()).param("year", year).param("item", l.itemId()).param("source", l.source().code())
                    .query((rs, n) -> amounts(rs)).optional().orElse(null);
            write(unit, year, l.itemId(), l.source(), before, l.amounts(), user);
        }
    }

    private void write(ProgrammeUnits.Unit unit, int year, long item, FundingSource source, StageAmounts before,
                       StageAmounts after, CurrentUser user) {
        if (after.isZero()) {
            if (before != null) {
                jdbc.sql("DELETE FROM budget_line WHERE unit_id = :unit AND year = :year AND item_id = :item AND source = :source")
                        .param("unit", unit.id()).param("year", year).param("item", item).param("source", source.code()).update();
            }
            return;
        }
        if (after.equals(before)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO budget_line (unit_id, province_code, year, item_id, source, need, allocated, disbursed, settled, updated_by)
                        VALUES (:unit, :province, :year, :item, :source, :need, :allocated, :disbursed, :settled, :by)
                        ON CONFLICT (unit_id, year, item_id, source) DO UPDATE SET need = EXCLUDED.need,
                            allocated = EXCLUDED.allocated, disbursed = EXCLUDED.disbursed, settled = EXCLUDED.settled,
                            updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .param("unit", unit.id()).param("province", unit.provinceCode()).param("year", year).param("item", item)
                .param("source", source.code()).param("need", after.need()).param("allocated", after.allocated())
                .param("disbursed", after.disbursed()).param("settled", after.settled()).param("by", user.getUsername())
                .update();
    }

    public static void checkYear(int year, List<ProgrammeProblem> problems) {
        if (year < 2000 || year > 2100) {
            problems.add(ProgrammeProblem.of("year", "programme.problem.year", String.valueOf(year)));
        }
    }

    static void checkAmount(BigDecimal amount, String where, List<ProgrammeProblem> problems) {
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0) {
            problems.add(ProgrammeProblem.of(where, "programme.problem.amount-negative", where, amount.toPlainString()));
        } else if (amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 3) {
            problems.add(ProgrammeProblem.of(where, "programme.problem.amount-range", where, amount.toPlainString()));
        }
    }

    private static StageAmounts amounts(ResultSet rs) throws SQLException {
        return new StageAmounts(rs.getBigDecimal("need").stripTrailingZeros(), rs.getBigDecimal("allocated").stripTrailingZeros(),
                rs.getBigDecimal("disbursed").stripTrailingZeros(), rs.getBigDecimal("settled").stripTrailingZeros());
    }

    /** Convenience for pages: own lines as item → source → amounts. */
    public Map<Long, Map<FundingSource, StageAmounts>> ownGrid(long unitId, int year, String periodCode, CurrentUser user) {
        Map<Long, Map<FundingSource, StageAmounts>> grid = new LinkedHashMap<>();
        for (BudgetLine l : ownLines(unitId, year, periodCode, user)) {
            grid.computeIfAbsent(l.itemId(), k -> new EnumMap<>(FundingSource.class)).put(l.source(), l.amounts());
        }
        return grid;
    }
}
