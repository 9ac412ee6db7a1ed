package vn.giamngheo.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.areaclass.AreaClasses;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.geography.AreaUnits;
import vn.giamngheo.population.PopulationGroup;
import vn.giamngheo.population.PopulationGroups;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.status.rules.PovertyStatus;
import vn.giamngheo.support.rules.CoverageFigures;
import vn.giamngheo.support.rules.FundingSplit;
import vn.giamngheo.support.rules.HouseholdFacts;
import vn.giamngheo.support.rules.CoveragePeriod;
import vn.giamngheo.support.rules.CoverageTally;
import vn.giamngheo.support.rules.DecidedRow;
import vn.giamngheo.support.rules.Person;
import vn.giamngheo.support.rules.Receipt;
import vn.giamngheo.support.rules.StatusHistory;

/**
 * Entitled vs received per policy and unit, gap and leakage, from the decided lists (household_status), the
 * register's members and the benefit records. Households belong to the unit of their commune in the register;
 * the figures roll up by {@code admin_unit.path}. Reads one province at a time (the partition key). A household
 * that left the register or its commune (dissolved, merged, moved away: {@code household_event}) is on no list
 * from that day ({@link StatusHistory}): not entitled, and a benefit recorded after it is leakage. The coverage pages,
 * the API and the dashboard's coverage panel read these figures (the monitoring indicators of {@code programme}
 * have their own queries; nothing there calls this class).
 */
@Service
public class CoverageService {

    private final JdbcClient jdbc;
    private final PolicyCatalog policies;
    private final AreaUnits units;
    private final PopulationGroups populationGroups;
    private final AreaClasses areaClasses;
    private final FundingShares shares;

    CoverageService(JdbcClient jdbc, PolicyCatalog policies, AreaUnits units, PopulationGroups populationGroups,
                    AreaClasses areaClasses, FundingShares shares) {
        this.units = units;
        this.jdbc = jdbc;
        this.policies = policies;
        this.populationGroups = populationGroups;
        this.areaClasses = areaClasses;
        this.shares = shares;
    }

    /**
     * @param unitId     a province or commune inside the scope, or null for the scope's own unit (the country for
     *                   national users)
     * @param policyCode one policy, or null for every active policy that applies in the unit (the national ones and
     *                   the unit's province's own; the national ones only for the country)
     */
    @Transactional(readOnly = true)
    public CoverageReport coverage(Long unitId, String policyCode, CoveragePeriod period, AccessScope scope) {
        CoverageReport.UnitRef unit = unit(unitId == null ? scope.unitId() : unitId, scope);
        List<SupportPolicy> selected = policyCode == null || policyCode.isBlank() ? policies.activeIn(unit.provinceCode())
                : List.of((unit.isCountry() ? policies.find(policyCode, null, scope)
                        : policies.byCode(policyCode, unit.provinceCode())).orElseThrow(() -> new InvalidSupportRequestException(
                        "support.coverage.unknown-policy", "no policy has code " + policyCode)));
        return coverage(unit, selected, period, scope);
    }

    /**
     * The unit's coverage of a national policy and of the unit's province's own active policies (the dashboard's
     * panel).
     */
    @Transactional(readOnly = true)
    public CoverageReport coverageWithProvincial(Long unitId, String nationalCode, CoveragePeriod period,
                                                 AccessScope scope) {
        CoverageReport.UnitRef unit = unit(unitId == null ? scope.unitId() : unitId, scope);
        List<SupportPolicy> selected = new ArrayList<>();
        policies.byCode(nationalCode).ifPresent(selected::add);
        policies.activeIn(unit.provinceCode()).stream().filter(p -> !p.national()).forEach(selected::add);
        return coverage(unit, selected, period, scope);
    }

