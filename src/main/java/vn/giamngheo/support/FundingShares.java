package vn.giamngheo.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.support.rules.FundingSplit;

/**
 * The co-funding shares of the policies (table support_policy_share, V54): for each policy its splits across funding
 * sources, each from a day on. Storing a split from a day replaces the split of that same day and keeps the others
 * (a share changes from a date without losing the old one); it bumps the policy's version (the version read is
 * checked) and is audited by trigger. Who may: as for the policy ({@link PolicyCatalog#mayEdit}).
 */
@Repository
public class FundingShares {

    private final JdbcClient jdbc;

    FundingShares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The policy's splits, oldest first. */
    public List<FundingSplit> of(long policyId) {
        return of(List.of(policyId)).getOrDefault(policyId, List.of());
    }

    /** The splits of several policies, oldest first per policy. */
    public Map<Long, List<FundingSplit>> of(Collection<Long> policyIds) {
        if (policyIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<LocalDate, Map<String, BigDecimal>>> rows = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT policy_id, valid_from, funding_source, share_percent FROM support_policy_share
                        WHERE policy_id IN (:ids) ORDER BY policy_id, valid_from, id""")
                .param("ids", policyIds)
                .query(rs -> {
                    rows.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getObject(2, LocalDate.class), k -> new LinkedHashMap<>())
                            .put(rs.getString(3), rs.getBigDecimal(4));
                });
        Map<Long, List<FundingSplit>> splits = new HashMap<>();
        rows.forEach((id, byDay) -> {
            List<FundingSplit> list = new ArrayList<>();
            byDay.forEach((day, shares) -> list.add(new FundingSplit(day, shares)));
            splits.put(id, List.copyOf(list));
        });
        return splits;
    }

    /**
     * Stores the split of the policy from the day (replacing one of the same day), checking the policy's version.
     *
     * @param shares source code → percent; blank sources are left out by the caller
     * @return the policy's new version
     */
    @Transactional
    public int save(SupportPolicy policy, LocalDate validFrom, Map<String, BigDecimal> shares, int version,
                    CurrentUser user) {
        if (!PolicyCatalog.mayEdit(policy, user)) {
            throw new AccessDeniedException("policy " + policy.code() + " is not yours to change");
        }
        List<String> problems = FundingSplit.problems(validFrom, shares);
        if (!problems.isEmpty()) {
            throw new InvalidSupportRequestException(problems, "the split is invalid: " + problems);
        }
        if (version == policy.version() && of(policy.id()).stream()
                .anyMatch(s -> s.validFrom().equals(validFrom) && sameShares(s.shares(), shares))) {
            return version; // the split of that day saved unchanged: nothing is stored again
        }
        int bumped = jdbc.sql("""
                        UPDATE support_policy SET version = version + 1, updated_by = :user, updated_at = now()
                        WHERE id = :id AND version = :version""")
                .param("user", user.getUsername()).param("id", policy.id()).param("version", version).update();
        if (bumped != 1) {
            throw new InvalidSupportRequestException("support.policy.problem.stale",
                    "policy " + policy.code() + " was changed by someone else; reload it");
        }
        jdbc.sql("DELETE FROM support_policy_share WHERE policy_id = :id AND valid_from = :from")
                .param("id", policy.id()).param("from", validFrom).update();
        shares.forEach((source, percent) -> jdbc.sql("""
                        INSERT INTO support_policy_share (policy_id, valid_from, funding_source, share_percent, created_by)
                        VALUES (:id, :from, :source, :percent, :user)""")
                .param("id", policy.id()).param("from", validFrom).param("source", source).param("percent", percent)
                .param("user", user.getUsername()).update());
        return version + 1;
    }

    private static boolean sameShares(Map<String, BigDecimal> stored, Map<String, BigDecimal> entered) {
        return stored.size() == entered.size() && stored.entrySet().stream().allMatch(e ->
                entered.containsKey(e.getKey()) && entered.get(e.getKey()).compareTo(e.getValue()) == 0);
    }

    /**
     * What the split form shows before anything is entered: the latest split (its day and each source's percent,
     * as the number field takes it), or only the policy's first day when it has none.
     */
    public static Map<String, String> formOf(List<FundingSplit> splits, LocalDate policyValidFrom) {
        Map<String, String> entry = new LinkedHashMap<>();
        if (splits.isEmpty()) {
            if (policyValidFrom != null) {
                entry.put("validFrom", policyValidFrom.toString());
            }
            return entry;
        }
        FundingSplit latest = splits.get(splits.size() - 1);
        entry.put("validFrom", latest.validFrom().toString());
        latest.shares().forEach((source, percent) ->
                entry.put("share_" + source, percent.stripTrailingZeros().toPlainString()));
        return entry;
    }
}
