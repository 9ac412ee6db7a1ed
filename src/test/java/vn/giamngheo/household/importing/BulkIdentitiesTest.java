package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The identity numbers of a bulk import (V64, {@code bulk_insert_identities}): into an empty {@code citizen_identity}
 * (a first national load) the key is dropped and built again after the rows, into one that holds numbers the rows go
 * through the key; both store exactly the staged numbers, leave the same primary key behind and refuse a number
 * twice; into an empty one the rows go to a new file (V81: no WAL under wal_level = minimal). Each case runs in a
 * transaction that is rolled back (the shared test database keeps its numbers).
 */
@Tag("database")
@SpringBootTest
class BulkIdentitiesTest {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    private String key() {
        return jdbc.sql("""
                SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = 'citizen_identity'::regclass AND contype = 'p'""").query(String.class).single();
    }

    private long file() {
        return jdbc.sql("SELECT pg_relation_filenode('citizen_identity')").query(Long.class).single();
    }

    private void stage(List<String> numbers) {
        jdbc.sql("TRUNCATE bulk_stage_member").update();
        for (int i = 0; i < numbers.size(); i++) {
            jdbc.sql("""
                            INSERT INTO bulk_stage_member (line, id, household_id, province_code, member_no, full_name, id_number)
                            VALUES (:line, :id, 1, '96', 1, 'Nguyễn Văn A', :n)""")
                    .param("line", i + 2).param("id", 9_000_000_000L + i).param("n", numbers.get(i)).update();
        }
    }

    @ParameterizedTest(name = "citizen_identity empty before: {0}")
    @ValueSource(booleans = {true, false})
    void theStagedNumbersAreStoredAndTheKeyIsTheSame(boolean empty) {
        String keyBefore = key();
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            jdbc.sql("DELETE FROM citizen_identity").update();
            if (!empty) {
                jdbc.sql("INSERT INTO citizen_identity (id_number, province_code, member_id) VALUES ('096000000001', '96', 1)")
                        .update();
            }
            stage(java.util.Arrays.asList("096100000003", null, "096100000002", "096100000001"));
            long fileBefore = file();

            long inserted = jdbc.sql("SELECT bulk_insert_identities()").query(Long.class).single();

            assertThat(inserted).isEqualTo(3);
            assertThat(jdbc.sql("SELECT id_number || ' ' || province_code || ' ' || member_id FROM citizen_identity"
                            + " WHERE id_number LIKE '0961%' ORDER BY 1").query(String.class).list())
                    .containsExactly("096100000001 96 9000000003", "096100000002 96 9000000002", "096100000003 96 9000000000");
            assertThat(jdbc.sql("SELECT count(*) FROM citizen_identity").query(Long.class).single()).isEqualTo(empty ? 3 : 4);
            assertThat(key()).isEqualTo(keyBefore);
            // an empty table gets a new file (V81), written without WAL under wal_level = minimal; a full one keeps its own
            if (empty) {
                assertThat(file()).isNotEqualTo(fileBefore);
            } else {
                assertThat(file()).isEqualTo(fileBefore);
            }
            // the key is there and enforced
            assertThatThrownBy(() -> jdbc.sql("INSERT INTO citizen_identity (id_number, province_code, member_id)"
                    + " VALUES ('096100000002', '96', 7)").update()).isInstanceOf(DataIntegrityViolationException.class);
        });
        assertThat(key()).isEqualTo(keyBefore);
    }

    @ParameterizedTest(name = "citizen_identity empty before: {0}")
    @ValueSource(booleans = {true, false})
    void aNumberTwiceFailsTheWholeImport(boolean empty) {
        String keyBefore = key();
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM citizen_identity WHERE :empty").param("empty", empty).update();
            stage(List.of("096200000001", "096200000002", "096200000001"));
            jdbc.sql("SELECT bulk_insert_identities()").query(Long.class).single();
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(key()).isEqualTo(keyBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM citizen_identity WHERE id_number LIKE '0962%'").query(Long.class).single())
                .isZero();
    }
}