    private CoverageReport coverage(CoverageReport.UnitRef unit, List<SupportPolicy> selected, CoveragePeriod period,
                                    AccessScope scope) {
        boolean commune = "commune".equals(unit.level());
        boolean namesVisible = commune && !scope.national() && Objects.equals(scope.unitId(), unit.id());

        Map<Long, Map<Object, CoverageTally>> tallies = new LinkedHashMap<>();
        for (SupportPolicy p : selected) {
            tallies.put(p.id(), new LinkedHashMap<>());
        }
        for (String province : provinces(unit)) {
            AreaFilter area = unit.isCountry() ? AreaFilter.province(province) : AreaFilter.under(unit.path(), province);
            // a province's own policy counts in its province only
            List<SupportPolicy> here = selected.stream()
                    .filter(p -> p.national() || p.provinceCode().equals(province)).toList();
            if (here.isEmpty()) {
                continue;
            }
            Data data = load(area, period, here.stream().anyMatch(p -> p.perPerson() || agedGroup(p)));
            FactSource facts = facts(area, period, here, scope);
            for (HouseholdRef h : data.households.values()) {
                List<LocalDate> left = data.leavingDays.getOrDefault(h.id, h.active ? List.of() : List.of(LocalDate.MIN));
                StatusHistory history = new StatusHistory(data.statuses.getOrDefault(h.id, List.of()), left);
                List<Person> members = data.members.getOrDefault(h.id, List.of());
                Object child = unit.isCountry() ? province : "province".equals(unit.level()) ? h.communeId
                        : Optional.ofNullable((Object) h.villageId).orElse("none");
                HouseholdFacts householdFacts = facts.of(h, members);
                for (SupportPolicy p : here) {
                    List<Receipt> receipts = data.receipts.getOrDefault(p.id() + "/" + h.id, List.of());
                    tallies.get(p.id()).computeIfAbsent(child, k -> new CoverageTally(p.rule(), period, namesVisible))
                            .add(h.id, history, members, householdFacts, receipts);
                }
            }
        }
        Map<Object, String[]> childNames = childNames(unit, tallies);
        List<CoverageReport.PolicyCoverage> rows = new ArrayList<>();
        List<CoverageReport.Beneficiary> gap = new ArrayList<>();
        List<CoverageReport.Beneficiary> leakage = new ArrayList<>();
        Map<Long, List<FundingSplit>> splits = shares.of(selected.stream().map(SupportPolicy::id).toList());
        for (SupportPolicy p : selected) {
            CoverageFigures total = CoverageFigures.ZERO;
            List<CoverageReport.UnitFigures> units = new ArrayList<>();
            for (Map.Entry<Object, CoverageTally> e : tallies.get(p.id()).entrySet()) {
                CoverageFigures f = e.getValue().figures();
                total = total.plus(f);
                String[] name = childNames.getOrDefault(e.getKey(), new String[] {"", ""});
                units.add(new CoverageReport.UnitFigures(e.getKey() instanceof Long id ? id : null, name[0], name[1], f));
                if (namesVisible) {
                    e.getValue().gap().forEach(u -> gap.add(new CoverageReport.Beneficiary(p.code(), u.householdId(),
                            null, null, u.memberNo(), null, null)));
                    e.getValue().leakage().forEach(u -> leakage.add(new CoverageReport.Beneficiary(p.code(),
                            u.householdId(), null, null, u.memberNo(), null, null)));
                }
            }
            units.sort(Comparator.comparing(CoverageReport.UnitFigures::code));
            Long benefit = FundingSplit.benefitPerBeneficiary(p.amountVnd(), p.sharePercent());
            Optional<FundingSplit> split = FundingSplit.inForce(splits.getOrDefault(p.id(), List.of()), period.to());
            rows.add(new CoverageReport.PolicyCoverage(p.code(), p.nameVi(), p.nameEn(), p.beneficiary(), p.confidence(),
                    total, units, p.provinceCode(), benefit, split.map(FundingSplit::validFrom).orElse(null),
                    costs(p, split, total.entitled(), benefit)));
        }
        return new CoverageReport(unit, period.from(), period.to(), rows, namesVisible,
                named(unit.provinceCode(), gap), named(unit.provinceCode(), leakage));
    }

    /**
     * The cost of the entitled by source: entitled × benefit × share of each source of the split (without a split:
     * the whole on the policy's funding source); none when the policy states no amount.
     */
    static List<CoverageReport.SourceCost> costs(SupportPolicy p, Optional<FundingSplit> split, long entitled,
                                                 Long benefit) {
        if (benefit == null) {
            return List.of();
        }
        Map<String, BigDecimal> byShare = split.map(FundingSplit::shares)
                .orElse(Map.of(p.fundingSource(), BigDecimal.valueOf(100)));
        List<CoverageReport.SourceCost> costs = new ArrayList<>();
        byShare.forEach((source, percent) -> costs.add(new CoverageReport.SourceCost(source, percent,
                FundingSplit.cost(entitled, benefit, percent))));
        return costs;
    }

