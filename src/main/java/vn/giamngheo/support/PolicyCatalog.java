package vn.giamngheo.support;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.areaclass.AreaClasses;
import vn.giamngheo.population.PopulationGroup;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.support.rules.Beneficiary;
import vn.giamngheo.support.rules.EntitlementRule;
import vn.giamngheo.support.rules.Qualifier;

/**
 * The policy catalogue: national policies ({@code province_code} NULL) and provinces' own. Everyone reads the national
 * ones and their own province's (administrators and national users every one); administrators create and change
 * any policy, a province's officers their own province's (audited by trigger, with a version check). A province's
 * code is unique in it and never repeats a national code, so that a code names one policy wherever a household lives.
 */
@Repository
public class PolicyCatalog {

    private static final String COLUMNS = """
            id, code, name_vi, name_en, beneficiary, statuses, escape_window_months, ethnic_minority, social_protection,
            merit, area, min_age, max_age, valid_from, valid_to, benefit_kind, amount_vnd, amount_unit, share_percent,
            funding_source, programme_item, legal_source, confidence, note, active, version, province_code,
            population_group, area_class""";

    private final JdbcClient jdbc;

    private final AreaClasses areaClasses;

    PolicyCatalog(JdbcClient jdbc, AreaClasses areaClasses) {
        this.jdbc = jdbc;
        this.areaClasses = areaClasses;
    }

