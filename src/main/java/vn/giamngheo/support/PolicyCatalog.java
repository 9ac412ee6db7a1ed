package vn.giamngheo.support;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.support.rules.Beneficiary;
import vn.giamngheo.support.rules.EntitlementRule;
import vn.giamngheo.support.rules.Qualifier;

/** The policy catalogue: everyone reads it; administrators create and change policies (audited by trigger). */
@Repository
public class PolicyCatalog {

    private static final String COLUMNS = """
            id, code, name_vi, name_en, beneficiary, statuses, escape_window_months, ethnic_minority, social_protection,
            merit, area, min_age, max_age, valid_from, valid_to, benefit_kind, amount_vnd, amount_unit, share_percent,
            funding_source, programme_item, legal_source, confidence, note, active, version""";

    private final JdbcClient jdbc;

    PolicyCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SupportPolicy> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM support_policy ORDER BY code").query(PolicyCatalog::map).list();
    }

    public List<SupportPolicy> active() {
        return all().stream().filter(SupportPolicy::active).toList();
    }

    public Optional<SupportPolicy> byCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM support_policy WHERE code = :code").param("code", code)
                .query(PolicyCatalog::map).optional();
    }

    /** Creates the policy (version 0 on the form and an unused code) or changes it (the version read). */
    @Transactional
    public SupportPolicy save(PolicyForm f, CurrentUser user) {
        if (!user.isAdmin()) {
            throw new AccessDeniedException("only administrators change the policy catalogue");
        }
        List<String> problems = problems(f);
        if (!problems.isEmpty()) {
            throw new InvalidSupportRequestException(problems, "the policy is invalid: " + problems);
        }
        Optional<SupportPolicy> existing = byCode(f.getCode().trim());
        var statement = jdbc.sql(existing.isEmpty() ? """
                        INSERT INTO support_policy (code, name_vi, name_en, beneficiary, statuses, escape_window_months,
                            ethnic_minority, social_protection, merit, area, min_age, max_age, valid_from, valid_to,
                            benefit_kind, amount_vnd, amount_unit, share_percent, funding_source, programme_item,
                            legal_source, confidence, note, active, updated_by)
                        VALUES (:code, :nameVi, :nameEn, :beneficiary, CAST(:statuses AS text[]), :window, :ethnic,
                            :protection, :merit, :area, :minAge, :maxAge, :validFrom, :validTo, :kind, :amount,
                            :amountUnit, :share, :funding, :item, :legal, :confidence, :note, :active, :user)""" : """
                        UPDATE support_policy SET name_vi = :nameVi, name_en = :nameEn, beneficiary = :beneficiary,
                            statuses = CAST(:statuses AS text[]), escape_window_months = :window,
                            ethnic_minority = :ethnic, social_protection = :protection, merit = :merit, area = :area,
                            min_age = :minAge, max_age = :maxAge, valid_from = :validFrom, valid_to = :validTo,
                            benefit_kind = :kind, amount_vnd = :amount, amount_unit = :amountUnit,
                            share_percent = :share, funding_source = :funding, programme_item = :item,
                            legal_source = :legal, confidence = :confidence, note = :note, active = :active,
                            updated_by = :user, updated_at = now(), version = version + 1
                        WHERE code = :code AND version = :version""")
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
                .param("user", user.getUsername());
        if (existing.isPresent()) {
            statement.param("version", f.getVersion());
        }
        if (statement.update() != 1) {
            throw new InvalidSupportRequestException("support.policy.problem.stale",
                    "policy " + f.getCode() + " was changed by someone else; reload it");
        }
        return byCode(f.getCode().trim()).orElseThrow();
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
        if (PolicyForm.trimmed(f.getAmountUnit()).length() > 60 || PolicyForm.trimmed(f.getProgrammeItem()).length() > 100
                || PolicyForm.trimmed(f.getNote()).length() > 2000) {
            problems.add("support.policy.problem.too-long");
        }
        return problems.stream().distinct().toList();
    }

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
                rs.getInt("version"));
    }
}
