package vn.giamngheo.areaclass;

import java.time.Instant;

/**
 * The merged-commune rule in force, as the administrator last set it.
 *
 * @param source  where the rule comes from ("quy tắc của hệ thống, chờ danh sách mới")
 * @param version the version an edit must carry
 */
public record RuleSetting(MergedCommuneRule rule, String source, int version, String updatedBy, Instant updatedAt) {
}
