package vn.giamngheo.areaclass;

import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.security.CurrentUser;

/** Changes of the catalogue and of the merged-commune rule, by administrators only (audited by the triggers). */
@Service
public class AreaClassCatalogue {

    static final Set<String> APPLIES_TO = Set.of(AreaClass.COMMUNE, AreaClass.VILLAGE, AreaClass.BOTH);

    private final JdbcClient jdbc;
    private final AreaClasses classes;

    AreaClassCatalogue(JdbcClient jdbc, AreaClasses classes) {
        this.jdbc = jdbc;
        this.classes = classes;
    }

    /**
     * Adds a class to the catalogue.
     *
     * @throws InvalidAreaClassException when a field is missing or wrong, or the code is taken
     */
    @Transactional
    public AreaClass add(AreaClass wanted, CurrentUser user) {
        requireAdmin(user);
        String code = wanted.code() == null ? "" : wanted.code().strip();
        if (!code.matches("[a-z][a-z0-9_]{1,39}")) {
            throw new InvalidAreaClassException("areaclass.error.code", code);
        }
        if (!APPLIES_TO.contains(wanted.appliesTo())) {
            throw new InvalidAreaClassException("areaclass.error.applies-to", wanted.appliesTo());
        }
        String nameVi = strip(wanted.nameVi());
        String nameEn = strip(wanted.nameEn());
        if (nameVi.isEmpty() || nameEn.isEmpty() || nameVi.length() > 300 || nameEn.length() > 300) {
            throw new InvalidAreaClassException("areaclass.error.names");
        }
        String source = strip(wanted.legalSource());
        if (source.isEmpty() || source.length() > 500) {
            throw new InvalidAreaClassException("areaclass.error.source");
        }
        if (classes.find(code).isPresent()) {
            throw new InvalidAreaClassException("areaclass.error.code-taken", code);
        }
        jdbc.sql("INSERT INTO area_class (code, applies_to, name_vi, name_en, legal_source, sort_order, created_by)"
                        + " VALUES (:code, :appliesTo, :nameVi, :nameEn, :source, :sort, :user)")
                .param("code", code).param("appliesTo", wanted.appliesTo()).param("nameVi", nameVi)
                .param("nameEn", nameEn).param("source", source).param("sort", wanted.sortOrder())
                .param("user", user.getUsername()).update();
        return classes.find(code).orElseThrow();
    }

    /**
     * Sets the merged-commune rule from the version the administrator saw.
     *
     * @throws InvalidAreaClassException when the rule is unknown, the source blank, or the rule changed since
     */
    @Transactional
    public RuleSetting setRule(String rule, String source, Integer version, CurrentUser user) {
        requireAdmin(user);
        MergedCommuneRule chosen = MergedCommuneRule.parse(rule);
        String text = strip(source);
        if (text.isEmpty() || text.length() > 500) {
            throw new InvalidAreaClassException("areaclass.error.source");
        }
        RuleSetting current = classes.rule();
        if (version == null) {
            throw new InvalidAreaClassException("areaclass.error.version-required");
        }
        int changed = jdbc.sql("UPDATE area_class_rule SET rule = :rule, source = :source, version = version + 1,"
                        + " updated_by = :user, updated_at = now() WHERE id = 1 AND version = :version")
                .param("rule", chosen.code()).param("source", text).param("user", user.getUsername())
                .param("version", version).update();
        if (changed == 0) {
            throw new InvalidAreaClassException("areaclass.error.stale", current.updatedBy());
        }
        return classes.rule();
    }

    private static void requireAdmin(CurrentUser user) {
        if (user == null || !user.isAdmin()) {
            throw new AccessDeniedException("only administrators change the area-class catalogue and rule");
        }
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
