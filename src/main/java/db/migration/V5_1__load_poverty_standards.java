package db.migration;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.giamngheo.standard.rules.Parameter;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.standard.rules.StandardCatalog;
import vn.giamngheo.standard.rules.StandardSchedule;

/**
 * Seeds the three national standards (version 1, every parameter with its legal source and confidence, the
 * shared {@code *} rows of {@code classification/standards.csv} included in each) and the national schedule
 * (2016–2021 QD59_2015, 2022–2026 ND07_2021, 2027–2030 ND351_2025) from the pure model's own data.
 */
public class V5_1__load_poverty_standards extends BaseJavaMigration {

    private static final String SEEDER = "system";
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        StandardCatalog catalog = StandardCatalog.national();
        List<PovertyStandard> standards = catalog.codes().stream().map(c -> catalog.standard(c).orElseThrow())
                .sorted(Comparator.comparing(s -> s.validFrom().orElse(LocalDate.MIN))).toList();
        for (PovertyStandard standard : standards) {
            long id = insertStandard(connection, standard);
            insertParameters(connection, id, standard);
        }
        insertSchedule(connection, StandardSchedule.national(), catalog);
    }

    private static long insertStandard(Connection connection, PovertyStandard standard) throws SQLException {
        Parameter title = standard.require("title");
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO poverty_standard (code, version, name, kind, valid_from, valid_to, legal_basis, created_by)
                VALUES (?, 1, ?, 'national', ?, ?, ?, ?) RETURNING id""")) {
            insert.setString(1, standard.code());
            insert.setString(2, title.value());
            insert.setDate(3, Date.valueOf(standard.validFrom().orElseThrow()));
            insert.setDate(4, Date.valueOf(standard.validTo().orElseThrow()));
            insert.setString(5, title.legalSource().isBlank() ? title.value() : title.legalSource());
            insert.setString(6, SEEDER);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insertParameters(Connection connection, long standardId, PovertyStandard standard)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO poverty_standard_parameter (standard_id, name, value, unit, legal_source, confidence, note)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (Parameter p : standard.allParameters()) {
                insert.setLong(1, standardId);
                insert.setString(2, p.name());
                insert.setString(3, p.value());
                insert.setString(4, p.unit());
                insert.setString(5, p.legalSource());
                insert.setString(6, p.confidence().mark());
                insert.setString(7, p.note());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The schedule's years collapsed into ranges of the same standard. */
    private static void insertSchedule(Connection connection, StandardSchedule schedule, StandardCatalog catalog)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO poverty_standard_schedule (year_from, year_to, standard_code, legal_basis, created_by)
                VALUES (?, ?, ?, ?, ?)""")) {
            int year = FIRST_YEAR;
            while (year <= LAST_YEAR) {
                Optional<String> code = schedule.standardFor(year);
                if (code.isEmpty()) {
                    year++;
                    continue;
                }
                int to = year;
                while (to < LAST_YEAR && schedule.standardFor(to + 1).equals(code)) {
                    to++;
                }
                insert.setInt(1, year);
                insert.setInt(2, to);
                insert.setString(3, code.get());
                insert.setString(4, catalog.standard(code.get()).map(s -> s.require("title").legalSource()).orElse(""));
                insert.setString(5, SEEDER);
                insert.addBatch();
                year = to + 1;
            }
            insert.executeBatch();
        }
    }
}