    /** Every policy, national and provincial (national first, then by province and code). */
    public List<SupportPolicy> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM support_policy ORDER BY province_code NULLS FIRST, code")
                .query(PolicyCatalog::map).list();
    }

    /** Every active national policy and every province's active own policies. */
    public List<SupportPolicy> active() {
        return all().stream().filter(SupportPolicy::active).toList();
    }

    /** The policies a user of the scope sees: every one for national users, else the national ones and their province's. */
    public List<SupportPolicy> visible(AccessScope scope) {
        return scope.national() ? all() : of(scope.provinceCode());
    }

    /** The national policies and the province's own (the national ones only for a null province). */
    public List<SupportPolicy> of(String provinceCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM support_policy WHERE province_code IS NULL"
                        + " OR province_code = :p ORDER BY province_code NULLS FIRST, code")
                .param("p", provinceCode == null ? "" : provinceCode).query(PolicyCatalog::map).list();
    }

    /** The active policies that apply in a province: the national ones and the province's own. */
    public List<SupportPolicy> activeIn(String provinceCode) {
        return of(provinceCode).stream().filter(SupportPolicy::active).toList();
    }

    /** The national policy of this code (a province's policy is found with {@link #byCode(String, String)}). */
    public Optional<SupportPolicy> byCode(String code) {
        return byCode(code, null);
    }

    /** The province's own policy of this code, else the national one (province null: the national one only). */
    public Optional<SupportPolicy> byCode(String code, String provinceCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM support_policy WHERE code = :code AND (province_code IS NULL"
                        + " OR province_code = :p) ORDER BY province_code NULLS LAST LIMIT 1")
                .param("code", code).param("p", provinceCode == null ? "" : provinceCode)
                .query(PolicyCatalog::map).optional();
    }

    /**
     * The policy of this code a user of the scope may read: with {@code province} given, that province's own (which
     * must be the user's, unless national); without, the user's province's own, else the national one, else (national
     * users) the one province's policy of that code. Another province's policy is not found (404).
     */
    public Optional<SupportPolicy> find(String code, String province, AccessScope scope) {
        String p = province == null || province.isBlank() ? null : province.strip();
        if (p != null) {
            if (!scope.national() && !p.equals(scope.provinceCode())) {
                return Optional.empty();
            }
            return jdbc.sql("SELECT " + COLUMNS + " FROM support_policy WHERE code = :code AND province_code = :p")
                    .param("code", code).param("p", p).query(PolicyCatalog::map).optional();
        }
        if (!scope.national()) {
            return byCode(code, scope.provinceCode());
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM support_policy WHERE code = :code"
                        + " ORDER BY province_code NULLS FIRST LIMIT 1")
                .param("code", code).query(PolicyCatalog::map).optional();
    }

    /** Today's provinces: code → name (for "Trung ương" / the province beside each policy). */
    public Map<String, String> provinceNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT code, full_name FROM admin_unit WHERE level = 'province' AND valid_to IS NULL ORDER BY code")
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /** Whether the user may create policies: administrators, and a province's officers for their province. */
    public static boolean mayCreate(CurrentUser user) {
        return user.isAdmin() || provinceOfficer(user);
    }

    /** Whether the user may change this policy: administrators any, a province's officers their province's own. */
    public static boolean mayEdit(SupportPolicy policy, CurrentUser user) {
        return user.isAdmin() || provinceOfficer(user) && policy.provinceCode() != null
                && policy.provinceCode().equals(user.scope().provinceCode());
    }

    private static boolean provinceOfficer(CurrentUser user) {
        return user.role() == Role.PROVINCE_OFFICER && !user.scope().national() && user.scope().provinceCode() != null;
    }

    /**
     * Creates the policy (version 0 on the form and an unused code) or changes it (the version read). A province's
     * officer stores their own province's policies only (the form's province is theirs); an administrator any, the
     * form's province blank for a national one.
     */
    @Transactional
    public SupportPolicy save(PolicyForm f, CurrentUser user) {
        if (!mayCreate(user)) {
            throw new AccessDeniedException("only administrators and province officers change the policy catalogue");
        }
        String province = user.isAdmin() ? PolicyForm.blankToNull(f.getProvinceCode()) : user.scope().provinceCode();
        List<String> problems = new ArrayList<>(problems(f));
        if (province != null && !province.matches("[0-9]{2}")) {
            problems.add("support.policy.problem.province");
        }
        if (PolicyForm.blankToNull(f.getAreaClass()) != null && areaClasses.find(f.getAreaClass().strip()).isEmpty()) {
            problems.add("support.policy.problem.area-class");
        }
        String code = f.getCode() == null ? "" : f.getCode().trim();
        Optional<SupportPolicy> existing = problems.isEmpty() ? exactly(code, province) : Optional.empty();
        if (problems.isEmpty() && existing.isEmpty() && codeTakenElsewhere(code, province)) {
            problems.add(province == null ? "support.policy.problem.code-provincial"
                    : "support.policy.problem.code-national");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSupportRequestException(problems, "the policy is invalid: " + problems);
        }
        var statement = jdbc.sql(existing.isEmpty() ? """
                        INSERT INTO support_policy (code, name_vi, name_en, beneficiary, statuses, escape_window_months,
                            ethnic_minority, social_protection, merit, area, min_age, max_age, valid_from, valid_to,
                            benefit_kind, amount_vnd, amount_unit, share_percent, funding_source, programme_item,
                            legal_source, confidence, note, active, updated_by, province_code, population_group,
                            area_class)
                        VALUES (:code, :nameVi, :nameEn, :beneficiary, CAST(:statuses AS text[]), :window, :ethnic,
                            :protection, :merit, :area, :minAge, :maxAge, :validFrom, :validTo, :kind, :amount,
                            :amountUnit, :share, :funding, :item, :legal, :confidence, :note, :active, :user, :province,
                            :group, :areaClass)""" : """
                        UPDATE support_policy SET name_vi = :nameVi, name_en = :nameEn, beneficiary = :beneficiary,
                            statuses = CAST(:statuses AS text[]), escape_window_months = :window,
                            ethnic_minority = :ethnic, social_protection = :protection, merit = :merit, area = :area,
                            min_age = :minAge, max_age = :maxAge, valid_from = :validFrom, valid_to = :validTo,
                            benefit_kind = :kind, amount_vnd = :amount, amount_unit = :amountUnit,
                            share_percent = :share, funding_source = :funding, programme_item = :item,
                            legal_source = :legal, confidence = :confidence, note = :note, active = :active,
                            updated_by = :user, updated_at = now(), version = version + 1,
                            population_group = :group, area_class = :areaClass
                        WHERE code = :code AND province_code IS NOT DISTINCT FROM CAST(:province AS text)
                          AND version = :version""")
                .param("code", f.getCode().trim()).param("nameVi", f.getNameVi().trim()).param("nameEn", f.getNameEn().trim())
                .param("beneficiary", f.getBeneficiary())
                .param("statuses", "{" + String.join(",", f.getStatuses()) + "}")
                .param("window", f.getEscapeWindowMonths())
                .param("ethnic", PolicyForm.tri(f.getEthnicMinority()))
                .param("protection", PolicyForm.tri(f.getSocialProtection()))
                .param("merit", PolicyForm.tri(f.getMerit()))
                .param("area", PolicyForm.blankToNull(f.getArea()))
                .param("minAge", f.getMinAge()).param("maxAge", f.getMaxAge())
                .param("validFrom", f.getValidFrom()).param("validTo", f.getValidTo())
                .param("kind", f.getBenefitKind()).param("amount", f.getAmountVnd())
                .param("amountUnit", PolicyForm.trimmed(f.getAmountUnit())).param("share", f.getSharePercent())
                .param("funding", f.getFundingSource()).param("item", PolicyForm.trimmed(f.getProgrammeItem()))
                .param("legal", PolicyForm.trimmed(f.getLegalSource())).param("confidence", f.getConfidence())
                .param("note", PolicyForm.trimmed(f.getNote())).param("active", f.isActive())
                .param("user", user.getUsername()).param("province", province)
                .param("group", PolicyForm.blankToNull(f.getPopulationGroup()))
                .param("areaClass", PolicyForm.blankToNull(f.getAreaClass()));
        if (existing.isPresent()) {
            statement.param("version", f.getVersion());
        }
        if (statement.update() != 1) {
            throw new InvalidSupportRequestException("support.policy.problem.stale",
                    "policy " + f.getCode() + " was changed by someone else; reload it");
        }
        return exactly(code, province).orElseThrow();
    }

    /** The policy of exactly this code and province (null: national). */
    public Optional<SupportPolicy> exactly(String code, String provinceCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM support_policy WHERE code = :code"
                        + " AND province_code IS NOT DISTINCT FROM CAST(:p AS text)")
                .param("code", code).param("p", provinceCode).query(PolicyCatalog::map).optional();
    }

    /** A new national code used by a province, or a new provincial code used by a national policy. */
    private boolean codeTakenElsewhere(String code, String province) {
        return jdbc.sql("SELECT count(*) FROM support_policy WHERE code = :code AND "
                        + (province == null ? "province_code IS NOT NULL" : "province_code IS NULL"))
                .param("code", code).query(Long.class).single() > 0;
    }

    /** Message keys of every problem of the form (empty when it can be stored). */
    static List<String> problems(PolicyForm f) {
        List<String> problems = new ArrayList<>();
        if (f.getCode() == null || !f.getCode().trim().matches("[A-Z0-9_]{2,40}")) {
            problems.add("support.policy.problem.code");
        }
        if (blankOrLonger(f.getNameVi(), 300) || blankOrLonger(f.getNameEn(), 300)) {
            problems.add("support.policy.problem.name");
        }
        Beneficiary beneficiary = "person".equals(f.getBeneficiary()) ? Beneficiary.PERSON
                : "household".equals(f.getBeneficiary()) ? Beneficiary.HOUSEHOLD : null;
        List<Qualifier> statuses = new ArrayList<>();
        for (String s : f.getStatuses()) {
            Qualifier.fromCode(s).ifPresentOrElse(statuses::add, () -> problems.add("support.policy.problem.statuses"));
        }
        problems.addAll(EntitlementRule.problems(beneficiary, statuses.isEmpty() ? java.util.Set.of()
                        : java.util.EnumSet.copyOf(statuses), f.getEscapeWindowMonths(), PolicyForm.blankToNull(f.getArea()),
                f.getMinAge(), f.getMaxAge(), f.getValidFrom(), f.getValidTo()));
        if (f.getEscapeWindowMonths() != null && (f.getEscapeWindowMonths() < 1 || f.getEscapeWindowMonths() > 120)
                && !problems.contains("support.policy.problem.window")) {
            problems.add("support.policy.problem.window");
        }
        if (!SupportPolicy.BENEFIT_KINDS.contains(f.getBenefitKind())) {
            problems.add("support.policy.problem.kind");
        }
        if (!SupportPolicy.FUNDING_SOURCES.contains(f.getFundingSource())) {
            problems.add("support.policy.problem.funding");
        }
        if (!SupportPolicy.CONFIDENCES.contains(f.getConfidence())) {
            problems.add("support.policy.problem.confidence");
        }
        if (blankOrLonger(f.getLegalSource(), 500)) {
            problems.add("support.policy.problem.legal-source");
        }
        if (f.getAmountVnd() != null && f.getAmountVnd() < 0 || f.getSharePercent() != null
                && (f.getSharePercent().signum() < 0 || f.getSharePercent().compareTo(BigDecimal.valueOf(100)) > 0
                || f.getSharePercent().scale() > 2)) {
            problems.add("support.policy.problem.amount");
        }
        if (PolicyForm.blankToNull(f.getPopulationGroup()) != null && !POPULATION_GROUPS.contains(f.getPopulationGroup())) {
            problems.add("support.policy.problem.population-group");
        }
        if (PolicyForm.trimmed(f.getAmountUnit()).length() > 60 || PolicyForm.trimmed(f.getProgrammeItem()).length() > 100
                || PolicyForm.trimmed(f.getNote()).length() > 2000) {
            problems.add("support.policy.problem.too-long");
        }
        return problems.stream().distinct().toList();
    }

    /** The population groups a rule may require (every group of the kernel but "all"). */
    public static final List<String> POPULATION_GROUPS = Arrays.stream(PopulationGroup.values())
            .filter(g -> g != PopulationGroup.ALL).map(PopulationGroup::code).toList();

    private static boolean blankOrLonger(String s, int max) {
        return s == null || s.isBlank() || s.trim().length() > max;
    }

    private static SupportPolicy map(ResultSet rs, int row) throws SQLException {
        Array statuses = rs.getArray("statuses");
        return new SupportPolicy(rs.getLong("id"), rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"),
                rs.getString("beneficiary"), Arrays.stream((String[]) statuses.getArray()).collect(Collectors.toList()),
                rs.getObject("escape_window_months", Integer.class), rs.getObject("ethnic_minority", Boolean.class),
                rs.getObject("social_protection", Boolean.class), rs.getObject("merit", Boolean.class),
                rs.getString("area"), rs.getObject("min_age", Integer.class), rs.getObject("max_age", Integer.class),
                rs.getObject("valid_from", java.time.LocalDate.class), rs.getObject("valid_to", java.time.LocalDate.class),
                rs.getString("benefit_kind"), rs.getObject("amount_vnd", Long.class), rs.getString("amount_unit"),
                rs.getBigDecimal("share_percent"), rs.getString("funding_source"), rs.getString("programme_item"),
                rs.getString("legal_source"), rs.getString("confidence"), rs.getString("note"), rs.getBoolean("active"),
                rs.getInt("version"), rs.getString("province_code"), rs.getString("population_group"),
                rs.getString("area_class"));
    }
}
