package vn.giamngheo.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The identity number's CHECK without a regular expression (V76) accepts exactly what the regular expression it
 * replaces accepted, {@code ^[0-9]{12}$}: twelve ASCII digits; and both tables that store numbers carry it, on every
 * partition.
 */
@Tag("database")
@SpringBootTest
class IdentityNumberCheckTest {

    private static final String CHECK = "(((octet_length(id_number) = 12) AND (ltrim(id_number, '0123456789'::text) = ''::text)))";

    @Autowired JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"012345678901", "999999999999", "000000000000", "01234567890", "0123456789012", "",
            "01234567890a", "a12345678901", "0123456789 1", " 12345678901", "12345678901 ", "0123456789\n1",
            "012345678901\n", "０１２３４５６７８９０１", "01234567890１", "٠١٢٣٤٥٦٧٨٩٠١", "-12345678901", "1234567890.1",
            "123456789012345678901234", "ễ1234567890", "1234567890ễ"})
    void acceptsWhatTheRegularExpressionAccepted(String number) {
        assertThat(jdbc.sql("""
                        SELECT (octet_length(:n) = 12 AND ltrim(:n, '0123456789') = '') = (:n ~ '^[0-9]{12}$')""")
                .param("n", number).query(Boolean.class).single()).as(number).isTrue();
    }

    @Test
    void theMembersAndTheIdentitiesCarryIt() {
        List<String> tables = jdbc.sql("""
                        SELECT c.conrelid::regclass::text FROM pg_constraint c
                        WHERE c.conname IN ('household_member_id_number_check', 'citizen_identity_id_number_check')
                          AND pg_get_constraintdef(c.oid) = 'CHECK ' || :check ORDER BY 1""")
                .param("check", CHECK).query(String.class).list();
        assertThat(tables).contains("citizen_identity", "household_member");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM pg_inherits i WHERE i.inhparent = 'household_member'::regclass
                          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = i.inhrelid
                                            AND c.conname = 'household_member_id_number_check'
                                            AND pg_get_constraintdef(c.oid) = 'CHECK ' || :check)""")
                .param("check", CHECK).query(Long.class).single()).isZero();
    }
}