    private static boolean agedGroup(SupportPolicy p) {
        return PopulationGroup.WITH_ELDERLY.code().equals(p.populationGroup())
                || PopulationGroup.WITH_CHILDREN.code().equals(p.populationGroup());
    }

    /**
     * Group and area-class facts of the households of one area for the policies' conditions: the groups that do not
     * depend on the day (the register keeps no history of them) by the population kernel's predicates, the age groups
     * from the members' birth dates by the kernel's rule on each day asked, the area classes by the area-class kernel
     * (the units holding a class on each day asked, once per class and day).
     */
    private FactSource facts(AreaFilter area, CoveragePeriod period, List<SupportPolicy> here, AccessScope scope) {
        Map<PopulationGroup, Set<Long>> inGroup = new EnumMap<>(PopulationGroup.class);
        for (SupportPolicy p : here) {
            if (p.populationGroup() == null || agedGroup(p)) {
                continue;
            }
            PopulationGroup g = PopulationGroup.parse(p.populationGroup());
            inGroup.computeIfAbsent(g, k -> new HashSet<>(area.bind(jdbc.sql(
                            "SELECT h.id FROM household h JOIN admin_unit c ON c.id = h.commune_id WHERE "
                                    + area.on("h", "c") + " AND " + populationGroups.predicate(k, "h", period.to())))
                    .query(Long.class).list()));
        }
        int elderlyAge = here.stream().anyMatch(p -> PopulationGroup.WITH_ELDERLY.code().equals(p.populationGroup()))
                ? populationGroups.elderlyAge() : 60;
        Map<String, Set<Long>> holders = new HashMap<>();
        return (h, members) -> new HouseholdFacts() {
            @Override
            public boolean inGroup(String groupCode, LocalDate day) {
                PopulationGroup group = PopulationGroup.parse(groupCode);
                return switch (group) {
                    case ALL -> true;
                    case WITH_ELDERLY -> members.stream()
                            .anyMatch(m -> PopulationGroup.elderlyOn(m.birthDate(), day, elderlyAge));
                    case WITH_CHILDREN -> members.stream().anyMatch(m -> PopulationGroup.childOn(m.birthDate(), day));
                    default -> inGroup.getOrDefault(group, Set.of()).contains(h.id);
                };
            }

            @Override
            public boolean holdsAreaClass(String areaClass, LocalDate day) {
                Set<Long> units = holders.computeIfAbsent(areaClass + "/" + day,
                        k -> areaClasses.unitsWith(areaClass, day, scope));
                return units.contains(h.communeId) || h.villageId != null && units.contains(h.villageId);
            }
        };
    }

    /** The facts of one household (its members as loaded). */
    private interface FactSource {
        HouseholdFacts of(HouseholdRef household, List<Person> members);
    }

    /** The unit by id inside the scope (404 otherwise); null id = the country (national scope only). */
    CoverageReport.UnitRef unit(Long unitId, AccessScope scope) {
        if (unitId == null) {
            if (!scope.national()) {
                throw new SupportNotFoundException("the country");
            }
            return new CoverageReport.UnitRef(null, "VN", "country", "Việt Nam", null, null);
        }
        return units.find(unitId, scope)
                .filter(u -> AdminUnit.PROVINCE.equals(u.level()) || AdminUnit.COMMUNE.equals(u.level()))
                .map(u -> new CoverageReport.UnitRef(u.id(), u.code(), u.level(), u.fullName(), u.provinceCode(), u.path()))
                .orElseThrow(() -> new SupportNotFoundException("unit " + unitId));
    }

    private List<String> provinces(CoverageReport.UnitRef unit) {
        if (!unit.isCountry()) {
            return List.of(unit.provinceCode());
        }
        return jdbc.sql("""
                        SELECT DISTINCT province_code FROM status_history
                        UNION SELECT DISTINCT province_code FROM benefit_record WHERE voided_at IS NULL ORDER BY 1""")
                .query(String.class).list();
    }

    private record HouseholdRef(long id, long communeId, Long villageId, boolean active) {
    }

