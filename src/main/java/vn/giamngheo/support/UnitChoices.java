package vn.giamngheo.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.security.AccessScope;

/** The units a user may choose for coverage: their own unit and, below it, provinces or communes of today. */
@Component
class UnitChoices {

    record Choice(Long id, String code, String name, String level) {
    }

    private final JdbcClient jdbc;

    UnitChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Choice> of(AccessScope scope, LocalDate today) {
        List<Choice> choices = new ArrayList<>();
        if (scope.national()) {
            choices.add(new Choice(null, "VN", "Việt Nam", "country"));
        }
        AreaFilter area = AreaFilter.of(scope);
        choices.addAll(area.bind(jdbc.sql("""
                        SELECT id, code, full_name, level FROM admin_unit u
                        WHERE level IN ('province', 'commune') AND\s""" + area.on("u") + """

                          AND (valid_from IS NULL OR valid_from <= :d) AND (valid_to IS NULL OR valid_to >= :d)
                          AND (CAST(:national AS boolean) AND level = 'province' OR NOT CAST(:national AS boolean))
                        ORDER BY CASE level WHEN 'province' THEN 0 ELSE 1 END, code LIMIT 5000"""))
                .param("d", today).param("national", scope.national())
                .query((rs, i) -> new Choice(rs.getLong("id"), rs.getString("code"), rs.getString("full_name"),
                        rs.getString("level")))
                .list());
        return choices;
    }
}
