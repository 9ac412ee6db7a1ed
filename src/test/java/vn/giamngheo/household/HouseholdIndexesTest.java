package vn.giamngheo.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The register's two big tables carry exactly these indexes (V4, V75, V77): each one is built once per province by a first
 * load and kept up to date on every member or household written, so an index is added here only with the statement
 * it serves. The partitions carry the same ones (every partition, the default one included).
 */
@Tag("database")
@SpringBootTest
class HouseholdIndexesTest {

    @Autowired JdbcClient jdbc;

    @Test
    void theHouseholdsAndTheMembersCarryOnlyTheirKeysAndTheIndexesAQueryUses() {
        // the province code last in every key (V77): inside a partition it is the same in every row
        assertThat(indexes("household")).isEqualTo(Map.of(
                "household_pkey", "UNIQUE (id, province_code)",
                "household_code_in_commune", "UNIQUE (commune_id, household_code, province_code)",
                "household_commune_idx", "(commune_id, village_id)"));
        assertThat(indexes("household_member")).isEqualTo(Map.of(
                "household_member_pkey", "UNIQUE (id, province_code)",
                "household_member_no_in_household", "UNIQUE (household_id, province_code, member_no)",
                "household_member_one_head", "UNIQUE (household_id, province_code) WHERE (relation = 'head'::text)"));
    }

    /**
     * The columns no statement filters, joins, groups or sorts on (V80, V83; docs/planner-statistics.md): ANALYZE skips
     * them. A statement that starts filtering on one of them sets its target back in the same change, and here.
     */
    static final Map<String, Set<String>> WITHOUT_STATISTICS = Map.of(
            "household", Set.of("info_devices", "address", "income_per_capita", "b1_score", "housing_quality",
                    "floor_area_m2", "water_source", "toilet", "internet_use", "telephone_use", "loudspeaker_reach",
                    "waste_treatment", "causes", "merit_household", "social_protection", "deprivation_count",
                    "classified_standard_version", "classified_at", "reference_date", "created_at", "updated_at"),
            "household_member", Set.of("birth_year_only", "monthly_social_allowance", "malnourished",
                    "school_level_appropriate", "sick_untreated"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"household", "household_member"})
    void theColumnsNoStatementFiltersOnHaveNoStatisticsOnTheTableAndEveryPartition(String table) {
        // (PostgreSQL 17 records the default target as null, 15 and 16 as -1)
        assertThat(jdbc.sql("""
                SELECT attname FROM pg_attribute WHERE attrelid = CAST(:t AS regclass) AND attnum > 0
                   AND NOT attisdropped AND attstattarget >= 0""").param("t", table).query(String.class).set())
                .as("columns of %s with a target of their own", table).isEqualTo(WITHOUT_STATISTICS.get(table));
        assertThat(jdbc.sql("""
                SELECT c.relname || '.' || a.attname || ' ' || coalesce(a.attstattarget::text, 'default') FROM pg_class c
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = ANY (CAST(:columns AS text[]))
                 WHERE c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = CAST(:t AS regclass))
                 ORDER BY 1""").param("t", table).param("columns", WITHOUT_STATISTICS.get(table).toArray(String[]::new))
                .query(String.class).list())
                .hasSize(partitions(table) * WITHOUT_STATISTICS.get(table).size()).allMatch(row -> row.endsWith(" 0"));
    }

    private int partitions(String table) {
        return jdbc.sql("SELECT count(*) FROM pg_inherits WHERE inhparent = CAST(:t AS regclass)").param("t", table)
                .query(Integer.class).single();
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

    @Test
    void theRecordsOfAHouseholdStillReferenceItByProvinceAndIdAndEveryMemberPartitionItsHouseholdPartition() {
        // V77 dropped them to rebuild the keys they hang on, and added them again unchanged
        assertThat(jdbc.sql("""
                SELECT conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                 WHERE contype = 'f' AND conparentid = 0 AND confrelid = 'household'::regclass AND convalidated
                 ORDER BY 1""").query(String.class).list()).hasSize(9)
                .allMatch(fk -> fk.contains("FOREIGN KEY (province_code, household_id) REFERENCES household(province_code, id)"))
                .anyMatch(fk -> fk.startsWith("household_photo ") && fk.endsWith("ON UPDATE CASCADE ON DELETE CASCADE"))
                .anyMatch(fk -> fk.startsWith("loan ") && fk.endsWith("ON UPDATE CASCADE"));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM pg_inherits n JOIN pg_class m ON m.oid = n.inhrelid
                 WHERE n.inhparent = 'household_member'::regclass AND NOT EXISTS (
                       SELECT 1 FROM pg_constraint c WHERE c.conrelid = m.oid AND c.contype = 'f' AND c.convalidated
                          AND c.conname = m.relname || '_household_fk'
                          AND pg_get_constraintdef(c.oid) = format('FOREIGN KEY (province_code, household_id) REFERENCES %s'
                              || '(province_code, id) ON UPDATE CASCADE ON DELETE CASCADE',
                              replace(m.relname, 'household_member_', 'household_')))""")
                .query(Long.class).single()).isZero();
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
