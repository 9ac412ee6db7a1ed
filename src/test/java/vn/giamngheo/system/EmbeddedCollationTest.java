package vn.giamngheo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data folder the application creates sorts text by code point with PostgreSQL's builtin collation (compared by
 * {@code memcmp}, sorted by abbreviated keys) and folds Vietnamese letters by Unicode's case mapping, as the machine's
 * {@code C.UTF-8} did before; on any server, the orders and foldings the pages rely on.
 */
@Tag("database")
@SpringBootTest
class EmbeddedCollationTest {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    @Test
    void aNewDataFolderUsesTheBuiltinCodePointCollation() {
        assumeTrue(context.getBeanProvider(EmbeddedPostgres.class).getIfAvailable() != null,
                "an external server's collation is its operator's choice (docs/deployment.md)");
        assertThat(jdbc.sql("""
                        SELECT CAST(datlocprovider AS text) || ' ' || datlocale || ' ' || pg_encoding_to_char(encoding)
                        FROM pg_database WHERE datname = current_database()""").query(String.class).single())
                .isEqualTo("b C.UTF-8 UTF8");
    }

    @Test
    void textSortsByCodePointAndFoldsVietnameseLetters() {
        // code point order: capitals before small letters, Latin-1 (Á) before Latin Extended (ă, then Đ)
        assertThat(jdbc.sql("""
                        SELECT string_agg(w, ' ' ORDER BY w) FROM unnest(
                            ARRAY['đặng', 'Đặng', 'dung', 'Dung', 'Ánh', 'Anh', 'ănh', 'Bình', '10', '9']) w""")
                .query(String.class).single()).isEqualTo("10 9 Anh Bình Dung dung Ánh ănh Đặng đặng");
        assertThat(jdbc.sql("SELECT lower('NGUYỄN THỊ HẰNG ĐẶNG') || '|' || upper('nguyễn thị hằng đặng')")
                .query(String.class).single()).isEqualTo("nguyễn thị hằng đặng|NGUYỄN THỊ HẰNG ĐẶNG");
        assertThat(jdbc.sql("""
                        SELECT w FROM unnest(ARRAY['Trần Thị Hằng', 'Lê Văn Hùng', 'Hoàng Anh']) w
                        WHERE w ILIKE '%hằng%' OR w ILIKE '%HÙNG%' ORDER BY w""")
                .query(String.class).list()).isEqualTo(List.of("Lê Văn Hùng", "Trần Thị Hằng"));
    }
}
