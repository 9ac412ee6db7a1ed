package vn.giamngheo.backup;

import java.util.List;

/**
 * {@code manifest.json} of a backup file. Tables are listed in load order (referenced tables first);
 * each entry holds the table's rows in PostgreSQL's COPY text format (UTF-8, one line per row).
 *
 * @param formatVersion    version of this file format ({@link DatabaseBackup#FORMAT_VERSION})
 * @param createdAt        when the snapshot was taken (ISO-8601 instant)
 * @param flywayVersion    schema version of the database (latest successful Flyway migration)
 * @param serverVersion    PostgreSQL server version, for information
 * @param tables           the tables, in load order
 * @param sequences        every sequence of the schema with its value at snapshot time
 */
public record BackupManifest(int formatVersion, String createdAt, String flywayVersion, String serverVersion,
                             List<Table> tables, List<Sequence> sequences) {

    /**
     * @param name    table name in schema public (a partitioned table is copied as a whole through its parent)
     * @param entry   ZIP entry holding the rows
     * @param columns columns in the order of the rows
     * @param rows    number of rows
     * @param sha256  SHA-256 of the entry's content, lower-case hex
     */
    public record Table(String name, String entry, List<String> columns, long rows, String sha256) {
    }

    /** A sequence ({@code last_value}, {@code is_called}) as read in the snapshot. */
    public record Sequence(String name, long lastValue, boolean called) {
    }

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
