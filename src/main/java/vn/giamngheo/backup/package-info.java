/**
 * Backup and restore of the application database: {@code backup --out FILE.zip} writes a consistent
 * logical snapshot (PostgreSQL {@code COPY} text format, one ZIP entry per table, a manifest with row
 * counts and SHA-256 checksums); {@code restore --in FILE.zip} loads it into an empty database of the
 * same schema version in one transaction.
 */
package vn.giamngheo.backup;
