package vn.giamngheo.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The register's two big tables carry exactly these indexes (V4, V75): each one is built once per province by a first
 * load and kept up to date on every member or household written, so an index is added here only with the statement
 * it serves. The partitions carry the same ones (every partition, the default one included).
 */
@Tag("database")
@SpringBootTest
class HouseholdIndexesTest {

    @Autowired JdbcClient jdbc;

    @Test
    void theHouseholdsAndTheMembersCarryOnlyTheirKeysAndTheIndexesAQueryUses() {
        assertThat(indexes("household")).isEqualTo(Map.of(
                "household_pkey", "UNIQUE (province_code, id)",
                "household_code_in_commune", "UNIQUE (province_code, commune_id, household_code)",
                "household_id_idx", "(id)",
                "household_commune_idx", "(commune_id, village_id)"));
        assertThat(indexes("household_member")).isEqualTo(Map.of(
                "household_member_pkey", "UNIQUE (province_code, id)",
                "household_member_province_code_household_id_member_no_key",
                "UNIQUE (province_code, household_id, member_no)",
                "household_member_one_head", "UNIQUE (province_code, household_id) WHERE (relation = 'head'::text)"));
    }

    @Test
    void everyPartitionCarriesItsParentsIndexes() {
        for (String parent : new String[] {"household", "household_member"}) {
            int expected = indexes(parent).size();
            var short_ = jdbc.sql("""
                    SELECT p.relname FROM pg_inherits h JOIN pg_class p ON p.oid = h.inhrelid
                     WHERE h.inhparent = CAST(:t AS regclass)
                       AND (SELECT count(*) FROM pg_index i WHERE i.indrelid = p.oid) <> :n""")
                    .param("t", parent).param("n", expected).query(String.class).list();
            assertThat(short_).as("partitions of %s without exactly its %s indexes", parent, expected).isEmpty();
        }
    }

    /** The parent's indexes: name → UNIQUE? and the definition's columns (and predicate). */
    private Map<String, String> indexes(String table) {
        Map<String, String> out = new TreeMap<>();
        jdbc.sql("""
                SELECT x.relname, pg_get_indexdef(i.indexrelid) AS def, i.indisunique
                  FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid
                 WHERE i.indrelid = CAST(:t AS regclass)""").param("t", table)
                .query((rs, n) -> out.put(rs.getString(1), (rs.getBoolean(3) ? "UNIQUE " : "")
                        + rs.getString(2).replaceFirst("^.* USING btree ", "")))
                .list();
        return out;
    }
}
