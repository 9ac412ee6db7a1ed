package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.giamngheo.exchange.PovertyCause;

/**
 * The staging COPY in PostgreSQL's binary format (issue 26 point 1) against the text format it replaces: the same
 * values written both ways into tables of the staging tables' column types are read back equal, row by row and
 * column by column — numbers of every shape (zero, fractions, negatives, trailing zeros, exponents, large), dates
 * before and after PostgreSQL's epoch, texts with diacritics, backslashes, tabs, quotes and line breaks, empty and
 * sorted arrays of codes, and a null of every type.
 */
@Tag("database")
@SpringBootTest
class BinaryStagingTest {

    @Autowired DataSource dataSource;

    private static final String COLUMNS = "a integer, b bigint, c smallint, d boolean, e numeric, f date, g text, h text[]";

    /** One row of each type's values: integer, bigint, smallint, boolean, numeric, date, text, text[]. */
    record Row(Integer a, Long b, Integer c, Boolean d, BigDecimal e, LocalDate f, String g, Set<PovertyCause> h) {
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String[] numbers = {"0", "0.00", "1", "-1", "12.50", "0.5", "0.0001", "0.00001", "-0.000123", "10000", "9999.9999",
                "123456789.0001", "1E+3", "1.0E+5", "100000000", "3.14159265358979323846", "-98765.4321000", "20000.0",
                "0.10", "7"};
        LocalDate[] dates = {LocalDate.of(2000, 1, 1), LocalDate.of(1999, 12, 31), LocalDate.of(1900, 1, 1),
                LocalDate.of(1924, 2, 29), LocalDate.of(2026, 12, 6), LocalDate.of(2000, 1, 2)};
        String[] texts = {"", "Nguyễn Văn A", "Đặng Thị Bé & <Con> \"Út\" 'x'", "back\\slash", "tab\there", "line\nbreak\r",
                "ASCII only", "Ê-đê", "\\N", "漢字 và chữ Nôm"};
        List<Set<PovertyCause>> sets = List.of(EnumSet.noneOf(PovertyCause.class), EnumSet.allOf(PovertyCause.class),
                EnumSet.of(PovertyCause.values()[PovertyCause.values().length - 1], PovertyCause.values()[0]));
        for (int i = 0; i < numbers.length; i++) {
            rows.add(new Row(i % 2 == 0 ? -i * 1_000_003 : Integer.MAX_VALUE - i, i % 3 == 0 ? Long.MIN_VALUE + i : 9_876_543_210L * i,
                    i % 2 == 0 ? (int) Short.MAX_VALUE - i : -i, i % 2 == 0, new BigDecimal(numbers[i]), dates[i % dates.length],
                    texts[i % texts.length], sets.get(i % sets.size())));
        }
        rows.add(new Row(null, null, null, null, null, null, null, EnumSet.noneOf(PovertyCause.class)));
        return rows;
    }

    private static void write(CopyBuffer b, List<Row> rows) throws SQLException {
        for (Row r : rows) {
            b.int4(r.a()).int8(r.b()).int2(r.c()).bool(r.d()).numeric(r.e()).date(r.f()).text(r.g()).codes(r.h()).end();
        }
        assertThat(b.finish()).isEqualTo(rows.size());
    }

    private static List<String> read(Statement s, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT n, a, b, c, d, e, f, g, h, scale(e), e::text, h::text FROM " + table
                + " ORDER BY n")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 12; i++) {
                    Object v = rs.getObject(i);
                    row.append(v instanceof java.sql.Array array ? List.of((Object[]) array.getArray()) : v).append('|');
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    @Test
    void theBinaryFormatStagesExactlyWhatTheTextFormatStaged() throws SQLException {
        List<Row> rows = rows();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("CREATE TEMP TABLE staged_text (n serial, " + COLUMNS + ")");
            s.execute("CREATE TEMP TABLE staged_binary (n serial, " + COLUMNS + ")");
            var api = c.unwrap(PGConnection.class).getCopyAPI();
            write(new CopyBuffer(api.copyIn("COPY staged_text (a, b, c, d, e, f, g, h) FROM STDIN"),
                    null, false), rows);
            write(new CopyBuffer(api.copyIn(
                    "COPY staged_binary (a, b, c, d, e, f, g, h) FROM STDIN WITH (FORMAT binary)"), "test-binary", true), rows);

            List<String> text = read(s, "staged_text");
            List<String> binary = read(s, "staged_binary");

            assertThat(binary).hasSize(rows.size()).containsExactlyElementsOf(text);
            assertThat(text).anyMatch(r -> r.contains("|Đặng Thị Bé & <Con> \"Út\" 'x'|"));
            assertThat(text).anyMatch(r -> r.contains("|-98765.4321000|"));
            assertThat(text).anyMatch(r -> r.contains("|1999-12-31|"));
            assertThat(text).anyMatch(r -> r.endsWith("|{}|"));
            // the values compared in SQL too, with their types' own equality and their display scale
            try (ResultSet rs = s.executeQuery("""
                    SELECT count(*) FROM staged_text t JOIN staged_binary b USING (n)
                    WHERE (t.a, t.b, t.c, t.d, t.e, t.f, t.g, t.h, t.e::text) IS NOT DISTINCT FROM
                          (b.a, b.b, b.c, b.d, b.e, b.f, b.g, b.h, b.e::text)""")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(rows.size());
            }
        }
    }
}