    private static final class Data {
        final Map<Long, HouseholdRef> households = new LinkedHashMap<>();
        final Map<Long, List<DecidedRow>> statuses = new HashMap<>();
        final Map<Long, List<Person>> members = new HashMap<>();
        final Map<Long, List<LocalDate>> leavingDays = new HashMap<>();
        final Map<String, List<Receipt>> receipts = new HashMap<>();
    }

    private static String inUnit(AreaFilter area) {
        return """
            JOIN household h ON h.province_code = x.province_code AND h.id = x.household_id
            JOIN admin_unit c ON c.id = h.commune_id
            WHERE\s""" + area.on("x", "c");
    }

    private Data load(AreaFilter area, CoveragePeriod period, boolean persons) {
        Data data = new Data();
        String inUnit = inUnit(area);
        area.bind(jdbc.sql("""
                        SELECT h.id, h.commune_id, h.village_id, h.life_status FROM household h JOIN admin_unit c ON c.id = h.commune_id
                        WHERE\s""" + area.on("h", "c") + """

                          AND (EXISTS (SELECT 1 FROM decided_status s WHERE s.province_code = h.province_code
                                         AND s.household_id = h.id AND s.effective_from <= :to)
                               OR EXISTS (SELECT 1 FROM benefit_record b WHERE b.province_code = h.province_code
                                         AND b.household_id = h.id AND b.benefit_date BETWEEN :from AND :to
                                         AND b.voided_at IS NULL)
                               OR EXISTS (SELECT 1 FROM loan l WHERE l.province_code = h.province_code
                                         AND l.household_id = h.id AND l.disbursed_on <= :to))
                        ORDER BY h.id"""))
                .param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    data.households.put(rs.getLong("id"), new HouseholdRef(rs.getLong("id"), rs.getLong("commune_id"),
                            rs.getObject("village_id", Long.class), "active".equals(rs.getString("life_status"))));
                });
        // the days households left the register or their commune: no list decided before then is in force after
        area.bind(jdbc.sql("SELECT x.household_id, x.event_date FROM household_event x " + inUnit
                        + " AND x.event_type IN ('moved', 'merged_into', 'dissolved')"))
                .query(rs -> {
                    data.leavingDays.computeIfAbsent(rs.getLong("household_id"), k -> new ArrayList<>())
                            .add(rs.getObject("event_date", LocalDate.class));
                });
        // order: the rank of the kernel's tie-break (effective day, decision date, row), docs/status.md
        area.bind(jdbc.sql("SELECT x.household_id, row_number() OVER (PARTITION BY x.household_id ORDER BY x.effective_from, "
                        + "x.decided_on, x.id) AS tie_rank, x.effective_from, x.status, x.area, x.ethnic_minority, "
                        + "x.social_protection, x.merit FROM decided_status x " + inUnit
                        + " AND x.effective_from <= :to"))
                .param("to", period.to())
                .query(rs -> {
                    data.statuses.computeIfAbsent(rs.getLong("household_id"), k -> new ArrayList<>())
                            .add(new DecidedRow(rs.getObject("effective_from", LocalDate.class), rs.getLong("tie_rank"),
                                    PovertyStatus.ofCode(rs.getString("status")), rs.getString("area"),
                                    rs.getBoolean("ethnic_minority"), rs.getBoolean("social_protection"),
                                    rs.getBoolean("merit")));
                });
        if (persons) {
            area.bind(jdbc.sql("SELECT x.household_id, x.member_no, x.birth_date FROM household_member x " + inUnit))
                    .query(rs -> {
                        data.members.computeIfAbsent(rs.getLong("household_id"), k -> new ArrayList<>())
                                .add(new Person(rs.getInt("member_no"), rs.getObject("birth_date", LocalDate.class)));
                    });
        }
        area.bind(jdbc.sql("SELECT x.household_id, x.policy_id, x.member_no, x.benefit_date FROM benefit_record x "
                        + inUnit + " AND x.benefit_date BETWEEN :from AND :to AND x.voided_at IS NULL"))
                .param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    data.receipts.computeIfAbsent(rs.getLong("policy_id") + "/" + rs.getLong("household_id"),
                            k -> new ArrayList<>()).add(new Receipt(rs.getObject("member_no", Integer.class),
                            rs.getObject("benefit_date", LocalDate.class)));
                });
        // loans of the credit register (V52): a loan of a lending programme that names a support policy counts as a
        // receipt of that policy when it had a balance in the period (disbursed by its end, not settled before its
        // start, and a balance above 0 at its end or settled within it); dated its disbursement or the period's start
        area.bind(jdbc.sql("SELECT x.household_id, sp.id AS policy_id, greatest(x.disbursed_on, :from) AS day FROM loan x "
                        + "JOIN lending_programme lp ON lp.code = x.programme_code "
                        + "JOIN support_policy sp ON sp.code = lp.support_policy_code AND sp.province_code IS NULL " + inUnit + """

                          AND x.disbursed_on <= :to AND (x.settled_on IS NULL OR x.settled_on >= :from)
                          AND (x.settled_on IS NOT NULL OR coalesce((SELECT st.outstanding_vnd FROM loan_statement st
                                 WHERE st.province_code = x.province_code AND st.loan_id = x.id AND st.statement_date <= :to
                                 ORDER BY st.statement_date DESC LIMIT 1), x.amount_vnd) > 0)"""))
                .param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    data.receipts.computeIfAbsent(rs.getLong("policy_id") + "/" + rs.getLong("household_id"),
                            k -> new ArrayList<>()).add(new Receipt(null, rs.getObject("day", LocalDate.class)));
                });
        return data;
    }

    /** Codes and names of the units one level down that appear in the tallies. */
    private Map<Object, String[]> childNames(CoverageReport.UnitRef unit, Map<Long, Map<Object, CoverageTally>> tallies) {
        Map<Object, String[]> names = new HashMap<>();
        List<Object> keys = tallies.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList();
        for (Object key : keys) {
            if (key instanceof String code && unit.isCountry()) {
                names.put(key, jdbc.sql("""
                                SELECT code, full_name FROM admin_unit WHERE level = 'province' AND code = :c
                                ORDER BY valid_to DESC NULLS FIRST LIMIT 1""").param("c", code)
                        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                        .orElse(new String[] {code, code}));
            } else if (key instanceof Long id) {
                names.put(key, jdbc.sql("SELECT code, full_name FROM admin_unit WHERE id = :id").param("id", id)
                        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single());
            } else {
                names.put(key, new String[] {"", ""});
            }
        }
        return names;
    }

    /** The beneficiaries with household code, head, member name and village (one commune: one province). */
    private List<CoverageReport.Beneficiary> named(String province, List<CoverageReport.Beneficiary> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = list.stream().map(CoverageReport.Beneficiary::householdId).distinct().toList();
        Map<Long, String[]> households = new HashMap<>();
        jdbc.sql("""
                        SELECT h.id, h.household_code, v.name AS village,
                               (SELECT m.full_name FROM household_member m WHERE m.province_code = h.province_code
                                  AND m.household_id = h.id AND m.relation = 'head') AS head
                        FROM household h LEFT JOIN admin_unit v ON v.id = h.village_id
                        WHERE h.province_code = :p AND h.id IN (:ids)""")
                .param("p", province).param("ids", ids)
                .query(rs -> {
                    households.put(rs.getLong("id"), new String[] {rs.getString("household_code"), rs.getString("head"),
                            rs.getString("village")});
                });
        Map<String, String> memberNames = new HashMap<>();
        jdbc.sql("SELECT household_id, member_no, full_name FROM household_member WHERE province_code = :p "
                        + "AND household_id IN (:ids)")
                .param("p", province).param("ids", ids)
                .query(rs -> {
                    memberNames.put(rs.getLong(1) + "/" + rs.getInt(2), rs.getString(3));
                });
        return list.stream().map(b -> {
            String[] h = households.getOrDefault(b.householdId(), new String[3]);
            return new CoverageReport.Beneficiary(b.policyCode(), b.householdId(), h[0], h[1], b.memberNo(),
                    b.memberNo() == null ? null : memberNames.get(b.householdId() + "/" + b.memberNo()), h[2]);
        }).sorted(Comparator.comparing((CoverageReport.Beneficiary b) -> b.village() == null ? "" : b.village())
                .thenComparing(CoverageReport.Beneficiary::householdCode, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(b -> b.memberNo() == null ? 0 : b.memberNo())
                .thenComparing(CoverageReport.Beneficiary::policyCode)).toList();
    }
}
